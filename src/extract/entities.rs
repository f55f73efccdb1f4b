//! Entity resolution (mentions to one entity per real thing, with names, aliases, roles and
//! stable keys) and the relations between entities, each with its evidence sentence.

use super::gazetteer::{Gazetteer, Surface};
use super::mentions::{self, Mention, TitleRef, TokenInfo};
use crate::model::{EntityType, MentionKind, Predicate};
use crate::text::Tokenized;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One resolved entity.
#[derive(Clone, Debug)]
pub struct Entity {
    pub kind: EntityType,
    /// Path of the IRI under `…/id/` (`state/pakistan`).
    pub key: String,
    pub name: String,
    pub wikidata: Option<String>,
    pub roles: Vec<String>,
    /// Indices into the mention list, in text order.
    pub mentions: Vec<usize>,
    pub entry: Option<usize>,
}

/// A relation between two entities (indices) with the sentences that state it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Relation {
    pub subject: usize,
    pub predicate: Predicate,
    pub object: usize,
    pub sentences: BTreeSet<usize>,
}

/// Entities, the entity of every mention, and relations.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub entity_of: Vec<usize>,
    pub relations: Vec<Relation>,
}

fn span_text<'a>(t: &Tokenized<'a>, r: &std::ops::Range<usize>) -> &'a str {
    &t.text[t.tokens[r.start].start..t.tokens[r.end - 1].end]
}

/// Name tokens used to match short person references to full names ("Abdollahian" in
/// "Hossein Amir-Abdollahian").
fn name_parts(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|p| !p.is_empty())
        .map(|p| p.to_lowercase())
        .collect()
}

/// Groups mentions into entities and finds their relations.
pub fn resolve(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    g: &Gazetteer,
    mut ms: Vec<Mention>,
) -> Resolved {
    // Capitals act for their state unless they are a location.
    for m in ms.iter_mut() {
        if m.surface == Some(Surface::Capital)
            && let Some(entry) = m.entry
        {
            let s = &t.sentences[t.sentence_of(m.tokens.start)];
            // A dateline ("NEW DELHI —", "KYIV (Reuters) -") names where the story was filed.
            let written = span_text(t, &m.tokens);
            let dateline = m.tokens.start == s.tokens.start
                && written.chars().all(|c| !c.is_lowercase())
                && m.tokens.end < s.tokens.end
                && matches!(
                    t.token_text(m.tokens.end),
                    "—" | "–" | "-" | "(" | "," | ":"
                );
            if let Some(state) = g.entries[entry].capital_of
                && !dateline
                && mentions::capital_acts(info, m.tokens.start, s.tokens.start)
            {
                m.entry = Some(state);
                m.guess = EntityType::State;
            }
        }
    }
    // A single capitalised word that is the last name of a titled person is that person.
    let persons: Vec<Vec<String>> = ms
        .iter()
        .filter(|m| m.guess.is_person() && m.entry.is_none())
        .map(|m| name_parts(span_text(t, &m.tokens)))
        .collect();
    for m in ms.iter_mut() {
        if m.entry.is_none() && !m.guess.is_person() && m.tokens.len() == 1 {
            let w = span_text(t, &m.tokens).to_lowercase();
            if persons.iter().any(|p| p.len() > 1 && p.last() == Some(&w)) {
                m.guess = EntityType::Person;
            }
        }
    }

    let mut entities: Vec<Entity> = Vec::new();
    let mut entity_of = vec![usize::MAX; ms.len()];
    let mut by_entry: HashMap<usize, usize> = HashMap::new();
    let mut by_name: HashMap<(EntityType, String), usize> = HashMap::new();

    // Gazetteer mentions: one entity per entry.
    for (mi, m) in ms.iter().enumerate() {
        if let Some(entry) = m.entry {
            let ei = *by_entry.entry(entry).or_insert_with(|| {
                let e = &g.entries[entry];
                entities.push(Entity {
                    kind: e.kind,
                    key: e.key.clone(),
                    name: e.name.clone(),
                    wikidata: e.wikidata.clone(),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                    entry: Some(entry),
                });
                entities.len() - 1
            });
            entity_of[mi] = ei;
        }
    }

    // Person names, longest first, so short references join the full name.
    let mut person_ids: Vec<usize> = (0..ms.len())
        .filter(|&i| {
            ms[i].entry.is_none() && ms[i].guess.is_person() && ms[i].kind == MentionKind::Name
        })
        .collect();
    person_ids.sort_by_key(|&i| (std::cmp::Reverse(ms[i].tokens.len()), ms[i].tokens.start));
    let mut person_entities: Vec<(usize, Vec<String>)> = Vec::new();
    for mi in person_ids {
        let text = span_text(t, &ms[mi].tokens);
        let parts = name_parts(text);
        let found = person_entities.iter().find(|(_, full)| {
            parts.len() < full.len() && parts.iter().all(|p| full.contains(p))
                || (parts.len() == 1 && full.last() == parts.last())
                || *full == parts
        });
        let ei = match found {
            Some((ei, _)) => *ei,
            None => {
                entities.push(Entity {
                    kind: EntityType::Person,
                    key: String::new(),
                    name: text.to_string(),
                    wikidata: None,
                    roles: Vec::new(),
                    mentions: Vec::new(),
                    entry: None,
                });
                person_entities.push((entities.len() - 1, parts));
                entities.len() - 1
            }
        };
        entity_of[mi] = ei;
    }

    // Nominal titles ("the prime minister") refer to the person who holds that title here.
    for mi in 0..ms.len() {
        if ms[mi].kind != MentionKind::Nominal || ms[mi].title.is_none() {
            continue;
        }
        let title = ms[mi]
            .title
            .as_ref()
            .map(|tt| span_text(t, &tt.tokens).to_lowercase())
            .unwrap_or_default();
        let holds = |j: usize| {
            j != mi
                && ms[j].kind == MentionKind::Name
                && ms[j].title.as_ref().is_some_and(|tt| {
                    let written = span_text(t, &tt.tokens).to_lowercase();
                    written.ends_with(&title) || title.ends_with(&written)
                })
        };
        let holder = (0..mi)
            .rev()
            .find(|&j| holds(j))
            .or_else(|| (mi..ms.len()).find(|&j| holds(j)));
        if let Some(j) = holder {
            entity_of[mi] = entity_of[j];
        }
    }

    // Other names: by normalised text, acronyms to the name they abbreviate.
    for mi in 0..ms.len() {
        if entity_of[mi] != usize::MAX || ms[mi].kind == MentionKind::Nominal {
            continue;
        }
        let m = &ms[mi];
        let text = span_text(t, &m.tokens).to_string();
        // A one-word surname the tagger misread ("Jilani told Amir-Abdollahian"): the person
        // whose full name ends with it.
        let parts = name_parts(&text);
        if !text.contains(char::is_whitespace)
            && let Some((ei, _)) = person_entities
                .iter()
                .find(|(_, full)| parts.len() < full.len() && full.ends_with(&parts))
        {
            entity_of[mi] = *ei;
            continue;
        }
        let key = (m.guess, super::gazetteer::norm_token(&text));
        let ei = *by_name.entry(key).or_insert_with(|| {
            entities.push(Entity {
                kind: m.guess,
                key: String::new(),
                name: text.clone(),
                wikidata: None,
                roles: Vec::new(),
                mentions: Vec::new(),
                entry: None,
            });
            entities.len() - 1
        });
        entity_of[mi] = ei;
    }
    merge_acronyms(t, &ms, &mut entities, &mut entity_of);
    // "the country", "the militant group": the state or armed group named last before it in
    // its sentence, else the first one named in an earlier sentence (its subject).
    for mi in 0..ms.len() {
        if ms[mi].kind != MentionKind::Nominal || ms[mi].title.is_some() {
            continue;
        }
        let want = ms[mi].guess;
        let sentence = |j: usize| t.sentence_of(ms[j].tokens.start);
        let fits = |j: usize| {
            ms[j].kind == MentionKind::Name
                && entity_of[j] != usize::MAX
                && entities[entity_of[j]].kind == want
        };
        let si = sentence(mi);
        let antecedent = (0..mi)
            .rev()
            .take_while(|&j| sentence(j) == si)
            .find(|&j| fits(j))
            .or_else(|| {
                (si.saturating_sub(3)..si)
                    .rev()
                    .find_map(|sj| (0..mi).find(|&j| sentence(j) == sj && fits(j)))
            });
        if let Some(j) = antecedent {
            entity_of[mi] = entity_of[j];
        }
    }
    // Nominals that found no holder are dropped.
    let keep: Vec<bool> = entity_of.iter().map(|&e| e != usize::MAX).collect();
    let mut k = 0;
    ms.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    entity_of.retain(|&e| e != usize::MAX);
    // The state the article is about: bodies and officials with no state written serve it.
    let home = home_state(t, g, &ms, &entity_of, &entities);
    let seats = seat_generic_bodies(t, info, &ms, home, &mut entities, &mut entity_of);

    for (mi, &ei) in entity_of.iter().enumerate() {
        entities[ei].mentions.push(mi);
    }

    // Officials: titles, appositions and counterparts.
    // Whom each person serves or belongs to: (entity, sentence, predicate).
    let mut affiliated: BTreeMap<usize, (usize, usize, Predicate)> = BTreeMap::new();
    for (mi, m) in ms.iter().enumerate() {
        let ei = entity_of[mi];
        if !m.guess.is_person() || m.entry.is_some() {
            continue;
        }
        let sentence = t.sentence_of(m.tokens.start);
        let sent = &t.sentences[sentence];
        if let Some(title) = &m.title {
            let body = affiliation(t, &ms, &entity_of, &entities, mi, title, sent.tokens.start);
            if title.category == mentions::MEMBER {
                // "X, a member of the Taliban": membership, not office.
                if let Some(b) = body {
                    affiliated
                        .entry(ei)
                        .or_insert((b, sentence, Predicate::MemberOf));
                }
                continue;
            }
            entities[ei].kind = EntityType::Official;
            let written = span_text(t, &title.tokens).trim_end_matches(',').trim();
            // An abbreviation ("FM") is recorded as the title it stands for.
            let role = g
                .title_abbreviation(written)
                .map(|tl| tl.title.clone())
                .unwrap_or_else(|| written.to_string());
            // "FM" alone says less than "caretaker Foreign Minister"; keep the longest form.
            if !entities[ei]
                .roles
                .iter()
                .any(|r| r.len() >= role.len() && r.to_lowercase().contains(&role.to_lowercase()))
            {
                entities[ei]
                    .roles
                    .retain(|r| !role.to_lowercase().contains(&r.to_lowercase()));
                entities[ei].roles.push(role);
            }
            // The state or body named in or right before the title: "Minister of Foreign
            // Affairs of Turkiye", "Iranian Foreign Minister", "Pakistan’s Foreign Minister",
            // "UN Secretary-General", "Hamas leader", "X, a BLA commander".
            if let Some(b) = body {
                let predicate = if entities[b].kind == EntityType::MilitantGroup {
                    Predicate::MemberOf
                } else {
                    Predicate::OfficialOf
                };
                affiliated.entry(ei).or_insert((b, sentence, predicate));
            }
        }
        // "his Iranian counterpart, X"
        let mut k = m.tokens.start;
        if k > sent.tokens.start && t.token_text(k - 1) == "," {
            k -= 1;
        }
        if k > sent.tokens.start && info.norm[k - 1] == "counterpart" {
            entities[ei].kind = EntityType::Official;
            if let Some(prev) = ms
                .iter()
                .position(|p| p.tokens.end == k - 1 && p.kind == MentionKind::Demonym)
            {
                affiliated.insert(ei, (entity_of[prev], sentence, Predicate::OfficialOf));
            }
        }
    }
    // People in the sentences of political life hold or held office: a party, a parliament,
    // an election or an office named with them.
    for e in entities.iter_mut() {
        if e.kind != EntityType::Person {
            continue;
        }
        let political = e.mentions.iter().any(|&mi| {
            let s = &t.sentences[t.sentence_of(ms[mi].tokens.start)];
            s.tokens
                .clone()
                .any(|k| POLITICAL.contains(&info.norm[k].as_str()))
        });
        if political {
            e.kind = EntityType::Official;
        }
    }
    // Officials with no stated allegiance serve the state the article is about (`home`),
    // unless that is the state of their counterpart in the same sentence.
    let mut relations: Vec<Relation> = Vec::new();
    for ei in 0..entities.len() {
        if entities[ei].kind != EntityType::Official {
            continue;
        }
        let first_titled = entities[ei]
            .mentions
            .iter()
            .copied()
            .find(|&mi| ms[mi].title.is_some());
        let sentence = t.sentence_of(
            ms[first_titled.unwrap_or(entities[ei].mentions[0])]
                .tokens
                .start,
        );
        // A title only one state has ("Defense Secretary") names that state, if the article
        // does, never the dateline's.
        let title_state = first_titled.map(|mi| {
            ms[mi].title.as_ref().and_then(|tl| tl.state).map(|entry| {
                entities
                    .iter()
                    .position(|e| e.entry == Some(entry) && e.kind == EntityType::State)
            })
        });
        let body = match (affiliated.get(&ei), title_state.flatten()) {
            (Some(&(b, sent, predicate)), _) => Some((b, sent, predicate)),
            (None, Some(state)) => state.map(|s| (s, sentence, Predicate::OfficialOf)),
            (None, None) => home
                .filter(|&fs| {
                    !affiliated
                        .iter()
                        .any(|(other, (s, sent, _))| *other != ei && *s == fs && *sent == sentence)
                })
                .filter(|_| first_titled.is_some())
                .map(|fs| (fs, sentence, Predicate::OfficialOf)),
        };
        if let Some((b, sent, predicate)) = body {
            add(&mut relations, ei, predicate, b, sent);
        }
    }
    // Members of a body who hold no office there.
    for (&ei, &(b, sent, predicate)) in &affiliated {
        if predicate == Predicate::MemberOf && entities[ei].kind == EntityType::Person {
            add(&mut relations, ei, predicate, b, sent);
        }
    }

    for (body, state, sentence) in seats {
        add(&mut relations, body, Predicate::BasedIn, state, sentence);
    }
    located_in(t, g, &ms, &entity_of, &entities, &mut relations);
    conducted_by(t, &ms, &entity_of, &entities, &mut relations);
    gazetteer_relations(t, g, &ms, &entities, &mut relations);

    // Keys and names.
    for e in entities.iter_mut() {
        if e.key.is_empty() {
            if e.kind.is_person() {
                // The longest written form is the canonical name.
                let longest = e
                    .mentions
                    .iter()
                    .map(|&mi| span_text(t, &ms[mi].tokens))
                    .max_by_key(|s| (s.chars().count(), std::cmp::Reverse(*s)))
                    .unwrap_or("")
                    .to_string();
                e.name = longest;
            }
            e.key = format!("{}/{}", e.kind.segment(), super::slug(&e.name));
        }
    }
    relations.sort();
    relations.dedup_by(|a, b| {
        if a.subject == b.subject && a.predicate == b.predicate && a.object == b.object {
            b.sentences.extend(a.sentences.iter().copied());
            true
        } else {
            false
        }
    });
    Resolved {
        mentions: ms,
        entities,
        entity_of,
        relations,
    }
}

/// Words of political office and its contests.
const POLITICAL: &[&str] = &[
    "minister",
    "ministers",
    "president",
    "presidential",
    "prime",
    "senator",
    "sen.",
    "congressman",
    "congresswoman",
    "mp",
    "mps",
    "parliament",
    "parliamentary",
    "elected",
    "election",
    "elections",
    "re-elected",
    "candidate",
    "candidates",
    "party",
    "cabinet",
    "government",
    "governor",
    "mayor",
    "politician",
    "politicians",
    "legislator",
    "lawmaker",
    "lawmakers",
    "chancellor",
    "premier",
    "campaign",
    "coalition",
    "opposition",
    "constituency",
    "councillor",
    "ambassador",
    "envoy",
    "diplomat",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "commander",
    "senate",
    "congress",
    "assembly",
    "vote",
    "voted",
    "ministry",
    "administration",
    "deputy",
    "leader",
    "regime",
    "junta",
    "dictator",
    "officials",
    "official",
];

fn add(
    rel: &mut Vec<Relation>,
    subject: usize,
    predicate: Predicate,
    object: usize,
    sentence: usize,
) {
    if subject == object {
        return;
    }
    rel.push(Relation {
        subject,
        predicate,
        object,
        sentences: BTreeSet::from([sentence]),
    });
}

/// The state, organisation or group a title names: inside its phrase (nearest the title
/// first), or right before a title that precedes the name ("Iranian Foreign Minister",
/// "Pakistan ’s Foreign Minister", "Hamas leader").
fn affiliation(
    t: &Tokenized<'_>,
    ms: &[Mention],
    entity_of: &[usize],
    entities: &[Entity],
    mi: usize,
    title: &TitleRef,
    sent_start: usize,
) -> Option<usize> {
    let is_body = |j: usize| {
        j != mi
            && matches!(
                entities[entity_of[j]].kind,
                EntityType::State | EntityType::Organization | EntityType::MilitantGroup
            )
    };
    let distance = |j: usize| {
        let m = &ms[j].tokens;
        if m.end <= title.tokens.start {
            title.tokens.start - m.end
        } else {
            m.start.saturating_sub(title.tokens.end)
        }
    };
    let inside = (0..ms.len())
        .filter(|&j| ms[j].tokens.start >= title.scope.start && ms[j].tokens.end <= title.scope.end)
        .filter(|&j| is_body(j))
        .min_by_key(|&j| (distance(j), j));
    if inside.is_some() {
        return inside.map(|j| entity_of[j]);
    }
    if title.scope.start > ms[mi].tokens.start {
        return None;
    }
    let mut k = title.tokens.start;
    // "its Supreme Leader Ayatollah Ali Khamenei": the state named last before. So for "its
    // foreign ministry spokesman", where the body is part of the title's phrase.
    let mut its = k;
    while its > sent_start + 1
        && its + 3 > k
        && GENERIC_BODY_WORDS.contains(&t.token_text(its - 1).to_lowercase().as_str())
    {
        its -= 1;
    }
    if its > sent_start && t.token_text(its - 1).eq_ignore_ascii_case("its") {
        return state_named_last(t, ms, mi, |j| {
            (entities[entity_of[j]].kind == EntityType::State).then_some(entity_of[j])
        });
    }
    if k > sent_start && matches!(t.token_text(k - 1), "’s" | "'s") {
        k -= 1;
    }
    // "Inter-Services Public Relations (ISPR) Director General X": the acronym in brackets.
    if k > sent_start + 1 && t.token_text(k - 1) == ")" {
        k -= 1;
    }
    (0..mi)
        .rev()
        .take(3)
        .find(|&j| ms[j].tokens.end == k && is_body(j))
        .map(|j| entity_of[j])
}

/// What "its" before mention `mi` stands for: the state named last before it, in its sentence
/// or the one before.
fn state_named_last(
    t: &Tokenized<'_>,
    ms: &[Mention],
    mi: usize,
    state_of: impl Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let sentence = t.sentence_of(ms[mi].tokens.start);
    (0..mi)
        .rev()
        .take_while(|&j| t.sentence_of(ms[j].tokens.start) + 1 >= sentence)
        .find_map(state_of)
}

/// The state an article is about: the state of its dateline, a capital or city in capitals
/// before a colon or dash in its first lines ("ISLAMABAD: …", "Headline-CAIRO — …"), when
/// the article names that state; else the first state it names.
fn home_state(
    t: &Tokenized<'_>,
    g: &Gazetteer,
    ms: &[Mention],
    entity_of: &[usize],
    entities: &[Entity],
) -> Option<usize> {
    let named = |entry: usize| {
        (0..ms.len())
            .find(|&mi| entities[entity_of[mi]].entry == Some(entry))
            .map(|mi| entity_of[mi])
            .filter(|&e| entities[e].kind == EntityType::State)
    };
    let dateline = ms
        .iter()
        .enumerate()
        .take_while(|(_, m)| t.sentence_of(m.tokens.start) <= 1)
        .find_map(|(mi, m)| {
            let si = t.sentence_of(m.tokens.start);
            let start = t.sentences[si].tokens.start;
            let opens = m.tokens.start == start
                || m.tokens.start > start && matches!(t.token_text(m.tokens.start - 1), "-" | "–");
            let caps = m.tokens.clone().all(|k| {
                let w = t.token_text(k);
                !w.chars().any(char::is_lowercase)
                    && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            });
            let marked = m.tokens.end < t.sentences[si].tokens.end
                && matches!(
                    t.token_text(m.tokens.end),
                    ":" | "—" | "–" | "--" | "(" | ","
                );
            if !(opens && caps && marked) {
                return None;
            }
            let e = &entities[entity_of[mi]];
            if e.kind == EntityType::State {
                return Some(entity_of[mi]);
            }
            let ge = &g.entries[m.entry?];
            named(ge.capital_of.or(ge.countries.first().copied())?)
        });
    dateline.or_else(|| {
        (0..ms.len())
            .find(|&mi| {
                ms[mi].kind == MentionKind::Name
                    && entities[entity_of[mi]].kind == EntityType::State
            })
            .map(|mi| entity_of[mi])
    })
}

/// Words that name a kind of body every state has ("Foreign Ministry", "Supreme Court",
/// "National Security Council"), not one body.
const GENERIC_BODY_WORDS: &[&str] = &[
    "foreign",
    "ministry",
    "office",
    "defence",
    "defense",
    "interior",
    "finance",
    "information",
    "home",
    "justice",
    "health",
    "education",
    "trade",
    "energy",
    "affairs",
    "of",
    "the",
    "and",
    "national",
    "security",
    "council",
    "presidential",
    "presidency",
    "prime",
    "minister's",
    "minister’s",
    "supreme",
    "court",
    "constitutional",
    "high",
    "parliament",
    "senate",
    "cabinet",
    "army",
    "navy",
    "air",
    "force",
    "forces",
    "armed",
    "police",
    "military",
    "intelligence",
    "agency",
    "central",
    "bank",
    "election",
    "electoral",
    "commission",
    "federal",
    "general",
    "staff",
    "joint",
    "chiefs",
];

/// The last word of a generic body's name: "Supreme Court", not "The National".
const GENERIC_BODY_HEADS: &[&str] = &[
    "ministry",
    "office",
    "court",
    "parliament",
    "senate",
    "cabinet",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "agency",
    "bank",
    "commission",
    "council",
    "staff",
    "presidency",
    "chiefs",
];

/// A generic body's name ("the Foreign Ministry", "Supreme Court") names one body per state,
/// so its entity is split by the state each mention belongs to: a state right before it
/// ("Pakistan's Foreign Office", "Iranian Foreign Ministry") or after "of" ("Supreme Court
/// of India"), else the state of the mention before, else the article's first state, as for
/// officials. Keys and names carry the state ("organization/pakistan-foreign-ministry").
/// Returns (body, state, sentence) wherever the text states the seat.
fn seat_generic_bodies(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    ms: &[Mention],
    home: Option<usize>,
    entities: &mut Vec<Entity>,
    entity_of: &mut [usize],
) -> Vec<(usize, usize, usize)> {
    let states: Vec<Option<usize>> = (0..ms.len())
        .map(|mi| (entities[entity_of[mi]].kind == EntityType::State).then_some(entity_of[mi]))
        .collect();
    let state_of = |mi: usize| states[mi];
    let explicit = |mi: usize| {
        let r = &ms[mi].tokens;
        let mut k = r.start;
        // "Iran denied it. Its foreign ministry said": the state named last before.
        if k > 0 && info.norm[k - 1] == "its" {
            return state_named_last(t, ms, mi, state_of);
        }
        if k > 0 && matches!(info.norm[k - 1].as_str(), "'s" | "’s") {
            k -= 1;
        }
        let before = (0..mi).rev().take(2).find(|&j| ms[j].tokens.end == k);
        let after = (r.end + 1 < info.norm.len() && info.norm[r.end] == "of")
            .then(|| {
                (mi + 1..ms.len())
                    .take(2)
                    .find(|&j| ms[j].tokens.start == r.end + 1)
            })
            .flatten();
        before
            .and_then(state_of)
            .or_else(|| after.and_then(state_of))
    };
    let stated_at: Vec<Option<usize>> = (0..ms.len()).map(explicit).collect();
    let generic = |e: &Entity| {
        let words: Vec<String> = e.name.split_whitespace().map(str::to_lowercase).collect();
        e.kind == EntityType::Organization
            && words
                .last()
                .is_some_and(|w| GENERIC_BODY_HEADS.contains(&w.as_str()))
            && words
                .iter()
                .all(|w| GENERIC_BODY_WORDS.contains(&w.as_str()))
    };
    let mut seats = Vec::new();
    let mut made: HashMap<(usize, usize), usize> = HashMap::new();
    for ei in 0..entities.len() {
        if !generic(&entities[ei]) {
            continue;
        }
        let body = entities[ei].clone();
        // An unqualified "Air Force" in a story filed abroad is as often the reporter's own
        // state's as the host's: armed bodies take no state the text does not write.
        let armed = body.name.split_whitespace().last().is_some_and(|w| {
            let w = w.to_lowercase();
            mentions::ARMED_HEADS.contains(&w.as_str()) || matches!(w.as_str(), "staff" | "chiefs")
        });
        let fallback = home.filter(|_| !armed);
        let mut current = None;
        let mut first = true;
        for mi in 0..ms.len() {
            if entity_of[mi] != ei {
                continue;
            }
            let stated = stated_at[mi];
            let Some(state) = stated.or(current).or(fallback) else {
                continue;
            };
            current = Some(state);
            let target = *made.entry((ei, state)).or_insert_with(|| {
                let (slug, name) = {
                    let st = &entities[state];
                    let slug = st.key.rsplit('/').next().unwrap_or_default().to_string();
                    (slug, format!("{} {}", st.name, body.name))
                };
                let seated = Entity {
                    key: format!(
                        "{}/{}-{}",
                        body.kind.segment(),
                        slug,
                        body.key
                            .rsplit('/')
                            .next()
                            .filter(|k| !k.is_empty())
                            .map_or_else(|| super::slug(&body.name), str::to_string)
                    ),
                    name,
                    wikidata: None,
                    ..body.clone()
                };
                if std::mem::take(&mut first) {
                    entities[ei] = seated;
                    ei
                } else {
                    entities.push(seated);
                    entities.len() - 1
                }
            });
            entity_of[mi] = target;
            if stated.is_some() {
                seats.push((target, state, t.sentence_of(ms[mi].tokens.start)));
            }
        }
    }
    seats
}

fn merge_acronyms(
    t: &Tokenized<'_>,
    ms: &[Mention],
    entities: &mut [Entity],
    entity_of: &mut [usize],
) {
    let initials = |name: &str| -> String {
        name.split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    for mi in 0..ms.len() {
        let text = span_text(t, &ms[mi].tokens);
        if ms[mi].entry.is_some() || !super::gazetteer::is_acronym(text) || ms[mi].tokens.len() != 1
        {
            continue;
        }
        let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
        let target = (0..ms.len()).find(|&j| {
            j != mi
                && ms[j].tokens.len() > 1
                && !ms[j].guess.is_person()
                && initials(span_text(t, &ms[j].tokens)) == letters
        });
        if let Some(j) = target {
            let ei = entity_of[j];
            let old = entity_of[mi];
            entity_of[mi] = ei;
            if old != ei && entities[old].entry.is_none() {
                entities[old].mentions.clear();
            }
        }
    }
}

/// "Davos, Switzerland": a place followed by a comma and a state or larger place.
fn located_in(
    t: &Tokenized<'_>,
    g: &Gazetteer,
    ms: &[Mention],
    entity_of: &[usize],
    entities: &[Entity],
    rel: &mut Vec<Relation>,
) {
    for w in 0..ms.len().saturating_sub(1) {
        let (a, b) = (&ms[w], &ms[w + 1]);
        if b.tokens.start != a.tokens.end + 1 || t.token_text(a.tokens.end) != "," {
            continue;
        }
        // "Jammu, Pathankot and Udhampur": places in a list lie side by side; "Goma, Congo, on
        // Monday" is no list.
        let place = |i: usize| {
            matches!(
                entities[entity_of[i]].kind,
                EntityType::Place | EntityType::State
            )
        };
        let conj = |k: usize| k < t.tokens.len() && matches!(t.token_text(k), "and" | "or" | "&");
        let comma = |k: usize| k < t.tokens.len() && t.token_text(k) == ",";
        let more_after = conj(b.tokens.end)
            || comma(b.tokens.end)
                && ms
                    .get(w + 2)
                    .is_some_and(|c| c.tokens.start == b.tokens.end + 1 && place(w + 2));
        let more_before = a.tokens.start > 0
            && (conj(a.tokens.start - 1)
                || comma(a.tokens.start - 1)
                    && w > 0
                    && ms[w - 1].tokens.end + 1 == a.tokens.start
                    && place(w - 1));
        if more_after || more_before {
            continue;
        }
        let (ea, eb) = (entity_of[w], entity_of[w + 1]);
        let kind_a = entities[ea].kind;
        let kind_b = entities[eb].kind;
        let place_a = kind_a == EntityType::Place || a.surface == Some(Surface::Capital);
        if place_a
            && matches!(kind_b, EntityType::State | EntityType::Place)
            && b.kind == MentionKind::Name
        {
            let sentence = t.sentence_of(a.tokens.start);
            // A capital followed by its own state is its capital, not a separate fact.
            let capital_of = entities[ea].entry.and_then(|e| g.entries[e].capital_of);
            if capital_of.is_none() {
                add(rel, ea, Predicate::LocatedIn, eb, sentence);
            }
        }
    }
}

/// An operation is conducted by the state or group that speaks of or launches it in its sentence.
fn conducted_by(
    t: &Tokenized<'_>,
    ms: &[Mention],
    entity_of: &[usize],
    entities: &[Entity],
    rel: &mut Vec<Relation>,
) {
    let officials: HashMap<usize, usize> = rel
        .iter()
        .filter(|r| r.predicate == Predicate::OfficialOf)
        .map(|r| (r.subject, r.object))
        .collect();
    for (mi, m) in ms.iter().enumerate() {
        let ei = entity_of[mi];
        if entities[ei].kind != EntityType::Operation {
            continue;
        }
        let sentence = t.sentence_of(m.tokens.start);
        let sent_start = t.sentences[sentence].tokens.start;
        let agent = (0..mi)
            .rev()
            .take_while(|&j| ms[j].tokens.start >= sent_start)
            .find_map(|j| {
                let e = entity_of[j];
                match entities[e].kind {
                    EntityType::State | EntityType::MilitantGroup | EntityType::Organization => {
                        Some(e)
                    }
                    EntityType::Official | EntityType::Person => officials.get(&e).copied(),
                    _ => None,
                }
            });
        if let Some(a) = agent {
            add(rel, ei, Predicate::ConductedBy, a, sentence);
        }
    }
}

/// Facts the gazetteers know that the article makes relevant: a group based in a state the
/// article names, a place inside a state the article names, a capital and its state.
fn gazetteer_relations(
    t: &Tokenized<'_>,
    g: &Gazetteer,
    ms: &[Mention],
    entities: &[Entity],
    rel: &mut Vec<Relation>,
) {
    let by_entry: HashMap<usize, usize> = entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.entry.map(|x| (x, i)))
        .collect();
    for (ei, e) in entities.iter().enumerate() {
        let (Some(entry), Some(&first)) = (e.entry, e.mentions.first()) else {
            continue;
        };
        let sentence = t.sentence_of(ms[first].tokens.start);
        let ge = &g.entries[entry];
        match e.kind {
            EntityType::MilitantGroup => {
                if let Some(s) = ge.countries.first().and_then(|c| by_entry.get(c)) {
                    add(rel, ei, Predicate::BasedIn, *s, sentence);
                }
            }
            // A state's armed forces and intelligence services, when the state is named too.
            EntityType::Organization
                if matches!(ge.sub_kind.as_str(), "military" | "intelligence") =>
            {
                if let Some(s) = ge.countries.first().and_then(|c| by_entry.get(c)) {
                    add(rel, ei, Predicate::BasedIn, *s, sentence);
                }
            }
            EntityType::Place => {
                if let Some(s) = ge.capital_of.and_then(|c| by_entry.get(&c)) {
                    add(rel, ei, Predicate::CapitalOf, *s, sentence);
                } else if let Some(p) = ge
                    .parent
                    .and_then(|p| by_entry.get(&p))
                    .or_else(|| ge.countries.first().and_then(|c| by_entry.get(c)))
                {
                    add(rel, ei, Predicate::LocatedIn, *p, sentence);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Document, Extraction};

    fn run(text: &str) -> Extraction {
        crate::extract(&Document {
            id: "t".into(),
            text: text.into(),
            date: None,
            title: None,
            url: None,
        })
    }

    /// (subject name, predicate, object name) for every relation.
    fn relations(ex: &Extraction) -> Vec<(String, String, String)> {
        let name = |iri: &str| {
            ex.entities
                .iter()
                .find(|e| e.id == iri)
                .map(|e| e.name.clone())
                .unwrap_or_default()
        };
        ex.relations
            .iter()
            .map(|r| (name(&r.subject), r.predicate.to_string(), name(&r.object)))
            .collect()
    }

    fn has(ex: &Extraction, s: &str, p: &str, o: &str) -> bool {
        relations(ex).contains(&(s.into(), p.into(), o.into()))
    }

    #[test]
    fn a_misread_surname_is_the_person_named_in_full() {
        let ex = run(
            "Jilani received a telephone call from his Iranian counterpart Hossein \
             Amir-Abdollahian. Jilani told Amir-Abdollahian that Pakistan respected Iran's \
             sovereignty.",
        );
        let names: Vec<&str> = ex.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(!names.contains(&"Amir-Abdollahian"), "{names:?}");
        let full = ex
            .entities
            .iter()
            .find(|e| e.name == "Hossein Amir-Abdollahian")
            .expect("the full name");
        assert_eq!(full.mentions.len(), 2, "{:?}", full.mentions);
    }

    #[test]
    fn places_in_a_list_lie_side_by_side() {
        let ex = run("India accused Pakistan of targeting Jammu, Pathankot and Udhampur.");
        assert!(
            !has(&ex, "Jammu", "locatedIn", "Pathankot"),
            "{:?}",
            relations(&ex)
        );
        let ex = run("Fighting was reported in Gisenyi, Rwanda, on Monday.");
        assert!(
            has(&ex, "Gisenyi", "locatedIn", "Rwanda"),
            "{:?}",
            relations(&ex)
        );
    }

    #[test]
    fn untitled_allegiance_follows_the_dateline() {
        let ex = run(
            "India strikes nine sites in Pakistan\nISLAMABAD: India on Wednesday carried out \
             missile strikes in Pakistan. Prime Minister Shehbaz Sharif chaired a meeting.",
        );
        assert!(
            has(&ex, "Shehbaz Sharif", "officialOf", "Pakistan"),
            "{:?}",
            relations(&ex)
        );
        // The dateline city is where the story was filed, not the state acting.
        assert!(
            ex.entities
                .iter()
                .any(|e| e.name == "Islamabad" && e.kind.to_string() == "Place"),
            "{:?}",
            ex.entities
        );
        // A title only one state has names that state, not the dateline's; with that state
        // unnamed, nobody.
        let ex = run(
            "SANAA, Yemen (AP) — Houthi rebels fired missiles at a ship. The United States \
             struck rebel sites. Defense Secretary Lloyd Austin said the strikes were justified.",
        );
        assert!(
            has(&ex, "Lloyd Austin", "officialOf", "United States")
                && !has(&ex, "Lloyd Austin", "officialOf", "Yemen"),
            "{:?}",
            relations(&ex)
        );
        let ex = run(
            "SANAA, Yemen (AP) — Houthi rebels fired missiles at a ship. Defense Secretary Lloyd \
             Austin said the strikes were justified.",
        );
        assert!(
            !has(&ex, "Lloyd Austin", "officialOf", "Yemen"),
            "{:?}",
            relations(&ex)
        );
        // "its Supreme Leader": the state named last before.
        let ex = run(
            "JERUSALEM (Reuters) - Hamas gunmen stormed into southern Israel on Saturday. Iran \
             denied any involvement, although its Supreme Leader Ayatollah Ali Khamenei praised it.",
        );
        assert!(
            has(&ex, "Ali Khamenei", "officialOf", "Iran"),
            "{:?}",
            relations(&ex)
        );
        // "its foreign ministry spokesman": the body in the title's phrase is that state's too.
        let ex = run(
            "SANAA, Yemen (AP) — The Houthis fired missiles at a tanker. Iran denied supplying \
             the missiles. Its foreign ministry spokesman Nasser Kanaani condemned the strikes.",
        );
        assert!(
            has(&ex, "Nasser Kanaani", "officialOf", "Iran"),
            "{:?}",
            relations(&ex)
        );
        // "Its Foreign Ministry" is that state's ministry, not the dateline's.
        let ex = run(
            "SANAA, Yemen (AP) — The Houthis fired missiles at a tanker. Iran denied supplying \
             the missiles. Its Foreign Ministry said the strikes were illegal.",
        );
        assert!(
            ex.entities
                .iter()
                .any(|e| e.id.ends_with("/organization/iran-foreign-ministry")),
            "{:?}",
            ex.entities.iter().map(|e| &e.id).collect::<Vec<_>>()
        );
        // A body's acronym in brackets before the title.
        let ex = run(
            "Inter-Services Public Relations (ISPR) Director General Lt Gen Ahmed Sharif \
             Chaudhry told reporters that Pakistani jets had shot down five aircraft.",
        );
        assert!(
            has(
                &ex,
                "Ahmed Sharif Chaudhry",
                "officialOf",
                "Inter-Services Public Relations"
            ),
            "{:?}",
            relations(&ex)
        );
        // Without a dateline, the first state named.
        let ex = run(
            "India struck nine sites in Pakistan. Prime Minister Narendra Modi chaired a meeting.",
        );
        assert!(
            has(&ex, "Narendra Modi", "officialOf", "India"),
            "{:?}",
            relations(&ex)
        );
    }

    #[test]
    fn a_generic_body_is_one_per_state() {
        let ex = run(
            "Pakistan's Foreign Office summoned the envoy. The Iranian Foreign Ministry said it \
             was concerned. The Foreign Ministry later added that talks would go on.",
        );
        let ids: Vec<&str> = ex
            .entities
            .iter()
            .filter(|e| e.kind.to_string() == "Organization")
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "https://w3id.org/newsgraph/id/organization/pakistan-foreign-ministry",
                "https://w3id.org/newsgraph/id/organization/iran-foreign-ministry"
            ]
        );
        // The unqualified third mention is the ministry named just before it.
        let iran = ex
            .entities
            .iter()
            .find(|e| e.id.ends_with("iran-foreign-ministry"));
        assert_eq!(iran.map(|e| e.mentions.len()), Some(2), "{:?}", ex.entities);
        assert!(
            has(&ex, "Iran Foreign Ministry", "basedIn", "Iran"),
            "{:?}",
            relations(&ex)
        );
        // An armed body takes no state the text does not write.
        let ex = run("Troops entered Mosul in Iraq. Air Force Colonel John Dorrian spoke.");
        assert!(
            ex.entities.iter().any(|e| e.name == "Air Force"),
            "{:?}",
            ex.entities
        );
        // With no state written beside it, the article's state; a named court stays itself.
        let ex = run(
            "Egypt banned the rally. The Interior Ministry said the Supreme Court of India had ruled.",
        );
        let names: Vec<&str> = ex.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Egypt Interior Ministry"), "{names:?}");
        assert!(
            !relations(&ex).iter().any(|r| r.1 == "basedIn"),
            "{:?}",
            relations(&ex)
        );
    }

    fn roles(ex: &Extraction, name: &str) -> Vec<String> {
        ex.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.roles.clone())
            .unwrap_or_default()
    }

    #[test]
    fn appositions_give_role_and_allegiance() {
        let ex = run(
            "Ahmed Wali, Afghanistan's foreign minister, spoke with Hossein Amir-Abdollahian, \
             the Iranian foreign minister, on Monday.",
        );
        assert!(
            has(&ex, "Ahmed Wali", "officialOf", "Afghanistan"),
            "{:?}",
            relations(&ex)
        );
        assert!(
            has(&ex, "Hossein Amir-Abdollahian", "officialOf", "Iran"),
            "{:?}",
            relations(&ex)
        );
        assert_eq!(roles(&ex, "Ahmed Wali"), ["foreign minister"]);
        // A title followed by another name is that name's, not an apposition.
        let ex = run("He met Erdogan, President Joe Biden and Xi Jinping in Rome.");
        assert!(roles(&ex, "Erdogan").is_empty());
        assert_eq!(roles(&ex, "Joe Biden"), ["President"]);
    }

    #[test]
    fn members_and_leaders_of_groups_and_bodies() {
        let ex = run("Abdul Rahman, a member of the Taliban, was arrested in Kabul.");
        assert!(
            has(&ex, "Abdul Rahman", "memberOf", "Taliban"),
            "{:?}",
            relations(&ex)
        );
        assert!(
            ex.entities
                .iter()
                .any(|e| e.name == "Abdul Rahman" && e.kind == crate::model::EntityType::Person)
        );
        let ex = run("Hamas leader Ismail Haniyeh met Turkish President Recep Tayyip Erdogan.");
        assert!(
            has(&ex, "Ismail Haniyeh", "memberOf", "Hamas"),
            "{:?}",
            relations(&ex)
        );
        assert!(has(&ex, "Recep Tayyip Erdogan", "officialOf", "Turkey"));
        let ex = run("UN Secretary-General Antonio Guterres called for restraint.");
        assert!(
            has(&ex, "Antonio Guterres", "officialOf", "United Nations"),
            "{:?}",
            relations(&ex)
        );
        assert_eq!(roles(&ex, "Antonio Guterres"), ["Secretary-General"]);
    }

    #[test]
    fn a_rank_after_an_office_is_not_part_of_the_name() {
        let ex = run("Chief of Army Staff General Asim Munir visited Quetta on Sunday.");
        assert!(
            ex.entities.iter().any(|e| e.name == "Asim Munir"),
            "{:?}",
            ex.entities
        );
        assert_eq!(roles(&ex, "Asim Munir"), ["Chief of Army Staff"]);
    }
}
