//! The gazetteers of `ontology/gazetteer/`: states, places, organisations, militant groups and
//! titles, compiled into the binary and indexed by normalised token sequences.

use crate::model::EntityType;
use crate::text;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The bundled gazetteer files, compiled into the binary.
pub mod sources {
    pub const STATES: &str = include_str!("../../ontology/gazetteer/states.tsv");
    pub const PLACES: &str = include_str!("../../ontology/gazetteer/places.tsv");
    pub const ORGANIZATIONS: &str = include_str!("../../ontology/gazetteer/organizations.tsv");
    pub const MILITANT_GROUPS: &str = include_str!("../../ontology/gazetteer/militant_groups.tsv");
    pub const TITLES: &str = include_str!("../../ontology/gazetteer/titles.tsv");
}

/// How a phrase names its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Surface {
    Name,
    Alias,
    Acronym,
    Demonym,
    /// A capital city: the place itself, or its state when it acts ("Tehran said").
    Capital,
}

/// One gazetteer entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// `state/pakistan`: the path of its IRI under `…/id/`.
    pub key: String,
    pub kind: EntityType,
    pub name: String,
    pub aliases: Vec<String>,
    pub wikidata: Option<String>,
    /// States it belongs to or operates in, most important first.
    pub countries: Vec<usize>,
    /// The state whose capital this place is.
    pub capital_of: Option<usize>,
    /// The place it lies in.
    pub parent: Option<usize>,
    /// Free-form sub-kind from the file (`government`, `party`, `city` …).
    pub sub_kind: String,
}

/// Category of a title or position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    pub title: String,
    pub category: String,
    /// The state whose office it is, when only one state has it ("Secretary of State").
    pub state: Option<usize>,
}

/// The loaded gazetteers.
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    phrases: HashMap<String, Vec<(usize, Surface)>>,
    prefixes: HashSet<String>,
    titles: HashMap<String, Title>,
    title_prefixes: HashSet<String>,
    title_abbreviations: HashMap<String, Title>,
    qualifiers: HashSet<String>,
    by_key: HashMap<String, usize>,
}

/// Lowercase ASCII folding of one token, so "Türkiye" and "Turkiye" meet.
pub fn norm_token(t: &str) -> String {
    if t.is_ascii() {
        t.to_ascii_lowercase()
    } else {
        deunicode::deunicode(t).to_ascii_lowercase()
    }
}

/// The index key of a phrase: its normalised tokens joined by spaces.
pub fn phrase_key(phrase: &str) -> String {
    let toks = text::tokenize(phrase);
    let mut key = String::new();
    for i in 0..toks.tokens.len() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(&norm_token(toks.token_text(i)));
    }
    key
}

struct Rows<'a> {
    header: Vec<&'a str>,
    rows: Vec<Vec<&'a str>>,
}

impl<'a> Rows<'a> {
    fn parse(src: &'a str) -> Self {
        let mut lines = src
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        let header = lines.next().unwrap_or("").split('\t').collect();
        let rows = lines
            .map(|l| l.split('\t').map(str::trim).collect())
            .collect();
        Rows { header, rows }
    }

    fn col(&self, row: &[&'a str], name: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| h.trim() == name)
            .and_then(|i| row.get(i).copied())
            .unwrap_or("")
    }

    fn list(&self, row: &[&'a str], name: &str) -> Vec<String> {
        self.col(row, name)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

impl Gazetteer {
    /// The gazetteers bundled with the binary, loaded once.
    pub fn bundled() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::from_sources(
                sources::STATES,
                sources::PLACES,
                sources::ORGANIZATIONS,
                sources::MILITANT_GROUPS,
                sources::TITLES,
            )
        })
    }

    pub fn from_sources(
        states: &str,
        places: &str,
        organizations: &str,
        militant_groups: &str,
        titles: &str,
    ) -> Self {
        let mut g = Gazetteer {
            entries: Vec::new(),
            phrases: HashMap::new(),
            prefixes: HashSet::new(),
            titles: HashMap::new(),
            title_prefixes: HashSet::new(),
            title_abbreviations: HashMap::new(),
            qualifiers: HashSet::new(),
            by_key: HashMap::new(),
        };
        let mut iso3 = HashMap::new();
        let mut capitals = Vec::new();

        let rows = Rows::parse(states);
        for r in &rows.rows {
            let id = rows.col(r, "id");
            if id.is_empty() {
                continue;
            }
            let mut aliases = rows.list(r, "aliases");
            if let Some(f) = opt(rows.col(r, "formal_name")) {
                aliases.push(f);
            }
            let idx = g.push(Entry {
                key: format!("state/{id}"),
                kind: EntityType::State,
                name: rows.col(r, "name").to_string(),
                aliases,
                wikidata: opt(rows.col(r, "wikidata")),
                countries: Vec::new(),
                capital_of: None,
                parent: None,
                sub_kind: rows.col(r, "status").to_string(),
            });
            g.entries[idx].countries.push(idx);
            for code in [rows.col(r, "iso3"), rows.col(r, "iso2")] {
                if !code.is_empty() {
                    iso3.insert(code.to_string(), idx);
                }
            }
            for d in rows.list(r, "demonyms") {
                g.index(&d, idx, Surface::Demonym);
            }
            let capital = rows.col(r, "capital");
            if !capital.is_empty() {
                capitals.push((idx, capital.to_string(), rows.list(r, "capital_aliases")));
            }
        }
        for (state, capital, aliases) in capitals {
            let slug = crate::extract::slug(&capital);
            let idx = g.push(Entry {
                key: format!("place/{slug}"),
                kind: EntityType::Place,
                name: capital.clone(),
                aliases: aliases.clone(),
                wikidata: None,
                countries: vec![state],
                capital_of: Some(state),
                parent: None,
                sub_kind: "city".into(),
            });
            g.index(&capital, idx, Surface::Capital);
            for a in aliases {
                g.index(&a, idx, Surface::Capital);
            }
        }

        let rows = Rows::parse(places);
        let mut parents = Vec::new();
        for r in &rows.rows {
            let id = rows.col(r, "id");
            if id.is_empty() || g.by_key.contains_key(&format!("place/{id}")) {
                continue;
            }
            let countries = iso3
                .get(rows.col(r, "country"))
                .copied()
                .into_iter()
                .collect();
            let idx = g.push(Entry {
                key: format!("place/{id}"),
                kind: EntityType::Place,
                name: rows.col(r, "name").to_string(),
                aliases: rows.list(r, "aliases"),
                wikidata: opt(rows.col(r, "wikidata")),
                countries,
                capital_of: None,
                parent: None,
                sub_kind: rows.col(r, "kind").to_string(),
            });
            parents.push((idx, rows.col(r, "parent").to_string()));
        }
        for (idx, parent) in parents {
            g.entries[idx].parent = g.by_key.get(&format!("place/{parent}")).copied();
        }

        for (src, kind, segment) in [
            (organizations, EntityType::Organization, "organization"),
            (militant_groups, EntityType::MilitantGroup, "militant-group"),
        ] {
            let rows = Rows::parse(src);
            for r in &rows.rows {
                let id = rows.col(r, "id");
                if id.is_empty() {
                    continue;
                }
                let mut codes = rows.list(r, "countries");
                codes.extend(rows.list(r, "country"));
                let countries = codes
                    .iter()
                    .filter_map(|c| iso3.get(c.as_str()).copied())
                    .collect();
                let acronyms = rows.list(r, "acronyms");
                let mut aliases = rows.list(r, "aliases");
                aliases.extend(acronyms.iter().cloned());
                let idx = g.push(Entry {
                    key: format!("{segment}/{id}"),
                    kind,
                    name: rows.col(r, "name").to_string(),
                    aliases,
                    wikidata: opt(rows.col(r, "wikidata")),
                    countries,
                    capital_of: None,
                    parent: None,
                    sub_kind: rows.col(r, "kind").to_string(),
                });
                for a in acronyms {
                    g.index(&a, idx, Surface::Acronym);
                }
            }
        }

        // Names and aliases are indexed last so they win over a demonym or capital of the
        // same spelling only where the index keeps both (the caller picks by context).
        for idx in 0..g.entries.len() {
            let e = &g.entries[idx];
            if e.capital_of.is_some() {
                continue;
            }
            let name = e.name.clone();
            let aliases = e.aliases.clone();
            g.index(&name, idx, Surface::Name);
            for a in aliases {
                let surface = if is_acronym(&a) {
                    Surface::Acronym
                } else {
                    Surface::Alias
                };
                g.index(&a, idx, surface);
            }
        }

        let rows = Rows::parse(titles);
        for r in &rows.rows {
            let title = rows.col(r, "title").to_lowercase();
            if title.is_empty() {
                continue;
            }
            let info = Title {
                title: title.clone(),
                category: rows.col(r, "category").to_string(),
                state: iso3.get(rows.col(r, "state")).copied(),
            };
            let key = phrase_key(&title);
            let parts: Vec<&str> = key.split(' ').collect();
            for n in 1..parts.len() {
                g.title_prefixes.insert(parts[..n].join(" "));
            }
            g.titles.entry(key).or_insert_with(|| info.clone());
            for a in rows.list(r, "abbreviations") {
                g.title_abbreviations
                    .entry(a)
                    .or_insert_with(|| info.clone());
            }
            for q in rows.list(r, "qualifiers") {
                g.qualifiers.insert(q.to_lowercase());
            }
        }
        g
    }

    fn push(&mut self, e: Entry) -> usize {
        let idx = self.entries.len();
        self.by_key.insert(e.key.clone(), idx);
        self.entries.push(e);
        idx
    }

    fn index(&mut self, phrase: &str, idx: usize, surface: Surface) {
        let key = phrase_key(phrase);
        if key.is_empty() {
            return;
        }
        let parts: Vec<&str> = key.split(' ').collect();
        for n in 1..parts.len() {
            self.prefixes.insert(parts[..n].join(" "));
        }
        let list = self.phrases.entry(key).or_default();
        if !list.contains(&(idx, surface)) {
            list.push((idx, surface));
        }
    }

    /// Entries named by a normalised phrase key.
    pub fn lookup(&self, key: &str) -> &[(usize, Surface)] {
        self.phrases.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether some indexed phrase starts with this key (so a longer match may follow).
    pub fn is_prefix(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    pub fn title(&self, key: &str) -> Option<&Title> {
        self.titles.get(key)
    }

    pub fn is_title_prefix(&self, key: &str) -> bool {
        self.title_prefixes.contains(key)
    }

    /// A title abbreviation, matched case-sensitively ("FM", "Gen.").
    pub fn title_abbreviation(&self, token: &str) -> Option<&Title> {
        self.title_abbreviations.get(token)
    }

    pub fn is_qualifier(&self, lower: &str) -> bool {
        self.qualifiers.contains(lower)
    }

    pub fn by_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }
}

/// All-capital short forms ("UN", "U.N.", "BLA") must match case-sensitively.
pub fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_gazetteer_knows_states_capitals_demonyms_and_groups() {
        let g = Gazetteer::bundled();
        let find = |phrase: &str, surface: Surface| {
            g.lookup(&phrase_key(phrase))
                .iter()
                .find(|(_, s)| *s == surface)
                .map(|(i, _)| g.entries[*i].key.clone())
        };
        assert_eq!(
            find("Pakistan", Surface::Name).as_deref(),
            Some("state/pakistan")
        );
        assert_eq!(
            find("Iranian", Surface::Demonym).as_deref(),
            Some("state/iran")
        );
        let tehran = find("Tehran", Surface::Capital).unwrap();
        let idx = g.by_key(&tehran).unwrap();
        assert_eq!(
            g.entries[g.entries[idx].capital_of.unwrap()].key,
            "state/iran"
        );
        assert_eq!(
            find("Türkiye", Surface::Alias).as_deref(),
            Some("state/turkey")
        );
        assert!(
            find("Baloch Liberation Army", Surface::Name)
                .unwrap()
                .starts_with("militant-group/")
        );
        assert!(g.title(&phrase_key("foreign minister")).is_some());
        assert!(g.title_abbreviation("FM").is_some());
        assert!(g.is_qualifier("caretaker"));
        assert!(
            g.entries
                .iter()
                .filter(|e| e.kind == EntityType::State)
                .count()
                >= 195
        );
        assert!(
            g.entries
                .iter()
                .filter(|e| e.kind == EntityType::MilitantGroup)
                .count()
                >= 150
        );
    }

    #[test]
    fn acronyms_are_short_capitals() {
        assert!(is_acronym("U.N."));
        assert!(is_acronym("BLA"));
        assert!(!is_acronym("Hamas"));
    }
}
