//! Entities by name and entity cards: names and aliases matched case-insensitively with a
//! tolerance for small misspellings, and what the store knows about one entity.
//!
//! Every query here binds the entity, or returns only distinct rows, so that a lookup stays fast
//! in a large store (Oxigraph decodes each term it returns, at a few microseconds apiece). An
//! entity's facts repeat in the graph of every article that mentions it, so a hub's card avoids
//! anything that reads one row per article and item: lists are cut by counting first, and the
//! latest events and documents are found date by date from the newest.

use crate::error::{Error, Result};
use crate::graph::{
    doc_id_of, entity_type_of, event_type_of, evidence_at, iri_list, pick_label, predicate_of,
    role_of, select, text, values_predicates, values_roles,
};
use crate::model::{EntityType, EventType, Predicate, Role};
use crate::store::Store;
use crate::vocab::{self, ng};
use oxigraph::model::{Literal, NamedNodeRef, Term};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An entity as named in a listing.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EntityRef {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub iri: String,
}

/// Lower case, accents and punctuation dropped, spaces collapsed: "Amir-Abdollahian" and
/// "amir abdollahian" are the same name.
pub fn normalize(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The keys a normalised name is filed under in the name index: its length with its first
/// letter, its length with its last letter, and each of its words when it has several. A name
/// within the tolerance of a query shares a key with it unless both its ends are misspelt; a
/// name that contains the query's words shares the key of its first word.
pub(crate) fn name_keys(normal: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let (Some(first), Some(last)) = (normal.chars().next(), normal.chars().last()) else {
        return keys;
    };
    let len = normal.chars().count();
    keys.push(format!("{}first/{len}/{first}", vocab::NAME_KEY));
    keys.push(format!("{}last/{len}/{last}", vocab::NAME_KEY));
    let words: BTreeSet<&str> = normal.split(' ').collect();
    if words.len() > 1 {
        keys.extend(words.iter().map(|w| format!("{}word/{w}", vocab::NAME_KEY)));
    }
    keys
}

/// The keys to read for a query: every length within the tolerance, both ends, and the first
/// word (for names that contain the query).
fn query_keys(normal: &str, allowed: usize) -> Vec<String> {
    let (Some(first), Some(last)) = (normal.chars().next(), normal.chars().last()) else {
        return Vec::new();
    };
    let len = normal.chars().count();
    let mut keys = Vec::new();
    for l in len.saturating_sub(allowed).max(1)..=len + allowed {
        keys.push(format!("<{}first/{l}/{first}>", vocab::NAME_KEY));
        keys.push(format!("<{}last/{l}/{last}>", vocab::NAME_KEY));
    }
    if let Some(word) = normal.split(' ').next() {
        keys.push(format!("<{}word/{word}>", vocab::NAME_KEY));
    }
    keys
}

/// The names the index files under the query's keys, or `None` for a store written before
/// the index existed (which falls back to reading every name).
fn indexed_names(store: &Store, normal: &str, allowed: usize) -> Result<Option<Vec<Name>>> {
    let mut any = false;
    select(
        store,
        &format!(
            "SELECT ?n WHERE {{ GRAPH <{}> {{ ?k <{}> ?n }} }} LIMIT 1",
            vocab::NAMES_GRAPH,
            ng::INDEXED_NAME
        ),
        |_| {
            any = true;
            Ok(())
        },
    )?;
    if !any {
        return Ok(None);
    }
    let mut out = Vec::new();
    select(
        store,
        &format!(
            "SELECT DISTINCT ?n WHERE {{ VALUES ?k {{ {} }} GRAPH <{}> {{ ?k <{}> ?n }} }}",
            query_keys(normal, allowed).join(" "),
            vocab::NAMES_GRAPH,
            ng::INDEXED_NAME
        ),
        |s| {
            if let Some(Term::Literal(l)) = s.get("n") {
                out.push(Name {
                    text: l.value().to_string(),
                    term: l.to_string(),
                });
            }
            Ok(())
        },
    )?;
    Ok(Some(out))
}

/// How many edits a name of this length may be off by and still match.
fn tolerance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// An entity that carries a name, and whether as its label or as an alias.
#[derive(Clone, Debug)]
struct Known {
    entity: String,
    kind: EntityType,
    is_label: bool,
}

/// Whether a document graph holds the triple: one index seek, however many graphs hold it.
fn holds(store: &Store, s: &str, p: &str, o: &str) -> Result<bool> {
    let quads = store.oxigraph().quads_for_pattern(
        Some(NamedNodeRef::new_unchecked(s).into()),
        Some(NamedNodeRef::new_unchecked(p)),
        Some(NamedNodeRef::new_unchecked(o).into()),
        None,
    );
    for q in quads {
        if !q?.graph_name.is_default_graph() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The first entity type (in declaration order) of a resource among `types` (all when empty),
/// if it is an entity: one probe per type, where reading its types would scan every article that
/// mentions it.
fn type_among(
    store: &Store,
    iri: &str,
    types: &BTreeSet<EntityType>,
) -> Result<Option<EntityType>> {
    for t in EntityType::ALL {
        if (types.is_empty() || types.contains(t))
            && holds(store, iri, vocab::RDF_TYPE, &vocab::entity_class(*t))?
        {
            return Ok(Some(*t));
        }
    }
    Ok(None)
}

/// The entity type of a resource, if it is an entity.
fn type_of(store: &Store, iri: &str) -> Result<Option<EntityType>> {
    type_among(store, iri, &BTreeSet::new())
}

/// The entities of the wanted types that carry one of these names (RDF terms) as label or alias,
/// found through the store's index. Each entity's type is its first among `types`, as when
/// listing entities by type.
fn holders(store: &Store, terms: &[String], types: &BTreeSet<EntityType>) -> Result<Vec<Known>> {
    let mut found: BTreeSet<(String, bool)> = BTreeSet::new();
    for chunk in terms.chunks(500) {
        select(
            store,
            &format!(
                "SELECT DISTINCT ?e ?label WHERE {{ VALUES ?n {{ {} }} {{ GRAPH ?g {{ ?e rdfs:label ?n }} BIND(true AS ?label) }} UNION {{ GRAPH ?g {{ ?e skos:altLabel ?n }} BIND(false AS ?label) }} }}",
                chunk.join(" ")
            ),
            |s| {
                if let Some(e) = text(s, "e") {
                    found.insert((e.to_string(), text(s, "label") == Some("true")));
                }
                Ok(())
            },
        )?;
    }
    let mut kinds: HashMap<String, Option<EntityType>> = HashMap::new();
    let mut out = Vec::new();
    for (entity, is_label) in found {
        let kind = match kinds.get(&entity) {
            Some(k) => *k,
            None => {
                let k = type_among(store, &entity, types)?;
                kinds.insert(entity.clone(), k);
                k
            }
        };
        if let Some(kind) = kind {
            out.push(Known {
                entity,
                kind,
                is_label,
            });
        }
    }
    Ok(out)
}

/// Names equal to one of a few spellings of the query (as typed, lower, upper, title case),
/// found through the store's index without reading every name.
fn exact_names(store: &Store, query: &str) -> Result<Vec<Known>> {
    let title: String = query
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let variants: BTreeSet<String> = [
        query.to_string(),
        query.to_lowercase(),
        query.to_uppercase(),
        title,
    ]
    .into_iter()
    .collect();
    let terms: Vec<String> = variants
        .iter()
        .map(|v| Literal::new_simple_literal(v).to_string())
        .collect();
    holders(store, &terms, &BTreeSet::new())
}

/// A distinct name in the store: its text, and its RDF term for looking its holders up.
struct Name {
    text: String,
    term: String,
}

/// Every distinct label of an entity of the wanted types, and every distinct alias, as strings
/// only: the two scans run in parallel, and decoding each holder's IRI is left to the few names
/// that match ([`holders`] also drops aliases of other types).
fn all_names(store: &Store, types: &BTreeSet<EntityType>) -> Result<Vec<Name>> {
    let classes: Vec<String> = EntityType::ALL
        .iter()
        .filter(|t| types.is_empty() || types.contains(t))
        .map(|t| format!("<{}>", vocab::entity_class(*t)))
        .collect();
    // Entities first, then their labels, by hash join: event labels are never decoded.
    let labels = format!(
        "SELECT DISTINCT ?n WHERE {{ GRAPH ?g {{ ?e rdfs:label ?n }} {{ SELECT DISTINCT ?e WHERE {{ VALUES ?t {{ {} }} GRAPH ?h {{ ?e a ?t }} }} }} }}",
        classes.join(" ")
    );
    let aliases = "SELECT DISTINCT ?n WHERE { GRAPH ?g { ?e skos:altLabel ?n } }";
    let read = |query: &str| -> Result<Vec<Name>> {
        let mut out = Vec::new();
        select(store, query, |s| {
            if let Some(Term::Literal(l)) = s.get("n") {
                out.push(Name {
                    text: l.value().to_string(),
                    term: l.to_string(),
                });
            }
            Ok(())
        })?;
        Ok(out)
    };
    let (labels, aliases) = rayon::join(|| read(&labels), || read(aliases));
    let mut seen = BTreeSet::new();
    Ok(labels?
        .into_iter()
        .chain(aliases?)
        .filter(|n| seen.insert(n.term.clone()))
        .collect())
}

/// Picks the entity a tier of matches designates: one entity, or the candidates.
fn decide(query: &str, store: &Store, matches: &[&Known]) -> Result<Option<EntityRef>> {
    let mut by_entity: BTreeMap<&str, EntityType> = BTreeMap::new();
    for k in matches {
        by_entity.insert(&k.entity, k.kind);
    }
    match by_entity.len() {
        0 => Ok(None),
        1 => {
            let (iri, kind) = by_entity.into_iter().next().unwrap();
            Ok(Some(entity_ref(store, iri, kind)?))
        }
        n => {
            let mut cands = Vec::new();
            for (iri, kind) in by_entity {
                cands.push(entity_ref(store, iri, kind)?);
            }
            cands.sort();
            const SHOWN: usize = 10;
            let mut list: Vec<String> = cands
                .iter()
                .take(SHOWN)
                .map(|c| format!("{} ({})", c.name, c.kind))
                .collect();
            if n > SHOWN {
                list.push(format!("and {} more", n - SHOWN));
            }
            Err(Error::AmbiguousEntity {
                name: query.to_string(),
                candidates: list.join(", "),
            })
        }
    }
}

/// An entity's display name, from all its labels.
fn entity_ref(store: &Store, iri: &str, kind: EntityType) -> Result<EntityRef> {
    let mut labels = Vec::new();
    select(
        store,
        &format!("SELECT DISTINCT ?l WHERE {{ GRAPH ?g {{ <{iri}> rdfs:label ?l }} }}"),
        |s| {
            if let Some(l) = text(s, "l") {
                labels.push(l.to_string());
            }
            Ok(())
        },
    )?;
    let name = pick_label(labels.iter().map(String::as_str))
        .unwrap_or(iri)
        .to_string();
    Ok(EntityRef {
        name,
        kind,
        iri: iri.to_string(),
    })
}

/// The entity type an IRI minted by newsgraph names in its path (`…/id/state/pakistan`).
fn type_in_iri(iri: &str) -> Option<EntityType> {
    let (segment, rest) = iri.strip_prefix(vocab::ID)?.split_once('/')?;
    if rest.is_empty() || rest.contains('/') {
        return None;
    }
    EntityType::ALL
        .iter()
        .copied()
        .find(|t| t.segment() == segment)
}

/// Entity references for many IRIs at once (non-entities are left out), in the given order.
fn entity_refs(store: &Store, iris: &[String]) -> Result<Vec<EntityRef>> {
    let mut kinds: HashMap<String, BTreeSet<EntityType>> = HashMap::new();
    let mut labels: HashMap<String, Vec<String>> = HashMap::new();
    // Types from the IRIs where they say it (reading a hub's types scans every article that
    // mentions it); the store for the others.
    let mut unknown = Vec::new();
    for iri in iris {
        match type_in_iri(iri) {
            Some(t) => {
                kinds.entry(iri.clone()).or_default().insert(t);
            }
            None => unknown.push(iri.clone()),
        }
    }
    for chunk in unknown.chunks(500) {
        select(
            store,
            &format!(
                "SELECT DISTINCT ?x ?t WHERE {{ VALUES ?x {{ {} }} ?x a ?t }}",
                iri_list(chunk)
            ),
            |s| {
                if let (Some(x), Some(t)) = (text(s, "x"), text(s, "t").and_then(entity_type_of)) {
                    kinds.entry(x.to_string()).or_default().insert(t);
                }
                Ok(())
            },
        )?;
    }
    for chunk in iris.chunks(500) {
        let xs = iri_list(chunk);
        select(
            store,
            &format!(
                "SELECT DISTINCT ?x ?l WHERE {{ VALUES ?x {{ {xs} }} GRAPH ?g {{ ?x rdfs:label ?l }} }}"
            ),
            |s| {
                if let (Some(x), Some(l)) = (text(s, "x"), text(s, "l")) {
                    labels.entry(x.to_string()).or_default().push(l.to_string());
                }
                Ok(())
            },
        )?;
    }
    Ok(iris
        .iter()
        .filter_map(|iri| {
            let kind = *kinds.get(iri)?.iter().next()?;
            let ls = labels.get(iri).map(Vec::as_slice).unwrap_or_default();
            Some(EntityRef {
                name: pick_label(ls.iter().map(String::as_str))
                    .unwrap_or(iri)
                    .to_string(),
                kind,
                iri: iri.clone(),
            })
        })
        .collect())
}

/// Finds the entity a name designates. In order: an IRI; names equal to the query ignoring
/// case, accents and punctuation (labels before aliases); names within a small edit distance
/// (the closest); names that contain the query as whole words. The first step that matches
/// decides: one entity is the answer, several are reported as ambiguous with the candidates.
/// `types`, when not empty, keeps only entities of those types.
pub fn resolve(store: &Store, query: &str, types: &BTreeSet<EntityType>) -> Result<EntityRef> {
    let query = query.trim();
    let type_ok = |k: &Known| types.is_empty() || types.contains(&k.kind);
    if query.starts_with("http://") || query.starts_with("https://") {
        if oxigraph::model::NamedNode::new(query).is_err() {
            return Err(Error::UnknownEntity(query.to_string()));
        }
        return match type_of(store, query)? {
            Some(kind) if types.is_empty() || types.contains(&kind) => {
                entity_ref(store, query, kind)
            }
            _ => Err(Error::UnknownEntity(query.to_string())),
        };
    }
    let q = normalize(query);
    if q.is_empty() {
        return Err(Error::UnknownEntity(query.to_string()));
    }
    // Fast path: a name spelt as typed or in a usual case needs no scan of all names.
    let exact: Vec<Known> = exact_names(store, query)?
        .into_iter()
        .filter(|k| type_ok(k))
        .collect();
    for want_label in [true, false] {
        let tier: Vec<&Known> = exact.iter().filter(|k| k.is_label == want_label).collect();
        if let Some(found) = decide(query, store, &tier)? {
            return Ok(found);
        }
    }
    // The names that could match, from the index (or every name in a store without one), as
    // strings; only those a tier keeps are looked up (names of no entity of the wanted types
    // drop out there, so a tier that keeps none passes to the next).
    let q_len = q.chars().count();
    let allowed = tolerance(q_len);
    let candidates = match indexed_names(store, &q, allowed)? {
        Some(names) => names,
        None => all_names(store, types)?,
    };
    let names: Vec<(Name, String)> = candidates
        .into_iter()
        .map(|n| {
            let normal = normalize(&n.text);
            (n, normal)
        })
        .collect();
    let holders_of = |picked: Vec<&Name>| -> Result<Vec<Known>> {
        let terms: Vec<String> = picked.iter().map(|n| n.term.clone()).collect();
        holders(store, &terms, types)
    };
    let equal = holders_of(
        names
            .iter()
            .filter(|(_, n)| *n == q)
            .map(|(name, _)| name)
            .collect(),
    )?;
    for want_label in [true, false] {
        let tier: Vec<&Known> = equal.iter().filter(|k| k.is_label == want_label).collect();
        if let Some(found) = decide(query, store, &tier)? {
            return Ok(found);
        }
    }
    if allowed > 0 {
        // The closest names that some entity carries; a length off by more than the tolerance
        // cannot be within it, which spares most distance computations.
        let mut by_distance: BTreeMap<usize, Vec<&Name>> = BTreeMap::new();
        for (name, n) in &names {
            if n.chars().count().abs_diff(q_len) <= allowed {
                let d = strsim::damerau_levenshtein(&q, n);
                if d <= allowed {
                    by_distance.entry(d).or_default().push(name);
                }
            }
        }
        for picked in by_distance.into_values() {
            let tier = holders_of(picked)?;
            if let Some(found) = decide(query, store, &tier.iter().collect::<Vec<_>>())? {
                return Ok(found);
            }
        }
    }
    let padded = format!(" {q} ");
    let tier = holders_of(
        names
            .iter()
            .filter(|(_, n)| format!(" {n} ").contains(&padded))
            .map(|(name, _)| name)
            .collect(),
    )?;
    decide(query, store, &tier.iter().collect::<Vec<_>>())?
        .ok_or_else(|| Error::UnknownEntity(query.to_string()))
}

/// A sentence behind a line of the card.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EvidenceText {
    pub document: String,
    /// Where the sentence starts in the document (code points).
    pub start: usize,
    pub text: String,
}

/// Another argument of an event: an entity, or an unnamed filler ("militant targets").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Counterpart {
    pub role: Role,
    pub name: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iri: Option<String>,
}

/// An event the entity takes part in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventLine {
    pub event: String,
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The entity's roles in it.
    pub roles: Vec<Role>,
    /// Its day, or its stretch of days as an ISO 8601 interval ("2025-04-28/2025-05-04").
    pub date: Option<String>,
    pub counterparts: Vec<Counterpart>,
    pub documents: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceText>,
}

/// Which end of a relation the entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The entity is the subject: "Jilani officialOf Pakistan".
    Out,
    /// The entity is the object: "Jilani officialOf Pakistan" on Pakistan's card.
    In,
}

/// A relation to another entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RelationLine {
    pub direction: Direction,
    pub predicate: Predicate,
    pub other: EntityRef,
    /// How many documents state it.
    pub document_count: usize,
    /// Some of them (at most [`CardOptions::limit`]), by id.
    pub documents: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceText>,
}

/// What the store knows about one entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Card {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub iri: String,
    pub aliases: Vec<String>,
    pub wikidata: Option<String>,
    pub roles: Vec<String>,
    /// Whom the entity serves or belongs to (`officialOf`, `memberOf`).
    pub serves: Vec<EntityRef>,
    /// How many events it takes part in.
    pub event_count: usize,
    /// The most recent of them (undated ones last, ties by IRI), at most [`CardOptions::limit`].
    pub events: Vec<EventLine>,
    /// How many entities it is related to, by relation.
    pub relation_count: usize,
    /// Its relations, those stated by most documents first, at most [`CardOptions::limit`].
    pub relations: Vec<RelationLine>,
    /// How many documents mention it.
    pub document_count: usize,
    /// The most recently published of them (ties by id), at most [`CardOptions::limit`].
    pub documents: Vec<String>,
}

/// What a card shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardOptions {
    /// Attach the sentences behind each event and relation.
    pub evidence: bool,
    /// Most events, relations and documents listed (0 for all).
    pub limit: usize,
}

impl Default for CardOptions {
    fn default() -> Self {
        CardOptions {
            evidence: false,
            limit: 20,
        }
    }
}

impl CardOptions {
    /// How many items a list keeps.
    fn cap(&self) -> usize {
        if self.limit == 0 {
            usize::MAX
        } else {
            self.limit
        }
    }
}

fn count(store: &Store, query: &str) -> Result<usize> {
    let mut n = 0;
    select(store, query, |s| {
        n = text(s, "n").and_then(|v| v.parse().ok()).unwrap_or(0);
        Ok(())
    })?;
    Ok(n)
}

/// Past this many events (documents), scanning every event date (publication date) in the store
/// once costs less than reading each of the entity's items' dates, one seek apiece.
const EVENTS_WALKED_FROM: usize = 2000;
const DOCUMENTS_WALKED_FROM: usize = 1000;

/// An event's day, bound to `?d`: its date, or the last day of its stretch ("last week").
const EVENT_DAY: &str = "{ ?x ng:date ?d } UNION { ?x ng:periodEnd ?d }";

/// An item (event IRI or document id) and its date.
type DatedItem = (String, Option<String>);

/// How to count and find an entity's latest items. Patterns use `?x` for the item and `?d` for
/// its date.
struct Dated<'a> {
    /// The entity's items, maybe repeated: `?x`.
    rows: &'a str,
    /// The entity's items, each with its date where it has one: `?x` and `OPTIONAL ?d`.
    items: &'a str,
    /// The entity's items on the dates bound to `?d`.
    on_dates: &'a str,
    /// Every date such items carry in the store, bound to `?d`.
    all_dates: &'a str,
    /// The item key as listed (events: the IRI; documents: the id).
    key: fn(&str) -> Option<String>,
}

/// A date as stored: its lexical form (the card's order) and its RDF term.
struct DateTerm {
    lexical: String,
    term: String,
}

fn date_term(s: &oxigraph::sparql::QuerySolution) -> Option<DateTerm> {
    match s.get("d")? {
        Term::Literal(l) => Some(DateTerm {
            lexical: l.value().to_string(),
            term: l.to_string(),
        }),
        _ => None,
    }
}

/// How many items an entity has, and the `limit` latest of them: latest first, undated last,
/// ties by key. Up to `walk_from` items, the store orders the entity's items by date and returns
/// the first few (reading each item's date, one seek apiece); past it, dates are visited from the
/// newest down, a few at a time, so that a hub reads only the items of its last few dates. Either
/// way the items sharing the last date kept are all read, so ties are broken by key, not by the
/// store's order.
fn latest(
    store: &Store,
    how: &Dated<'_>,
    limit: usize,
    walk_from: usize,
) -> Result<(usize, Vec<DatedItem>)> {
    let total = || {
        count(
            store,
            &format!("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {} }}", how.rows),
        )
    };
    let all_dates = || -> Result<Vec<DateTerm>> {
        let mut dates = Vec::new();
        select(
            store,
            &format!("SELECT DISTINCT ?d WHERE {{ {} }}", how.all_dates),
            |s| {
                if let Some(d) = date_term(s) {
                    dates.push(d);
                }
                Ok(())
            },
        )?;
        Ok(dates)
    };
    // The first rows tell whether to walk the dates (so that counting all items and the scan of
    // dates can run side by side), and count the items when there are no more.
    let (mut rows, mut first) = (0, 0);
    select(
        store,
        &format!(
            "SELECT (COUNT(*) AS ?rows) (COUNT(DISTINCT ?x) AS ?n) WHERE {{ SELECT ?x WHERE {{ {} }} LIMIT {} }}",
            how.rows,
            walk_from + 1
        ),
        |s| {
            rows = text(s, "rows").and_then(|n| n.parse().ok()).unwrap_or(0);
            first = text(s, "n").and_then(|n| n.parse().ok()).unwrap_or(0);
            Ok(())
        },
    )?;
    let busy = rows > walk_from && limit != usize::MAX;
    let (total, mut dates) = if busy {
        let (total, dates) = rayon::join(total, all_dates);
        (total?, dates?)
    } else if rows > walk_from {
        (total()?, Vec::new())
    } else {
        (first, Vec::new())
    };
    let mut out: Vec<DatedItem> = Vec::new();
    if total == 0 || limit == 0 {
        return Ok((total, out));
    }
    let push = |out: &mut Vec<DatedItem>, s: &oxigraph::sparql::QuerySolution| {
        if let Some(x) = text(s, "x").and_then(how.key) {
            out.push((x, text(s, "d").map(str::to_string)));
        }
    };
    let on_dates = |out: &mut Vec<DatedItem>, dates: &[&DateTerm]| -> Result<()> {
        let values: Vec<&str> = dates.iter().map(|d| d.term.as_str()).collect();
        select(
            store,
            &format!(
                "SELECT DISTINCT ?x ?d WHERE {{ VALUES ?d {{ {} }} {} }}",
                values.join(" "),
                how.on_dates
            ),
            |s| {
                push(out, s);
                Ok(())
            },
        )
    };
    let undated = |out: &mut Vec<DatedItem>| -> Result<()> {
        select(
            store,
            &format!(
                "SELECT DISTINCT ?x WHERE {{ {} FILTER(!BOUND(?d)) }}",
                how.items
            ),
            |s| {
                push(out, s);
                Ok(())
            },
        )
    };
    if limit == usize::MAX {
        // All of them.
        select(
            store,
            &format!("SELECT DISTINCT ?x ?d WHERE {{ {} }}", how.items),
            |s| {
                push(&mut out, s);
                Ok(())
            },
        )?;
    } else if !busy {
        let mut last = None;
        select(
            store,
            &format!(
                "SELECT DISTINCT ?x ?d WHERE {{ {} }} ORDER BY DESC(?d) LIMIT {limit}",
                how.items
            ),
            |s| {
                push(&mut out, s);
                last = Some(date_term(s));
                Ok(())
            },
        )?;
        if out.len() == limit {
            // Replace the items of the last date kept by all of them.
            let cut = out[limit - 1].1.clone();
            out.retain(|(_, d)| *d != cut);
            match last.flatten() {
                Some(d) => on_dates(&mut out, &[&d])?,
                None => undated(&mut out)?,
            }
        }
    } else {
        dates.sort_by(|a, b| b.lexical.cmp(&a.lexical));
        // Batches sized from the entity's average per date, doubling while they fall short.
        let per_date = (total / dates.len().max(1)).max(1);
        let mut next = 0;
        let mut grow = 1;
        while out.len() < limit && next < dates.len() {
            let want = (limit - out.len()).div_ceil(per_date) * grow;
            let batch: Vec<&DateTerm> = dates[next..].iter().take(want).collect();
            next += batch.len();
            grow *= 2;
            on_dates(&mut out, &batch)?;
        }
        if out.len() < limit {
            undated(&mut out)?;
        }
    }
    // Latest first, undated last; ties by key (sorted here, not in a query, for speed). An item
    // has one date.
    out.sort_by(|a, b| (b.1.is_some(), &b.1, &a.0).cmp(&(a.1.is_some(), &a.1, &b.0)));
    out.dedup_by(|a, b| a.0 == b.0);
    out.truncate(limit);
    Ok((total, out))
}

/// The card of an entity. Its four parts (names, documents, events, relations) are read in
/// parallel, then the names of every entity they show at once (a hub's name takes reading all
/// its labels, one per article, so each is read only once).
pub fn card(store: &Store, entity: &EntityRef, opts: &CardOptions) -> Result<Card> {
    let e = format!("<{}>", entity.iri);
    let ((about, docs), (events, relations)) = rayon::join(
        || {
            rayon::join(
                || about(store, entity, &e),
                || document_list(store, &e, opts),
            )
        },
        || {
            rayon::join(
                || event_drafts(store, &e, opts),
                || relation_drafts(store, &e, opts),
            )
        },
    );
    let (about, (document_count, documents)) = (about?, docs?);
    let (events, relations) = (events?, relations?);
    let mut shown: BTreeSet<&String> = about.serves.iter().collect();
    shown.extend(&events.named);
    shown.extend(relations.lines.iter().map(|r| &r.other));
    // In interleaved parts, as hubs tend to come together in IRI order.
    const PARTS: usize = 4;
    let mut parts: Vec<Vec<String>> = vec![Vec::new(); PARTS];
    for (i, iri) in shown.into_iter().enumerate() {
        parts[i % PARTS].push(iri.clone());
    }
    let refs: Vec<Vec<EntityRef>> = parts
        .into_par_iter()
        .map(|part| entity_refs(store, &part))
        .collect::<Result<_>>()?;
    let refs: HashMap<String, EntityRef> = refs
        .into_iter()
        .flatten()
        .map(|r| (r.iri.clone(), r))
        .collect();
    let mut serves: Vec<EntityRef> = about
        .serves
        .iter()
        .filter_map(|x| refs.get(x).cloned())
        .collect();
    serves.sort();
    Ok(Card {
        name: entity.name.clone(),
        kind: entity.kind,
        iri: entity.iri.clone(),
        aliases: about.aliases,
        wikidata: about.wikidata,
        roles: about.roles,
        serves,
        event_count: events.total,
        events: event_lines(events.drafts, &refs),
        relation_count: relations.total,
        relations: relation_lines(relations.lines, &refs),
        document_count,
        documents,
    })
}

/// The head of a card: names, Wikidata id, roles and allegiance (IRIs, named later).
struct About {
    aliases: Vec<String>,
    wikidata: Option<String>,
    roles: Vec<String>,
    serves: Vec<String>,
}

fn about(store: &Store, entity: &EntityRef, e: &str) -> Result<About> {
    let mut labels = BTreeSet::new();
    let mut aliases = BTreeSet::new();
    let mut wikidata = BTreeSet::new();
    let mut roles = BTreeSet::new();
    select(
        store,
        &format!(
            "SELECT DISTINCT ?p ?o WHERE {{ VALUES ?p {{ rdfs:label skos:altLabel owl:sameAs ng:role }} GRAPH ?g {{ {e} ?p ?o }} }}"
        ),
        |s| {
            let (Some(p), Some(o)) = (text(s, "p"), text(s, "o")) else {
                return Ok(());
            };
            let o = o.to_string();
            match p {
                vocab::RDFS_LABEL => {
                    labels.insert(o);
                }
                vocab::SKOS_ALT_LABEL => {
                    aliases.insert(o);
                }
                vocab::OWL_SAME_AS => {
                    if let Some(q) = o.strip_prefix(&vocab::wikidata_iri("")) {
                        wikidata.insert(q.to_string());
                    }
                }
                ng::ROLE => {
                    roles.insert(o);
                }
                _ => {}
            }
            Ok(())
        },
    )?;
    // Other labels an entity carried in other articles are aliases too.
    aliases.extend(labels.iter().filter(|l| **l != entity.name).cloned());
    aliases.remove(&entity.name);

    let mut serves = Vec::new();
    select(
        store,
        &format!(
            "SELECT DISTINCT ?x WHERE {{ VALUES ?p {{ ng:officialOf ng:memberOf }} {e} ?p ?x }}"
        ),
        |s| {
            if let Some(x) = text(s, "x") {
                serves.push(x.to_string());
            }
            Ok(())
        },
    )?;
    Ok(About {
        aliases: aliases.into_iter().collect(),
        wikidata: wikidata.into_iter().next(),
        roles: roles.into_iter().collect(),
        serves,
    })
}

/// How many documents mention the entity, and the most recently published of them (their ids).
fn document_list(store: &Store, e: &str, opts: &CardOptions) -> Result<(usize, Vec<String>)> {
    // A document's metadata and its mentions live in its own graph.
    let rows = format!("{e} ng:mentionedIn ?x");
    let items = format!("GRAPH ?x {{ {e} ng:mentionedIn ?x OPTIONAL {{ ?x ng:published ?d }} }}");
    let on_dates = format!("GRAPH ?x {{ ?x ng:published ?d . {e} ng:mentionedIn ?x }}");
    let how = Dated {
        rows: &rows,
        items: &items,
        on_dates: &on_dates,
        all_dates: "GRAPH ?g { ?g ng:published ?d }",
        key: doc_id_of,
    };
    let (total, docs) = latest(store, &how, opts.cap(), DOCUMENTS_WALKED_FROM)?;
    Ok((total, docs.into_iter().map(|(id, _)| id).collect()))
}

/// Another argument of an event as read: its labels, its type if it is an entity, and whether
/// it is an unnamed filler.
type Other = (Vec<String>, Option<EntityType>, bool);

/// What an event line needs but the names of the entities in it.
#[derive(Default)]
struct Acc {
    kind: Option<EventType>,
    roles: BTreeSet<Role>,
    docs: BTreeSet<String>,
    others: BTreeMap<(Role, String), Other>,
    evidence: BTreeSet<EvidenceText>,
    /// The first day of the event's stretch, when it is dated by one.
    period_start: Option<String>,
}

/// The entity's events: how many, the latest with all but their entities' names, and the
/// entities to name.
#[derive(Default)]
struct EventDrafts {
    total: usize,
    drafts: Vec<(String, Option<String>, Acc)>,
    named: BTreeSet<String>,
}

fn event_drafts(store: &Store, e: &str, opts: &CardOptions) -> Result<EventDrafts> {
    let roles = values_roles("role");
    let rows = format!("{roles} ?x ?role {e}");
    // An event's facts live in its article's graph.
    let role_list: Vec<String> = Role::ALL
        .iter()
        .map(|r| format!("<{}>", vocab::role_property(*r)))
        .collect();
    // A stretch of days ("last week") is placed at its last day, as `--since` counts it.
    let items = format!("{roles} GRAPH ?g {{ ?x ?role {e} OPTIONAL {{ {EVENT_DAY} }} }}");
    let on_dates = format!(
        "GRAPH ?g {{ {EVENT_DAY} ?x ?role {e} }} FILTER(?role IN ({}))",
        role_list.join(", ")
    );
    let how = Dated {
        rows: &rows,
        items: &items,
        on_dates: &on_dates,
        all_dates: "GRAPH ?g { { ?x ng:date ?d } UNION { ?x ng:periodEnd ?d } }",
        key: |x| Some(x.to_string()),
    };
    let (total, chosen) = latest(store, &how, opts.cap(), EVENTS_WALKED_FROM)?;
    if chosen.is_empty() {
        return Ok(EventDrafts {
            total,
            ..EventDrafts::default()
        });
    }
    let mut acc: HashMap<String, Acc> = chosen
        .iter()
        .map(|(ev, _)| (ev.clone(), Acc::default()))
        .collect();
    let evs = iri_list(chosen.iter().map(|(ev, _)| ev));
    // The types, documents and arguments of the chosen events, then the labels of their unnamed
    // fillers: small queries with bound subjects (a join across graphs here would be slow).
    // Entities are named with the rest of the card.
    let mut args: BTreeSet<String> = BTreeSet::new();
    select(
        store,
        &format!(
            "SELECT DISTINCT ?ev ?p ?x WHERE {{ VALUES ?ev {{ {evs} }} ?ev ?p ?x FILTER(?p IN (rdf:type, ng:document, ng:periodStart, {})) }}",
            role_list.join(", ")
        ),
        |s| {
            let (Some(ev), Some(p), Some(x)) = (text(s, "ev"), text(s, "p"), text(s, "x")) else {
                return Ok(());
            };
            let Some(a) = acc.get_mut(ev) else {
                return Ok(());
            };
            if p == vocab::RDF_TYPE {
                if let Some(kind) = event_type_of(x) {
                    a.kind = Some(kind);
                }
            } else if p == ng::PERIOD_START {
                a.period_start = Some(x.to_string());
            } else if p == ng::DOCUMENT_PROP {
                if let Some(id) = doc_id_of(x) {
                    a.docs.insert(id);
                }
            } else if let Some(role) = role_of(p) {
                if format!("<{x}>") == e {
                    a.roles.insert(role);
                } else {
                    a.others
                        .insert((role, x.to_string()), (Vec::new(), None, false));
                    args.insert(x.to_string());
                }
            }
            Ok(())
        },
    )?;
    // Unnamed fillers ("militant targets") are minted under their event: `{event}/arg/…`.
    let (fillers, named): (Vec<String>, Vec<String>) =
        args.into_iter().partition(|x| x.contains("/arg/"));
    let mut filler_names: HashMap<String, Vec<String>> = HashMap::new();
    for chunk in fillers.chunks(500) {
        select(
            store,
            &format!(
                "SELECT DISTINCT ?x ?l WHERE {{ VALUES ?x {{ {} }} ?x rdfs:label ?l }}",
                iri_list(chunk)
            ),
            |s| {
                if let (Some(x), Some(l)) = (text(s, "x"), text(s, "l")) {
                    filler_names
                        .entry(x.to_string())
                        .or_default()
                        .push(l.to_string());
                }
                Ok(())
            },
        )?;
    }
    for a in acc.values_mut() {
        for ((_, x), slot) in a.others.iter_mut() {
            if let Some(n) = filler_names.get(x) {
                *slot = (n.clone(), None, true);
            }
        }
    }
    if opts.evidence {
        select(
            store,
            &format!(
                "SELECT DISTINCT ?ev ?v ?text WHERE {{ VALUES ?ev {{ {evs} }} ?ev ng:evidence ?v . ?v ng:text ?text }}"
            ),
            |s| {
                if let (Some(ev), Some(v), Some(t)) = (text(s, "ev"), text(s, "v"), text(s, "text"))
                    && let Some(a) = acc.get_mut(ev)
                {
                    let (doc, start, _) = evidence_at(v);
                    a.evidence.insert(EvidenceText {
                        document: doc.to_string(),
                        start,
                        text: t.to_string(),
                    });
                }
                Ok(())
            },
        )?;
    }
    let drafts = chosen
        .into_iter()
        .filter_map(|(iri, date)| {
            let a = acc.remove(&iri)?;
            // A stretch reads as an ISO 8601 interval: "2025-04-28/2025-05-04".
            let date = match (&a.period_start, date) {
                (Some(start), Some(end)) => Some(format!("{start}/{end}")),
                (_, date) => date,
            };
            Some((iri, date, a))
        })
        .collect();
    Ok(EventDrafts {
        total,
        drafts,
        named: named.into_iter().collect(),
    })
}

/// Event lines from their drafts, given the names of the entities in them (counterparts that
/// are neither entities nor unnamed fillers are left out).
fn event_lines(
    drafts: Vec<(String, Option<String>, Acc)>,
    refs: &HashMap<String, EntityRef>,
) -> Vec<EventLine> {
    drafts
        .into_iter()
        .filter_map(|(iri, date, mut a)| {
            a.others.retain(|(_, x), slot| {
                if slot.2 {
                    true
                } else if let Some(r) = refs.get(x) {
                    *slot = (vec![r.name.clone()], Some(r.kind), false);
                    true
                } else {
                    false
                }
            });
            let mut counterparts: Vec<Counterpart> = a
                .others
                .into_iter()
                .map(|((role, x), (labels, kind, descriptor))| Counterpart {
                    role,
                    name: pick_label(labels.iter().map(String::as_str))
                        .unwrap_or_default()
                        .to_string(),
                    kind,
                    iri: (!descriptor).then_some(x),
                })
                .collect();
            counterparts.sort();
            counterparts.dedup_by(|a, b| a.role == b.role && a.name == b.name);
            Some(EventLine {
                event: iri,
                kind: a.kind?,
                roles: a.roles.into_iter().collect(),
                date,
                counterparts,
                documents: a.docs.into_iter().collect(),
                evidence: a.evidence.into_iter().collect(),
            })
        })
        .collect()
}

/// A relation line with the other entity still to be named.
struct RelationDraft {
    direction: Direction,
    predicate: Predicate,
    other: String,
    document_count: usize,
    documents: Vec<String>,
    evidence: Vec<EvidenceText>,
}

/// The entity's relations: how many, and those stated by most documents.
struct RelationDrafts {
    total: usize,
    lines: Vec<RelationDraft>,
}

fn relation_drafts(store: &Store, e: &str, opts: &CardOptions) -> Result<RelationDrafts> {
    let preds = values_predicates("p");
    let grouped = format!(
        "WHERE {{ GRAPH ?g {{ {{ {preds} {e} ?p ?x BIND(\"out\" AS ?dir) }} UNION {{ {preds} ?x ?p {e} BIND(\"in\" AS ?dir) }} }} }} GROUP BY ?dir ?p ?x"
    );
    // How many documents state each relation (one quad per document and relation), without
    // naming the relations: ordering a hub's hundreds of relations by IRI would decode them all.
    let mut sizes: Vec<usize> = Vec::new();
    select(store, &format!("SELECT (COUNT(*) AS ?n) {grouped}"), |s| {
        sizes.push(text(s, "n").and_then(|n| n.parse().ok()).unwrap_or(0));
        Ok(())
    })?;
    let total = sizes.len();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let cut = match sizes.get(opts.cap().saturating_sub(1)) {
        Some(n) if opts.limit > 0 => *n,
        _ => 0,
    };
    // Then only those stated at least as often as the last one kept, most documents first,
    // ties by direction ("in" first), predicate and entity IRI.
    let mut chosen: Vec<(&'static str, String, String, usize)> = Vec::new();
    if total > 0 {
        select(
            store,
            &format!("SELECT ?dir ?p ?x (COUNT(*) AS ?n) {grouped} HAVING(COUNT(*) >= {cut})"),
            |s| {
                if let (Some(dir), Some(p), Some(x)) = (text(s, "dir"), text(s, "p"), text(s, "x"))
                {
                    let dir = if dir == "out" { "out" } else { "in" };
                    let n = text(s, "n").and_then(|n| n.parse().ok()).unwrap_or(0);
                    chosen.push((dir, p.to_string(), x.to_string(), n));
                }
                Ok(())
            },
        )?;
    }
    chosen.sort_by(|a, b| (b.3, a.0, &a.1, &a.2).cmp(&(a.3, b.0, &b.1, &b.2)));
    chosen.truncate(opts.cap());
    let chosen: Vec<(Direction, Predicate, String, usize)> = chosen
        .into_iter()
        .filter_map(|(dir, p, x, n)| {
            let dir = if dir == "out" {
                Direction::Out
            } else {
                Direction::In
            };
            Some((dir, predicate_of(&p)?, x, n))
        })
        .collect();
    let few = if opts.limit == 0 {
        String::new()
    } else {
        format!("LIMIT {}", opts.limit.min(5))
    };
    // A few small queries per relation, run in parallel.
    let lines = chosen
        .into_par_iter()
        .map(|relation| relation_draft(store, e, opts, &few, relation))
        .collect::<Result<_>>()?;
    Ok(RelationDrafts { total, lines })
}

/// One relation's first few documents (in the store's order, then sorted) and, if asked, its
/// evidence.
fn relation_draft(
    store: &Store,
    e: &str,
    opts: &CardOptions,
    few: &str,
    (dir, p, x, n): (Direction, Predicate, String, usize),
) -> Result<RelationDraft> {
    let (s, o) = match dir {
        Direction::Out => (e.to_string(), format!("<{x}>")),
        Direction::In => (format!("<{x}>"), e.to_string()),
    };
    let pred = format!("<{}>", vocab::predicate_property(p));
    let mut documents = Vec::new();
    select(
        store,
        &format!("SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {s} {pred} {o} }} }} {few}"),
        |row| {
            if let Some(id) = text(row, "g").and_then(doc_id_of) {
                documents.push(id);
            }
            Ok(())
        },
    )?;
    // Sorting all of them first would decode every one: sort the few instead.
    documents.sort();
    let mut evidence = BTreeSet::new();
    if opts.evidence {
        select(
            store,
            &format!(
                "SELECT DISTINCT ?v ?text WHERE {{ ?st rdf:subject {s} ; rdf:predicate {pred} ; rdf:object {o} ; ng:evidence ?v . ?v ng:text ?text }} {few}"
            ),
            |row| {
                if let (Some(v), Some(t)) = (text(row, "v"), text(row, "text")) {
                    let (doc, start, _) = evidence_at(v);
                    evidence.insert(EvidenceText {
                        document: doc.to_string(),
                        start,
                        text: t.to_string(),
                    });
                }
                Ok(())
            },
        )?;
    }
    Ok(RelationDraft {
        direction: dir,
        predicate: p,
        other: x,
        document_count: n,
        documents,
        evidence: evidence.into_iter().collect(),
    })
}

/// Relation lines from their drafts, given the names of the other entities (relations to
/// resources that are not entities are left out).
fn relation_lines(
    drafts: Vec<RelationDraft>,
    refs: &HashMap<String, EntityRef>,
) -> Vec<RelationLine> {
    drafts
        .into_iter()
        .filter_map(|d| {
            Some(RelationLine {
                direction: d.direction,
                predicate: d.predicate,
                other: refs.get(&d.other)?.clone(),
                document_count: d.document_count,
                documents: d.documents,
                evidence: d.evidence,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalize_case_accents_and_punctuation() {
        assert_eq!(normalize("Amir-Abdollahian"), "amir abdollahian");
        assert_eq!(normalize("  Türkiye "), "turkiye");
        assert_eq!(normalize("Jaish al-Adl"), normalize("jaish AL adl"));
    }

    #[test]
    fn a_misspelt_name_shares_an_index_key_with_the_name() {
        let shares = |query: &str, name: &str| {
            let q = normalize(query);
            let keys: BTreeSet<String> = name_keys(&normalize(name))
                .into_iter()
                .map(|k| format!("<{k}>"))
                .collect();
            query_keys(&q, tolerance(q.len()))
                .iter()
                .any(|k| keys.contains(k))
        };
        assert!(shares("Jilanni", "Jilani"));
        assert!(shares("Xilani", "Jilani"), "first letter misspelt");
        assert!(shares("Jalil Abas Jillani", "Jalil Abbas Jilani"));
        assert!(shares("abbas jilani", "Jalil Abbas Jilani"), "a word");
        assert!(!shares("Tehran", "Jilani"));
    }

    #[test]
    fn short_names_must_match_exactly() {
        assert_eq!(tolerance(3), 0);
        assert_eq!(tolerance(6), 1);
        assert_eq!(tolerance(18), 2);
    }
}
