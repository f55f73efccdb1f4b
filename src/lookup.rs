//! Entities by name and entity cards: names and aliases matched case-insensitively with a
//! tolerance for small misspellings, and what the store knows about one entity.
//!
//! Every query here binds the entity, or returns only distinct rows, so that a lookup stays fast
//! in a large store (Oxigraph decodes each term it returns, at a few microseconds apiece).

use crate::error::{Error, Result};
use crate::graph::{
    doc_id_of, entity_type_of, event_type_of, evidence_at, fetch_entities, iri_list, pick_label,
    predicate_of, role_of, select, text, values_predicates, values_roles,
};
use crate::model::{EntityType, EventType, Predicate, Role};
use crate::store::Store;
use crate::vocab::{self, ng};
use oxigraph::model::Literal;
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

/// How many edits a name of this length may be off by and still match.
fn tolerance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A name the store knows: whose it is and whether it is the label or an alias.
#[derive(Clone, Debug)]
struct Known {
    entity: String,
    kind: EntityType,
    name: String,
    is_label: bool,
}

/// The entity type of a resource, if it is an entity.
fn type_of(store: &Store, iri: &str) -> Result<Option<EntityType>> {
    let mut found = BTreeSet::new();
    select(
        store,
        &format!("SELECT DISTINCT ?t WHERE {{ <{iri}> a ?t }}"),
        |s| {
            if let Some(t) = text(s, "t").and_then(entity_type_of) {
                found.insert(t);
            }
            Ok(())
        },
    )?;
    Ok(found.into_iter().next())
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
    let values: Vec<String> = variants
        .iter()
        .map(|v| Literal::new_simple_literal(v).to_string())
        .collect();
    let mut found: BTreeMap<(String, bool), String> = BTreeMap::new();
    select(
        store,
        &format!(
            "SELECT DISTINCT ?e ?n ?label WHERE {{ VALUES ?n {{ {} }} {{ ?e rdfs:label ?n BIND(true AS ?label) }} UNION {{ ?e skos:altLabel ?n BIND(false AS ?label) }} }}",
            values.join(" ")
        ),
        |s| {
            if let (Some(e), Some(n)) = (text(s, "e"), text(s, "n")) {
                found
                    .entry((e.to_string(), text(s, "label") == Some("true")))
                    .or_insert_with(|| n.to_string());
            }
            Ok(())
        },
    )?;
    let mut out = Vec::new();
    for ((entity, is_label), name) in found {
        if let Some(kind) = type_of(store, &entity)? {
            out.push(Known {
                entity,
                kind,
                name,
                is_label,
            });
        }
    }
    Ok(out)
}

/// Every entity name and alias in the store (of the given types, or all).
fn all_names(store: &Store, types: &BTreeSet<EntityType>) -> Result<Vec<Known>> {
    let rows = fetch_entities(store, types)?;
    let mut out = Vec::new();
    for (e, kind) in &rows.kinds {
        let labels = rows.labels.get(e).into_iter().flatten().map(|n| (n, true));
        let aliases = rows
            .aliases
            .get(e)
            .into_iter()
            .flatten()
            .map(|n| (n, false));
        for (name, is_label) in labels.chain(aliases) {
            out.push(Known {
                entity: e.clone(),
                kind: *kind,
                name: name.clone(),
                is_label,
            });
        }
    }
    Ok(out)
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
        &format!("SELECT DISTINCT ?l WHERE {{ <{iri}> rdfs:label ?l }}"),
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
            &format!("SELECT DISTINCT ?x ?l WHERE {{ VALUES ?x {{ {xs} }} ?x rdfs:label ?l }}"),
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
    let names: Vec<(Known, String)> = all_names(store, types)?
        .into_iter()
        .filter(|k| type_ok(k))
        .map(|k| {
            let n = normalize(&k.name);
            (k, n)
        })
        .collect();
    for want_label in [true, false] {
        let tier: Vec<&Known> = names
            .iter()
            .filter(|(k, n)| k.is_label == want_label && *n == q)
            .map(|(k, _)| k)
            .collect();
        if let Some(found) = decide(query, store, &tier)? {
            return Ok(found);
        }
    }
    let allowed = tolerance(q.chars().count());
    if allowed > 0 {
        let scored: Vec<(usize, &Known)> = names
            .iter()
            .map(|(k, n)| (strsim::damerau_levenshtein(&q, n), k))
            .filter(|(d, _)| *d <= allowed)
            .collect();
        if let Some(best) = scored.iter().map(|(d, _)| *d).min() {
            let tier: Vec<&Known> = scored
                .iter()
                .filter(|(d, _)| *d == best)
                .map(|(_, k)| *k)
                .collect();
            if let Some(found) = decide(query, store, &tier)? {
                return Ok(found);
            }
        }
    }
    let padded = format!(" {q} ");
    let tier: Vec<&Known> = names
        .iter()
        .filter(|(_, n)| format!(" {n} ").contains(&padded))
        .map(|(k, _)| k)
        .collect();
    decide(query, store, &tier)?.ok_or_else(|| Error::UnknownEntity(query.to_string()))
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
    /// The most recent of them (undated ones last), at most [`CardOptions::limit`].
    pub events: Vec<EventLine>,
    /// How many entities it is related to, by relation.
    pub relation_count: usize,
    /// Its relations, those stated by most documents first, at most [`CardOptions::limit`].
    pub relations: Vec<RelationLine>,
    /// How many documents mention it.
    pub document_count: usize,
    /// The most recently published of them, at most [`CardOptions::limit`].
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
    fn limit_clause(&self) -> String {
        if self.limit == 0 {
            String::new()
        } else {
            format!("LIMIT {}", self.limit)
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

/// The card of an entity.
pub fn card(store: &Store, entity: &EntityRef, opts: &CardOptions) -> Result<Card> {
    let e = format!("<{}>", entity.iri);
    let mut labels = BTreeSet::new();
    let mut aliases = BTreeSet::new();
    let mut wikidata = BTreeSet::new();
    let mut roles = BTreeSet::new();
    select(
        store,
        &format!(
            "SELECT DISTINCT ?p ?o WHERE {{ VALUES ?p {{ rdfs:label skos:altLabel owl:sameAs ng:role }} {e} ?p ?o }}"
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

    let document_count = count(
        store,
        &format!("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ {e} ng:mentionedIn ?d }}"),
    )?;
    let mut documents = Vec::new();
    select(
        store,
        &format!(
            "SELECT DISTINCT ?d ?p WHERE {{ {e} ng:mentionedIn ?d OPTIONAL {{ ?d ng:published ?p }} }} ORDER BY DESC(?p) {}",
            opts.limit_clause()
        ),
        |s| {
            if let Some(id) = text(s, "d").and_then(doc_id_of) {
                documents.push((text(s, "p").map(str::to_string), id));
            }
            Ok(())
        },
    )?;
    // Breaking date ties in the query would decode every document's IRI; sort the few here
    // (among equally dated documents at the cut, the store's order decides which are shown).
    documents.sort_by(|a, b| (b.0.is_some(), &b.0, &a.1).cmp(&(a.0.is_some(), &a.0, &b.1)));
    let documents: Vec<String> = documents.into_iter().map(|(_, id)| id).collect();

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
    let mut served = entity_refs(store, &serves)?;
    served.sort();

    let (event_count, events) = event_lines(store, &e, opts)?;
    let (relation_count, relations) = relation_lines(store, &e, opts)?;
    Ok(Card {
        name: entity.name.clone(),
        kind: entity.kind,
        iri: entity.iri.clone(),
        aliases: aliases.into_iter().collect(),
        wikidata: wikidata.into_iter().next(),
        roles: roles.into_iter().collect(),
        serves: served,
        event_count,
        events,
        relation_count,
        relations,
        document_count,
        documents,
    })
}

/// Another argument of an event as read: its labels, its type if it is an entity, and whether
/// it is an unnamed filler.
type Other = (Vec<String>, Option<EntityType>, bool);

fn event_lines(store: &Store, e: &str, opts: &CardOptions) -> Result<(usize, Vec<EventLine>)> {
    let roles = values_roles("role");
    let total = count(
        store,
        &format!("SELECT (COUNT(DISTINCT ?ev) AS ?n) WHERE {{ {roles} ?ev ?role {e} }}"),
    )?;
    // The most recent events first, undated ones last.
    let mut chosen: Vec<(String, Option<String>)> = Vec::new();
    select(
        store,
        &format!(
            "SELECT ?ev (MIN(?d) AS ?date) WHERE {{ {roles} ?ev ?role {e} OPTIONAL {{ ?ev ng:date ?d }} }} GROUP BY ?ev ORDER BY DESC(?date) {}",
            opts.limit_clause()
        ),
        |s| {
            if let Some(ev) = text(s, "ev") {
                chosen.push((ev.to_string(), text(s, "date").map(str::to_string)));
            }
            Ok(())
        },
    )?;
    if chosen.is_empty() {
        return Ok((total, Vec::new()));
    }
    // Latest first, undated last; ties by IRI (sorted here, not in the query, for speed).
    chosen.sort_by(|a, b| (b.1.is_some(), &b.1, &a.0).cmp(&(a.1.is_some(), &a.1, &b.0)));
    #[derive(Default)]
    struct Acc {
        kind: Option<EventType>,
        roles: BTreeSet<Role>,
        docs: BTreeSet<String>,
        others: BTreeMap<(Role, String), Other>,
        evidence: BTreeSet<EvidenceText>,
    }
    let mut acc: HashMap<String, Acc> = chosen
        .iter()
        .map(|(ev, _)| (ev.clone(), Acc::default()))
        .collect();
    let evs = iri_list(chosen.iter().map(|(ev, _)| ev));
    // Every triple of the chosen events, then the types and names of their other arguments:
    // small queries with bound subjects (a join across graphs here would be slow).
    let mut args: BTreeSet<String> = BTreeSet::new();
    select(
        store,
        &format!("SELECT DISTINCT ?ev ?p ?x WHERE {{ VALUES ?ev {{ {evs} }} ?ev ?p ?x }}"),
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
    let refs: HashMap<String, EntityRef> = entity_refs(store, &named)?
        .into_iter()
        .map(|r| (r.iri.clone(), r))
        .collect();
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
        a.others.retain(|(_, x), slot| {
            if let Some(r) = refs.get(x) {
                *slot = (vec![r.name.clone()], Some(r.kind), false);
                true
            } else if let Some(n) = filler_names.get(x) {
                *slot = (n.clone(), None, true);
                true
            } else {
                false
            }
        });
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
    let lines = chosen
        .into_iter()
        .filter_map(|(iri, date)| {
            let a = acc.remove(&iri)?;
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
        .collect();
    Ok((total, lines))
}

fn relation_lines(
    store: &Store,
    e: &str,
    opts: &CardOptions,
) -> Result<(usize, Vec<RelationLine>)> {
    let preds = values_predicates("p");
    let both =
        format!("{{ {e} ?p ?x BIND(\"out\" AS ?dir) }} UNION {{ ?x ?p {e} BIND(\"in\" AS ?dir) }}");
    let total = count(
        store,
        &format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?dir ?p ?x WHERE {{ {preds} {both} }} }}"
        ),
    )?;
    // The relations stated by most documents first.
    let mut chosen: Vec<(Direction, Predicate, String, usize)> = Vec::new();
    select(
        store,
        &format!(
            "SELECT ?dir ?p ?x (COUNT(DISTINCT ?g) AS ?n) WHERE {{ {preds} GRAPH ?g {{ {both} }} }} GROUP BY ?dir ?p ?x ORDER BY DESC(?n) ?dir ?p ?x {}",
            opts.limit_clause()
        ),
        |s| {
            if let (Some(dir), Some(p), Some(x)) = (text(s, "dir"), text(s, "p"), text(s, "x"))
                && let Some(p) = predicate_of(p)
            {
                let dir = if dir == "out" {
                    Direction::Out
                } else {
                    Direction::In
                };
                let n = text(s, "n").and_then(|n| n.parse().ok()).unwrap_or(0);
                chosen.push((dir, p, x.to_string(), n));
            }
            Ok(())
        },
    )?;
    let few = if opts.limit == 0 {
        String::new()
    } else {
        format!("LIMIT {}", opts.limit.min(5))
    };
    let others: Vec<String> = chosen.iter().map(|c| c.2.clone()).collect();
    let refs: HashMap<String, EntityRef> = entity_refs(store, &others)?
        .into_iter()
        .map(|r| (r.iri.clone(), r))
        .collect();
    let mut lines = Vec::new();
    for (dir, p, x, n) in chosen {
        let Some(other) = refs.get(&x).cloned() else {
            continue;
        };
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
        lines.push(RelationLine {
            direction: dir,
            predicate: p,
            other,
            document_count: n,
            documents,
            evidence: evidence.into_iter().collect(),
        });
    }
    Ok((total, lines))
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
    fn short_names_must_match_exactly() {
        assert_eq!(tolerance(3), 0);
        assert_eq!(tolerance(6), 1);
        assert_eq!(tolerance(18), 2);
    }
}
