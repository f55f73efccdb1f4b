//! Statistical name finding: the bundled averaged-perceptron model, the lexicon features it was
//! trained with (built from the bundled gazetteers and cue-word lists), and BIO decoding to
//! labelled token spans.

use super::gazetteer::sources;
use super::tagger::{Label, Lexicon, Model};
use crate::text::Tokenized;
use std::ops::Range;
use std::sync::OnceLock;

/// The trained model, reproduced by `cargo run --release --example train_ner` (see README).
const MODEL: &[u8] = include_bytes!("ner.model");

/// Coarse name classes of the tagger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coarse {
    Per,
    Loc,
    Org,
    Misc,
}

/// A name found by the tagger: its tokens and class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameSpan {
    pub tokens: Range<usize>,
    pub class: Coarse,
}

/// The bundled model; `None` only if the bundled bytes were damaged (the rules then work alone).
pub fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL).ok()).as_ref()
}

/// The lexicon features, identical at training and at extraction time.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(build_lexicon)
}

/// Tags every sentence and returns the name spans, in text order. Tokens flagged in `lowered`
/// (a headline's ordinary words) are tagged in lower case.
pub fn find(t: &Tokenized<'_>, lowered: &[bool]) -> Vec<NameSpan> {
    let Some(model) = model() else {
        return Vec::new();
    };
    let lex = lexicon();
    let mut out = Vec::new();
    for s in &t.sentences {
        let lower: Vec<Option<String>> = s
            .tokens
            .clone()
            .map(|i| {
                lowered
                    .get(i)
                    .is_some_and(|&l| l)
                    .then(|| t.token_text(i).to_lowercase())
            })
            .collect();
        let toks: Vec<&str> = s
            .tokens
            .clone()
            .zip(&lower)
            .map(|(i, l)| l.as_deref().unwrap_or(t.token_text(i)))
            .collect();
        let feats = lex.annotate(&toks);
        let labels = model.tag(&toks, &feats);
        let mut k = 0;
        while k < labels.len() {
            let class = match labels[k] {
                Label::BPer | Label::IPer => Coarse::Per,
                Label::BLoc | Label::ILoc => Coarse::Loc,
                Label::BOrg | Label::IOrg => Coarse::Org,
                Label::BMisc | Label::IMisc => Coarse::Misc,
                Label::O => {
                    k += 1;
                    continue;
                }
            };
            let start = k;
            k += 1;
            while k < labels.len()
                && labels[k].is_inside()
                && labels[k].entity() == labels[start].entity()
            {
                k += 1;
            }
            // A name starts and ends with a word: no possessive "’s", quote or dash at its edges.
            let word = |i: usize| {
                toks[i].chars().next().is_some_and(char::is_alphanumeric)
                    && !matches!(toks[i], "s" | "S")
            };
            let (mut a, mut b) = (start, k);
            while a < b && !word(a) {
                a += 1;
            }
            while b > a && (!word(b - 1) || toks[b - 1].ends_with("’s") || toks[b - 1] == "'s") {
                b -= 1;
            }
            if a < b {
                out.push(NameSpan {
                    tokens: s.tokens.start + a..s.tokens.start + b,
                    class,
                });
            }
        }
    }
    out
}

/// Lexicon classes: 0 state, 1 demonym, 2 place or capital, 3 organisation, 4 militant group,
/// 5 title, 6 organisation head word, 7 person-context word.
pub fn build_lexicon() -> Lexicon {
    let mut lex = Lexicon::new();
    let specs: &[(&str, &[(&str, u8)])] = &[
        (
            sources::STATES,
            &[
                ("name", 0),
                ("formal_name", 0),
                ("aliases", 0),
                ("capital", 2),
                ("capital_aliases", 2),
                ("demonyms", 1),
            ],
        ),
        (sources::PLACES, &[("name", 2), ("aliases", 2)]),
        (
            sources::ORGANIZATIONS,
            &[("name", 3), ("aliases", 3), ("acronyms", 3)],
        ),
        (
            sources::MILITANT_GROUPS,
            &[("name", 4), ("aliases", 4), ("acronyms", 4)],
        ),
        (sources::TITLES, &[("title", 5), ("abbreviations", 5)]),
    ];
    for (src, cols) in specs {
        let mut lines = src
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        let header: Vec<String> = lines
            .next()
            .unwrap_or("")
            .split('\t')
            .map(|h| h.trim().to_lowercase())
            .collect();
        for line in lines {
            let row: Vec<&str> = line.split('\t').map(str::trim).collect();
            for (col, class) in cols.iter() {
                let Some(cell) = header
                    .iter()
                    .position(|h| h == col)
                    .and_then(|ci| row.get(ci))
                else {
                    continue;
                };
                for item in cell
                    .split('|')
                    .map(str::trim)
                    .filter(|i| !i.is_empty() && *i != "-")
                {
                    lex.insert(&phrase_tokens(item), *class);
                }
            }
        }
    }
    for t in TITLES {
        lex.insert(t, 5);
    }
    for t in ORG_HEADS {
        lex.insert(t, 6);
    }
    for t in PER_CONTEXT {
        lex.insert(t, 7);
    }
    lex
}

fn phrase_tokens(p: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for t in p.split_whitespace() {
        let lower = t.to_lowercase();
        if t.chars().count() > 2 && (lower.ends_with("'s") || lower.ends_with("\u{2019}s")) {
            let cut = t.len() - if lower.ends_with("'s") { 2 } else { 4 };
            out.push(t[..cut].to_string());
            out.push(t[cut..].to_string());
        } else {
            out.push(t.to_string());
        }
    }
    out.join(" ")
}

const TITLES: &[&str] = &[
    "minister",
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "sheikh",
    "emir",
    "sultan",
    "general",
    "gen.",
    "gen",
    "lt.",
    "col.",
    "colonel",
    "maj.",
    "major",
    "capt.",
    "captain",
    "lieutenant",
    "admiral",
    "adm.",
    "sgt.",
    "sergeant",
    "commander",
    "marshal",
    "brigadier",
    "secretary",
    "secretary-general",
    "ambassador",
    "envoy",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "gov.",
    "mayor",
    "deputy",
    "vice",
    "vice-president",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "chief",
    "ceo",
    "judge",
    "justice",
    "attorney",
    "prosecutor",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "ayatollah",
    "cleric",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "dr.",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "foreign minister",
    "defence minister",
    "defense minister",
    "interior minister",
    "finance minister",
    "coach",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "captain",
    "candidate",
    "nominee",
    "lawmaker",
    "legislator",
    "mp",
    "congressman",
    "congresswoman",
    "diplomat",
    "commissioner",
];

const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "council",
    "party",
    "army",
    "front",
    "union",
    "committee",
    "commission",
    "assembly",
    "parliament",
    "congress",
    "senate",
    "court",
    "agency",
    "organisation",
    "organization",
    "association",
    "federation",
    "league",
    "movement",
    "alliance",
    "coalition",
    "brigade",
    "brigades",
    "forces",
    "force",
    "guard",
    "corps",
    "bank",
    "fund",
    "group",
    "company",
    "corporation",
    "corp",
    "corp.",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "plc",
    "co",
    "co.",
    "airlines",
    "institute",
    "university",
    "college",
    "foundation",
    "bureau",
    "office",
    "authority",
    "board",
    "club",
    "united",
    "city",
    "news",
    "times",
    "post",
    "journal",
    "television",
    "radio",
    "network",
    "church",
    "office",
    "police",
    "navy",
    "command",
    "government",
    "administration",
    "cabinet",
    "tribunal",
    "society",
    "centre",
    "center",
    "service",
    "services",
    "exchange",
];

const PER_CONTEXT: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "spokesman",
    "spokeswoman",
    "according",
    "stated",
    "announced",
    "declared",
    "insisted",
    "warned",
    "urged",
    "denied",
    "argued",
    "explained",
    "noted",
    "asked",
    "replied",
    "wrote",
    "met",
    "named",
    "appointed",
    "elected",
    "led",
    "born",
    "died",
    "killed",
    "arrested",
    "accused",
    "mr",
    "mr.",
    "mrs.",
    "ms.",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn bundled_model_loads_and_tags_names() {
        assert!(model().is_some(), "bundled model must load");
        let text = "Foreign Minister Hakan Fidan met officials of the European Union in Brussels on Monday.";
        let t = tokenize(text);
        let spans: Vec<(String, Coarse)> = find(&t, &[])
            .into_iter()
            .map(|s| {
                (
                    text[t.tokens[s.tokens.start].start..t.tokens[s.tokens.end - 1].end]
                        .to_string(),
                    s.class,
                )
            })
            .collect();
        assert!(
            spans.contains(&("Hakan Fidan".to_string(), Coarse::Per)),
            "{spans:?}"
        );
        assert!(
            spans.contains(&("Brussels".to_string(), Coarse::Loc)),
            "{spans:?}"
        );
    }
}
