//! The graph view: a petgraph graph built from the store, entities as nodes, relations and events
//! as edges (or events as nodes), restricted by type, time window, document or SPARQL pattern.

use crate::error::{Error, Result};
use crate::model::{EntityType, EventType, Predicate, Role};
use crate::store::Store;
use crate::vocab;
use chrono::NaiveDate;
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution};
use petgraph::Direction;
use petgraph::graph::{EdgeIndex, Graph, NodeIndex};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::sync::Arc;

/// How events appear in the view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EventsAs {
    /// An event becomes edges between its arguments (actor → target, participant – participant…).
    #[default]
    Edges,
    /// An event is a node linked to each argument by its role.
    Nodes,
}

/// What the view keeps. Empty sets mean "all".
#[derive(Clone, Debug, Default)]
pub struct ViewOptions {
    /// Entity types to keep.
    pub types: BTreeSet<EntityType>,
    /// Event types to keep.
    pub event_types: BTreeSet<EventType>,
    /// Facts dated on or after this day: an event by its date (else its article's publication
    /// date), a relation by the publication date of an article that states it.
    pub since: Option<NaiveDate>,
    /// Facts dated on or before this day.
    pub until: Option<NaiveDate>,
    /// Document ids whose facts are kept.
    pub documents: BTreeSet<String>,
    /// A SPARQL group pattern over the union graph binding `?entity`: only those entities are kept.
    pub pattern: Option<String>,
    pub events: EventsAs,
}

impl ViewOptions {
    fn has_window(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    fn in_window(&self, date: Option<NaiveDate>) -> bool {
        if !self.has_window() {
            return true;
        }
        // An undated fact cannot be placed in a window, so a window excludes it.
        let Some(d) = date else { return false };
        self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u)
    }
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    Entity(EntityType),
    Event(EventType),
}

impl NodeKind {
    /// The contract's type name ("State", "Attack").
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Entity(t) => t.as_str(),
            NodeKind::Event(t) => t.as_str(),
        }
    }
}

/// An entity (or, with [`EventsAs::Nodes`], an event).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub iri: String,
    pub kind: NodeKind,
    pub label: String,
    /// Entities only: other names (aliases and labels from other articles), sorted.
    pub aliases: Vec<String>,
    /// Events only: the event's date.
    pub date: Option<NaiveDate>,
}

impl Node {
    /// The label and every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A sentence that states a fact: its document, where it is there, and (once loaded with
/// [`GraphView::load_evidence_text`]) its text. Ordered by document, then position.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    pub doc: Arc<str>,
    pub start: usize,
    pub end: usize,
    /// The evidence node in the store.
    pub iri: Arc<str>,
    pub text: Option<Arc<str>>,
}

/// What an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// A relation triple, subject → object.
    Relation(Predicate),
    /// An event between two of its arguments, in the roles they play in it.
    Event {
        kind: EventType,
        from: Role,
        to: Role,
    },
    /// Events as nodes: an argument's role, entity → event for actors, participants and
    /// mediators, event → entity for targets, places and instruments.
    Role(Role),
}

impl EdgeKind {
    /// "officialOf", "Attack", "Call", "Visit (actor–place)", "target".
    pub fn label(self) -> String {
        match self {
            EdgeKind::Relation(p) => p.as_str().to_string(),
            EdgeKind::Event { kind, from, to } => match (from, to) {
                (Role::Actor, Role::Target) | (Role::Participant, Role::Participant) => {
                    kind.as_str().to_string()
                }
                _ => format!("{kind} ({from}–{to})"),
            },
            EdgeKind::Role(r) => r.as_str().to_string(),
        }
    }

    /// Whether the edge has no direction (participants of a call, co-actors).
    pub fn is_symmetric(self) -> bool {
        matches!(self, EdgeKind::Event { from, to, .. } if from == to)
    }

    /// The event type behind the edge, if it comes from an event.
    pub fn event_type(self) -> Option<EventType> {
        match self {
            EdgeKind::Event { kind, .. } => Some(kind),
            _ => None,
        }
    }
}

/// A relation or (part of) an event, with where it is stated.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub kind: EdgeKind,
    /// The event's IRI, for edges that come from an event.
    pub event: Option<Arc<str>>,
    pub date: Option<NaiveDate>,
    /// Ids of the documents that state the fact, sorted.
    pub docs: Vec<Arc<str>>,
    /// The sentences that state it, in document order.
    pub evidence: Vec<Evidence>,
}

impl Edge {
    /// The sentence that best explains the edge: the first, in document order, of those that
    /// name most of the given nodes (its endpoints) by label or alias, ignoring case. Needs the
    /// texts loaded; without them it is the first sentence.
    pub fn best_evidence(&self, nodes: &[&Node]) -> Option<&Evidence> {
        let names: Vec<Vec<String>> = nodes
            .iter()
            .map(|n| n.names().map(str::to_lowercase).collect())
            .collect();
        let score = |e: &Evidence| {
            let t = e.text.as_deref().unwrap_or("").to_lowercase();
            names
                .iter()
                .filter(|ns| ns.iter().any(|n| t.contains(n.as_str())))
                .count()
        };
        // max_by_key keeps the last maximum; scanning in reverse makes it the first.
        self.evidence.iter().rev().max_by_key(|e| score(e))
    }
}

/// The graph with an index from IRIs to nodes. Nodes are ordered by kind then IRI and edges by
/// endpoints then kind, so the same store and options always give the same graph.
#[derive(Clone, Debug, Default)]
pub struct GraphView {
    pub graph: Graph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    /// With a document filter: the documents whose event evidence counts.
    event_docs: Option<HashSet<String>>,
    /// With a document filter or time window: the documents whose relation evidence counts.
    relation_docs: Option<HashSet<String>>,
}

impl GraphView {
    /// The node of an IRI, if the view holds it.
    pub fn node(&self, iri: &str) -> Option<NodeIndex> {
        self.index.get(iri).copied()
    }

    /// Reads the evidence of `edges` (every edge when `None`): the sentences, with their text
    /// and documents, of each event and of the statements behind each relation. The view is
    /// built without it, since reading every sentence of a large store takes a while.
    pub fn load_evidence(&mut self, store: &Store, edges: Option<&[EdgeIndex]>) -> Result<()> {
        let all: Vec<EdgeIndex> = match edges {
            Some(e) => e.to_vec(),
            None => self.graph.edge_indices().collect(),
        };
        let mut events: BTreeSet<String> = BTreeSet::new();
        let mut relations: BTreeMap<Predicate, BTreeSet<(String, String)>> = BTreeMap::new();
        for e in &all {
            let edge = &self.graph[*e];
            if let Some(ev) = &edge.event {
                events.insert(ev.to_string());
            } else if let EdgeKind::Relation(p) = edge.kind {
                let (a, b) = self.graph.edge_endpoints(*e).expect("edge of the view");
                relations
                    .entry(p)
                    .or_default()
                    .insert((self.graph[a].iri.clone(), self.graph[b].iri.clone()));
            }
        }
        let with_text = |ev: &str, t: &str| Evidence {
            text: Some(Arc::from(t)),
            ..evidence(ev)
        };
        let mut of_event: HashMap<String, Vec<Evidence>> = HashMap::new();
        let events: Vec<String> = events.into_iter().collect();
        for chunk in events.chunks(500) {
            select(
                store,
                &format!(
                    "SELECT ?ev ?v ?t WHERE {{ VALUES ?ev {{ {} }} ?ev ng:evidence ?v . ?v ng:text ?t }}",
                    iri_list(chunk)
                ),
                |s| {
                    if let (Some(ev), Some(v), Some(t)) =
                        (text(s, "ev"), text(s, "v"), text(s, "t"))
                    {
                        of_event
                            .entry(ev.to_string())
                            .or_default()
                            .push(with_text(v, t));
                    }
                    Ok(())
                },
            )?;
        }
        let mut of_relation: HashMap<Triple, Vec<Evidence>> = HashMap::new();
        for (p, list) in &relations {
            let list: Vec<&(String, String)> = list.iter().collect();
            for chunk in list.chunks(300) {
                let values: Vec<String> = chunk
                    .iter()
                    .map(|(a, b)| format!("(<{a}> <{b}>)"))
                    .collect();
                select(
                    store,
                    &format!(
                        "SELECT ?s ?o ?v ?t WHERE {{ VALUES (?s ?o) {{ {} }} ?st rdf:subject ?s ; rdf:predicate <{}> ; rdf:object ?o ; ng:evidence ?v . ?v ng:text ?t }}",
                        values.join(" "),
                        vocab::predicate_property(*p)
                    ),
                    |s| {
                        if let (Some(a), Some(b), Some(v), Some(t)) =
                            (text(s, "s"), text(s, "o"), text(s, "v"), text(s, "t"))
                        {
                            of_relation
                                .entry((a.to_string(), *p, b.to_string()))
                                .or_default()
                                .push(with_text(v, t));
                        }
                        Ok(())
                    },
                )?;
            }
        }
        for e in all {
            let (a, b) = self.graph.edge_endpoints(e).expect("edge of the view");
            let key = (self.graph[a].iri.clone(), self.graph[b].iri.clone());
            let edge = &self.graph[e];
            let (found, scope) = match (&edge.event, edge.kind) {
                (Some(ev), _) => (of_event.get(&**ev), &self.event_docs),
                (None, EdgeKind::Relation(p)) => {
                    (of_relation.get(&(key.0, p, key.1)), &self.relation_docs)
                }
                _ => (None, &None),
            };
            let mut evidence: Vec<Evidence> = found
                .into_iter()
                .flatten()
                .filter(|v| scope.as_ref().is_none_or(|s| s.contains(&*v.doc)))
                .cloned()
                .collect();
            evidence.sort();
            evidence.dedup();
            let edge = &mut self.graph[e];
            let mut docs: BTreeSet<Arc<str>> = edge.docs.iter().cloned().collect();
            docs.extend(evidence.iter().map(|v| v.doc.clone()));
            edge.docs = docs.into_iter().collect();
            edge.evidence = evidence;
        }
        Ok(())
    }

    /// Entity nodes, in order.
    pub fn entities(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph
            .node_indices()
            .filter(|n| matches!(self.graph[*n].kind, NodeKind::Entity(_)))
    }

    /// Edges between two nodes in either direction, in order.
    pub fn edges_between(&self, a: NodeIndex, b: NodeIndex) -> Vec<EdgeIndex> {
        let mut v: Vec<EdgeIndex> = self
            .graph
            .edges_connecting(a, b)
            .chain(self.graph.edges_connecting(b, a))
            .map(|e| e.id())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// The view restricted to the nodes `keep` accepts, with the edges among them.
    pub fn subgraph(&self, keep: impl Fn(NodeIndex) -> bool) -> GraphView {
        let mut out = GraphView {
            event_docs: self.event_docs.clone(),
            relation_docs: self.relation_docs.clone(),
            ..Default::default()
        };
        let mut map = HashMap::new();
        for n in self.graph.node_indices() {
            if keep(n) {
                let node = self.graph[n].clone();
                let i = out.graph.add_node(node.clone());
                out.index.insert(node.iri, i);
                map.insert(n, i);
            }
        }
        for e in self.graph.edge_references() {
            if let (Some(a), Some(b)) = (map.get(&e.source()), map.get(&e.target())) {
                out.graph.add_edge(*a, *b, e.weight().clone());
            }
        }
        out
    }

    /// The ego graph of `center`: every node within `depth` entity hops (passing through an
    /// event node costs nothing), at most `max_nodes` of them, the nearest first and, among
    /// equally near ones, the best connected.
    pub fn ego(&self, center: NodeIndex, depth: usize, max_nodes: usize) -> GraphView {
        let cost = |n: NodeIndex| match self.graph[n].kind {
            NodeKind::Entity(_) => 1,
            NodeKind::Event(_) => 0,
        };
        let mut dist: HashMap<NodeIndex, usize> = HashMap::from([(center, 0)]);
        let mut queue = VecDeque::from([center]);
        // 0-1 breadth-first search: zero-cost steps go to the front of the queue.
        while let Some(n) = queue.pop_front() {
            let d = dist[&n];
            let mut next: Vec<NodeIndex> = self
                .graph
                .neighbors_directed(n, Direction::Outgoing)
                .chain(self.graph.neighbors_directed(n, Direction::Incoming))
                .collect();
            next.sort();
            next.dedup();
            for m in next {
                let nd = d + cost(m);
                if nd > depth || dist.get(&m).is_some_and(|old| *old <= nd) {
                    continue;
                }
                dist.insert(m, nd);
                if cost(m) == 0 {
                    queue.push_front(m);
                } else {
                    queue.push_back(m);
                }
            }
        }
        let degree = |n: NodeIndex| {
            self.graph
                .neighbors_undirected(n)
                .collect::<HashSet<_>>()
                .len()
        };
        let mut ranked: Vec<(usize, std::cmp::Reverse<usize>, NodeIndex)> = dist
            .iter()
            .map(|(n, d)| (*d, std::cmp::Reverse(degree(*n)), *n))
            .collect();
        ranked.sort();
        let keep: HashSet<NodeIndex> = ranked
            .into_iter()
            .take(max_nodes.max(1))
            .map(|(_, _, n)| n)
            .collect();
        // An event node kept without two of its arguments explains nothing: drop it.
        let view = self.subgraph(|n| keep.contains(&n));
        let lonely: HashSet<NodeIndex> = view
            .graph
            .node_indices()
            .filter(|n| {
                matches!(view.graph[*n].kind, NodeKind::Event(_))
                    && view.graph.neighbors_undirected(*n).count() < 2
            })
            .collect();
        if lonely.is_empty() {
            view
        } else {
            view.subgraph(|n| !lonely.contains(&n))
        }
    }
}

/// The name to show when an entity carries several labels across documents: the longest (the
/// fullest form of the name), ties broken alphabetically.
pub fn pick_label<'a>(labels: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    labels
        .into_iter()
        .max_by(|a, b| a.chars().count().cmp(&b.chars().count()).then(b.cmp(a)))
}

/// The entity type of a class IRI (`ng:State`), if it is one.
pub fn entity_type_of(class: &str) -> Option<EntityType> {
    class.strip_prefix(vocab::NG).and_then(EntityType::parse)
}

/// The event type of a class IRI (`ng:Attack`), if it is one.
pub fn event_type_of(class: &str) -> Option<EventType> {
    class.strip_prefix(vocab::NG).and_then(EventType::parse)
}

/// The role of a property IRI (`ng:actor`), if it is one.
pub fn role_of(property: &str) -> Option<Role> {
    property.strip_prefix(vocab::NG).and_then(Role::parse)
}

/// The relation predicate of a property IRI (`ng:officialOf`), if it is one.
pub fn predicate_of(property: &str) -> Option<Predicate> {
    property.strip_prefix(vocab::NG).and_then(Predicate::parse)
}

/// `VALUES ?var { ng:actor ng:target … }` for every role.
pub(crate) fn values_roles(var: &str) -> String {
    let roles: Vec<String> = Role::ALL
        .iter()
        .map(|r| format!("<{}>", vocab::role_property(*r)))
        .collect();
    format!("VALUES ?{var} {{ {} }}", roles.join(" "))
}

/// `VALUES ?var { ng:officialOf … }` for every relation predicate.
pub(crate) fn values_predicates(var: &str) -> String {
    let preds: Vec<String> = Predicate::ALL
        .iter()
        .map(|p| format!("<{}>", vocab::predicate_property(*p)))
        .collect();
    format!("VALUES ?{var} {{ {} }}", preds.join(" "))
}

/// Runs a SELECT over the union graph and calls `row` for each solution.
pub(crate) fn select(
    store: &Store,
    query: &str,
    mut row: impl FnMut(&QuerySolution) -> Result<()>,
) -> Result<()> {
    let q = format!("{}{query}", vocab::sparql_prefixes());
    if let QueryResults::Solutions(solutions) = store.query(&q)? {
        for s in solutions {
            row(&s?)?;
        }
    }
    Ok(())
}

/// A variable's value as a string: an IRI's text or a literal's lexical form.
pub(crate) fn text<'a>(s: &'a QuerySolution, var: &str) -> Option<&'a str> {
    match s.get(var)? {
        Term::NamedNode(n) => Some(n.as_str()),
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

/// A variable's value as a date, if it is one.
pub(crate) fn date(s: &QuerySolution, var: &str) -> Option<NaiveDate> {
    text(s, var).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// The document id of a document's graph IRI (`…/id/doc/{percent-encoded id}`).
pub fn doc_id_of(graph: &str) -> Option<String> {
    let rest = graph.strip_prefix(vocab::ID)?.strip_prefix("doc/")?;
    let b = rest.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A stored document's id and publication date.
type DocInfo = (Arc<str>, Option<NaiveDate>);

/// Stored documents by graph IRI. (Each document's metadata lives only in its own graph, so the
/// union graph holds it once; joining on `GRAPH ?g { ?g … }` instead is slow in Oxigraph.)
fn documents(store: &Store) -> Result<HashMap<String, DocInfo>> {
    let mut docs = HashMap::new();
    select(
        store,
        "SELECT ?d ?id ?date WHERE { ?d ng:docId ?id OPTIONAL { ?d ng:published ?date } }",
        |s| {
            if let (Some(d), Some(id)) = (text(s, "d"), text(s, "id")) {
                docs.insert(d.to_string(), (Arc::from(id), date(s, "date")));
            }
            Ok(())
        },
    )?;
    Ok(docs)
}

/// The entities a `--where` pattern selects.
fn pattern_entities(store: &Store, pattern: &str) -> Result<HashSet<String>> {
    if !pattern.contains("?entity") {
        return Err(Error::BadPattern(
            "must bind ?entity, e.g. '?entity ng:officialOf/rdfs:label \"Pakistan\"'".into(),
        ));
    }
    let mut out = HashSet::new();
    select(
        store,
        &format!("SELECT DISTINCT ?entity WHERE {{ {pattern} }}"),
        |s| {
            if let Some(Term::NamedNode(n)) = s.get("entity") {
                out.insert(n.as_str().to_string());
            }
            Ok(())
        },
    )
    .map_err(|e| match e {
        Error::SparqlSyntax(e) => {
            // The parser's message can run to many lines; its first says where and what.
            let msg = e.to_string();
            let first: String = msg.lines().next().unwrap_or("").chars().take(100).collect();
            Error::BadPattern(format!("not a valid SPARQL group pattern ({first}…)"))
        }
        other => other,
    })?;
    Ok(out)
}

/// `<iri> <iri> …` for a VALUES clause.
pub(crate) fn iri_list<'a>(iris: impl IntoIterator<Item = &'a String>) -> String {
    iris.into_iter()
        .map(|i| format!("<{i}>"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Entities (of the wanted types) with their type, labels and aliases.
pub(crate) struct EntityRows {
    pub(crate) kinds: BTreeMap<String, EntityType>,
    pub(crate) labels: HashMap<String, Vec<String>>,
    pub(crate) aliases: HashMap<String, BTreeSet<String>>,
}

pub(crate) fn fetch_entities(store: &Store, types: &BTreeSet<EntityType>) -> Result<EntityRows> {
    let mut kinds = BTreeMap::new();
    for t in EntityType::ALL {
        if !types.is_empty() && !types.contains(t) {
            continue;
        }
        select(
            store,
            &format!(
                "SELECT DISTINCT ?e WHERE {{ ?e a <{}> }}",
                vocab::entity_class(*t)
            ),
            |s| {
                if let Some(e) = text(s, "e") {
                    kinds.entry(e.to_string()).or_insert(*t);
                }
                Ok(())
            },
        )?;
    }
    let mut labels: HashMap<String, Vec<String>> = HashMap::new();
    let mut aliases: HashMap<String, BTreeSet<String>> = HashMap::new();
    let all: Vec<&String> = kinds.keys().collect();
    // In batches, so each query only touches these entities' names.
    for chunk in all.chunks(500) {
        select(
            store,
            &format!(
                "SELECT DISTINCT ?e ?n ?label WHERE {{ VALUES ?e {{ {} }} {{ ?e rdfs:label ?n BIND(true AS ?label) }} UNION {{ ?e skos:altLabel ?n BIND(false AS ?label) }} }}",
                iri_list(chunk.iter().copied())
            ),
            |s| {
                if let (Some(e), Some(n)) = (text(s, "e"), text(s, "n")) {
                    if text(s, "label") == Some("true") {
                        labels.entry(e.to_string()).or_default().push(n.to_string());
                    } else {
                        aliases
                            .entry(e.to_string())
                            .or_default()
                            .insert(n.to_string());
                    }
                }
                Ok(())
            },
        )?;
    }
    Ok(EntityRows {
        kinds,
        labels,
        aliases,
    })
}

/// Where an evidence node's IRI (`{document graph}/evidence/{start}-{end}`) says it is.
pub(crate) fn evidence_at(iri: &str) -> (Arc<str>, usize, usize) {
    let parsed = iri.rsplit_once("/evidence/").and_then(|(graph, span)| {
        let (s, e) = span.split_once('-')?;
        Some((
            doc_id_of(graph).unwrap_or_else(|| graph.to_string()),
            s.parse().ok()?,
            e.parse().ok()?,
        ))
    });
    match parsed {
        Some((doc, s, e)) => (Arc::from(doc), s, e),
        None => (Arc::from(""), 0, 0),
    }
}

fn evidence(iri: &str) -> Evidence {
    let (doc, start, end) = evidence_at(iri);
    Evidence {
        doc,
        start,
        end,
        iri: Arc::from(iri),
        text: None,
    }
}

#[derive(Default)]
struct EventRow {
    kind: Option<EventType>,
    date: Option<NaiveDate>,
    args: BTreeSet<(Role, String)>,
    evidence: Vec<Evidence>,
}

/// The independent reads a view is built from, run in parallel.
#[derive(Clone, Copy, Debug)]
enum Task {
    Documents,
    Pattern,
    Entities,
    Relations,
    EventTypes,
    EventDates,
    EventArgs(Role),
    EventEvidence,
}

/// What a [`Task`] read.
enum Part {
    Documents(HashMap<String, DocInfo>),
    Pattern(HashSet<String>),
    Entities(EntityRows),
    Relations(BTreeMap<Triple, BTreeSet<Arc<str>>>),
    EventTypes(Vec<(String, EventType)>),
    EventDates(Vec<(String, NaiveDate)>),
    EventArgs(Role, Vec<(String, String)>),
    EventEvidence(Vec<(String, String)>),
}

type Triple = (String, Predicate, String);

/// Pairs of IRIs (or IRI and value) a two-variable SELECT returns.
fn pairs(store: &Store, query: &str, a: &str, b: &str) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    select(store, query, |s| {
        if let (Some(x), Some(y)) = (text(s, a), text(s, b)) {
            out.push((x.to_string(), y.to_string()));
        }
        Ok(())
    })?;
    Ok(out)
}

fn run(store: &Store, opts: &ViewOptions, scoped: bool, task: Task) -> Result<Part> {
    Ok(match task {
        Task::Documents => Part::Documents(documents(store)?),
        Task::Pattern => Part::Pattern(pattern_entities(
            store,
            opts.pattern.as_deref().unwrap_or_default(),
        )?),
        Task::Entities => Part::Entities(fetch_entities(store, &opts.types)?),
        Task::Relations => {
            // The documents stating a relation are read only when a filter needs them; the
            // evidence comes with `load_evidence`.
            let mut relations: BTreeMap<Triple, BTreeSet<Arc<str>>> = BTreeMap::new();
            for p in Predicate::ALL {
                let iri = vocab::predicate_property(*p);
                let q = if scoped {
                    format!("SELECT DISTINCT ?s ?o ?g WHERE {{ GRAPH ?g {{ ?s <{iri}> ?o }} }}")
                } else {
                    format!("SELECT DISTINCT ?s ?o WHERE {{ ?s <{iri}> ?o }}")
                };
                select(store, &q, |s| {
                    if let (Some(sub), Some(o)) = (text(s, "s"), text(s, "o")) {
                        let docs = relations
                            .entry((sub.to_string(), *p, o.to_string()))
                            .or_default();
                        if let Some(g) = text(s, "g") {
                            docs.insert(Arc::from(doc_id_of(g).unwrap_or_else(|| g.to_string())));
                        }
                    }
                    Ok(())
                })?;
            }
            Part::Relations(relations)
        }
        Task::EventTypes => {
            let mut out = Vec::new();
            for t in EventType::ALL {
                if !opts.event_types.is_empty() && !opts.event_types.contains(t) {
                    continue;
                }
                select(
                    store,
                    &format!("SELECT ?ev WHERE {{ ?ev a <{}> }}", vocab::event_class(*t)),
                    |s| {
                        if let Some(ev) = text(s, "ev") {
                            out.push((ev.to_string(), *t));
                        }
                        Ok(())
                    },
                )?;
            }
            Part::EventTypes(out)
        }
        Task::EventDates => {
            let mut out = Vec::new();
            // An event known only to a stretch of days ("last week") counts from its last day.
            let q = "SELECT ?ev ?d WHERE { { ?ev ng:date ?d } UNION { ?ev ng:periodEnd ?d } }";
            select(store, q, |s| {
                if let (Some(ev), Some(d)) = (text(s, "ev"), date(s, "d")) {
                    out.push((ev.to_string(), d));
                }
                Ok(())
            })?;
            Part::EventDates(out)
        }
        // No join with the arguments' types here: filtering in Rust is cheaper than a
        // FILTER EXISTS per row.
        Task::EventArgs(r) => Part::EventArgs(
            r,
            pairs(
                store,
                &format!(
                    "SELECT ?ev ?x WHERE {{ ?ev <{}> ?x }}",
                    vocab::role_property(r)
                ),
                "ev",
                "x",
            )?,
        ),
        Task::EventEvidence => Part::EventEvidence(pairs(
            store,
            "SELECT ?ev ?v WHERE { ?ev ng:evidence ?v }",
            "ev",
            "v",
        )?),
    })
}

/// The pairs of arguments an event links, as (from, from-role, to, to-role): actors to targets
/// and to participants, participants and co-actors to each other, mediators to the parties,
/// parties to places and instruments.
fn event_pairs(args: &BTreeSet<(Role, String)>) -> Vec<(String, Role, String, Role)> {
    let of = |r: Role| -> Vec<&String> { args.iter().filter(|a| a.0 == r).map(|a| &a.1).collect() };
    let (actors, targets, participants) =
        (of(Role::Actor), of(Role::Target), of(Role::Participant));
    let mut out = Vec::new();
    let mut push = |a: &String, ra: Role, b: &String, rb: Role| {
        if a != b {
            out.push((a.clone(), ra, b.clone(), rb));
        }
    };
    for a in &actors {
        for t in &targets {
            push(a, Role::Actor, t, Role::Target);
        }
        // Whoever convenes or hosts a meeting is linked to those who attend it.
        for p in &participants {
            push(a, Role::Actor, p, Role::Participant);
        }
    }
    for (same, role) in [(&participants, Role::Participant), (&actors, Role::Actor)] {
        for (i, a) in same.iter().enumerate() {
            for b in &same[i + 1..] {
                push(a, role, b, role);
            }
        }
    }
    let parties: Vec<(&String, Role)> = actors
        .iter()
        .map(|a| (*a, Role::Actor))
        .chain(participants.iter().map(|p| (*p, Role::Participant)))
        .collect();
    let parties = if parties.is_empty() {
        targets.iter().map(|t| (*t, Role::Target)).collect()
    } else {
        parties
    };
    for m in of(Role::Mediator) {
        for (p, r) in parties
            .iter()
            .copied()
            .chain(targets.iter().map(|t| (*t, Role::Target)))
        {
            push(m, Role::Mediator, p, r);
        }
    }
    for where_ in [Role::Place, Role::Instrument] {
        // A state struck on its own ground ("targets in Pakistan") is linked as the target.
        for x in of(where_).into_iter().filter(|x| !targets.contains(x)) {
            for (p, r) in &parties {
                push(p, *r, x, where_);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Builds the view from the store: a few SELECTs over the union graph, run on two threads,
/// each returning only distinct rows (Oxigraph decodes every term it returns, which is what a
/// large store's view costs). Evidence comes without its sentence text, which
/// [`GraphView::load_evidence_text`] fetches for the edges that need it.
pub fn build(store: &Store, opts: &ViewOptions) -> Result<GraphView> {
    let scoped = !opts.documents.is_empty() || opts.has_window();
    let mut tasks = vec![
        Task::Entities,
        Task::Relations,
        Task::EventTypes,
        Task::EventDates,
    ];
    tasks.extend(Role::ALL.iter().map(|r| Task::EventArgs(*r)));
    if scoped {
        tasks.extend([Task::Documents, Task::EventEvidence]);
    }
    if opts.pattern.is_some() {
        tasks.push(Task::Pattern);
    }
    let parts: Vec<Part> = tasks
        .into_par_iter()
        .map(|t| run(store, opts, scoped, t))
        .collect::<Result<_>>()?;
    let mut docs = HashMap::new();
    let mut allowed = None;
    let mut entities = EntityRows {
        kinds: BTreeMap::new(),
        labels: HashMap::new(),
        aliases: HashMap::new(),
    };
    let mut relations = BTreeMap::new();
    let mut events: BTreeMap<String, EventRow> = BTreeMap::new();
    let (mut dates, mut args, mut evidence_of) = (Vec::new(), Vec::new(), Vec::new());
    for part in parts {
        match part {
            Part::Documents(d) => docs = d,
            Part::Pattern(p) => allowed = Some(p),
            Part::Entities(e) => entities = e,
            Part::Relations(r) => relations = r,
            Part::EventTypes(t) => {
                for (ev, kind) in t {
                    events.entry(ev).or_default().kind = Some(kind);
                }
            }
            Part::EventDates(d) => dates = d,
            Part::EventArgs(r, a) => args.push((r, a)),
            Part::EventEvidence(v) => evidence_of = v,
        }
    }
    for (ev, d) in dates {
        if let Some(row) = events.get_mut(&ev) {
            row.date = Some(row.date.map_or(d, |old| old.min(d)));
        }
    }
    for (r, list) in args {
        for (ev, x) in list {
            if let Some(row) = events.get_mut(&ev) {
                row.args.insert((r, x));
            }
        }
    }
    for (ev, v) in evidence_of {
        if let Some(row) = events.get_mut(&ev) {
            row.evidence.push(evidence(&v));
        }
    }
    let by_id: HashMap<&str, Option<NaiveDate>> =
        docs.values().map(|(id, d)| (&**id, *d)).collect();
    if let Some(missing) = opts
        .documents
        .iter()
        .find(|d| !by_id.contains_key(d.as_str()))
    {
        return Err(Error::UnknownDocument(missing.clone()));
    }
    if let Some(a) = &allowed {
        entities.kinds.retain(|e, _| a.contains(e));
    }
    let doc_allowed = |id: &str| opts.documents.is_empty() || opts.documents.contains(id);
    // A document is in scope when the document filter keeps it and, with a window, it was
    // published inside the window.
    let doc_in_scope =
        |id: &str| doc_allowed(id) && opts.in_window(by_id.get(id).copied().flatten());

    // Events: of kept types, with kept arguments, from allowed documents, inside the window
    // (by their date, else their article's publication date).
    for e in events.values_mut() {
        e.args.retain(|(_, x)| entities.kinds.contains_key(x));
        if scoped {
            e.evidence.retain(|v| doc_allowed(&v.doc));
        }
    }
    events.retain(|_, e| {
        if e.kind.is_none() || e.args.is_empty() || (scoped && e.evidence.is_empty()) {
            return false;
        }
        let published = e
            .evidence
            .iter()
            .filter_map(|v| by_id.get(&*v.doc).copied().flatten())
            .min();
        opts.in_window(e.date.or(published))
    });
    // Relations: between kept entities, stated in a document in scope.
    let relations: Vec<(Triple, BTreeSet<Arc<str>>)> = relations
        .into_iter()
        .filter(|((s, _, o), _)| entities.kinds.contains_key(s) && entities.kinds.contains_key(o))
        .filter_map(|(t, mut docs)| {
            if scoped {
                docs.retain(|d| doc_in_scope(d));
                if docs.is_empty() {
                    return None;
                }
            }
            Some((t, docs))
        })
        .collect();

    // Nodes: entities mentioned in a document in scope (all, without filters) and every
    // endpoint of a kept fact.
    let mut keep: HashSet<String> = HashSet::new();
    if scoped {
        let graphs: Vec<String> = docs
            .iter()
            .filter(|(_, (id, _))| doc_in_scope(id))
            .map(|(g, _)| g.clone())
            .collect();
        for chunk in graphs.chunks(500) {
            select(
                store,
                &format!(
                    "SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {} }} GRAPH ?g {{ ?e a ng:Entity }} }}",
                    iri_list(chunk)
                ),
                |s| {
                    if let Some(e) = text(s, "e")
                        && entities.kinds.contains_key(e)
                    {
                        keep.insert(e.to_string());
                    }
                    Ok(())
                },
            )?;
        }
    } else {
        keep.extend(entities.kinds.keys().cloned());
    }
    for e in events.values() {
        keep.extend(e.args.iter().map(|a| a.1.clone()));
    }
    for ((s, _, o), _) in &relations {
        keep.insert(s.clone());
        keep.insert(o.clone());
    }
    let mut view = GraphView::default();
    if scoped {
        let ids = |keep: &dyn Fn(&str) -> bool| -> HashSet<String> {
            docs.values()
                .map(|(id, _)| id.to_string())
                .filter(|id| keep(id))
                .collect()
        };
        view.event_docs = Some(ids(&doc_allowed));
        view.relation_docs = Some(ids(&doc_in_scope));
    }
    for (iri, t) in &entities.kinds {
        if !keep.contains(iri) {
            continue;
        }
        let labels = entities.labels.remove(iri).unwrap_or_default();
        let label = pick_label(labels.iter().map(String::as_str))
            .unwrap_or(iri)
            .to_string();
        let mut other = entities.aliases.remove(iri).unwrap_or_default();
        other.extend(labels);
        other.remove(&label);
        let n = view.graph.add_node(Node {
            iri: iri.clone(),
            kind: NodeKind::Entity(*t),
            label,
            aliases: other.into_iter().collect(),
            date: None,
        });
        view.index.insert(iri.clone(), n);
    }

    let tidy = |mut v: Vec<Evidence>| {
        v.sort();
        v.dedup();
        v
    };
    let docs_of = |v: &[Evidence]| -> Vec<Arc<str>> {
        let set: BTreeSet<Arc<str>> = v.iter().map(|e| e.doc.clone()).collect();
        set.into_iter().collect()
    };
    let mut edges: Vec<(NodeIndex, NodeIndex, Edge)> = Vec::new();
    for ((s, p, o), docs) in relations {
        edges.push((
            view.index[&s],
            view.index[&o],
            Edge {
                kind: EdgeKind::Relation(p),
                event: None,
                date: None,
                docs: docs.into_iter().collect(),
                evidence: Vec::new(),
            },
        ));
    }
    for (iri, e) in events {
        let kind = e.kind.expect("events without a type were dropped");
        let evidence = tidy(e.evidence);
        let event: Arc<str> = Arc::from(iri.as_str());
        let docs = docs_of(&evidence);
        let edge = |k| Edge {
            kind: k,
            event: Some(event.clone()),
            date: e.date,
            docs: docs.clone(),
            evidence: evidence.clone(),
        };
        match opts.events {
            EventsAs::Edges => {
                for (a, ra, b, rb) in event_pairs(&e.args) {
                    let k = EdgeKind::Event {
                        kind,
                        from: ra,
                        to: rb,
                    };
                    edges.push((view.index[&a], view.index[&b], edge(k)));
                }
            }
            EventsAs::Nodes => {
                let n = view.graph.add_node(Node {
                    iri: iri.clone(),
                    kind: NodeKind::Event(kind),
                    label: match e.date {
                        Some(d) => format!("{kind} {d}"),
                        None => kind.to_string(),
                    },
                    aliases: Vec::new(),
                    date: e.date,
                });
                view.index.insert(iri.clone(), n);
                for (role, x) in &e.args {
                    let x = view.index[x];
                    let (a, b) = match role {
                        Role::Actor | Role::Participant | Role::Mediator => (x, n),
                        Role::Target | Role::Place | Role::Instrument => (n, x),
                    };
                    edges.push((a, b, edge(EdgeKind::Role(*role))));
                }
            }
        }
    }
    edges.sort_by(|a, b| (a.0, a.1, a.2.kind, &a.2.event).cmp(&(b.0, b.1, b.2.kind, &b.2.event)));
    for (a, b, e) in edges {
        view.graph.add_edge(a, b, e);
    }
    Ok(view)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[(Role, &str)]) -> BTreeSet<(Role, String)> {
        list.iter().map(|(r, x)| (*r, x.to_string())).collect()
    }

    #[test]
    fn events_link_actors_to_targets_and_participants_to_each_other() {
        let pairs = event_pairs(&args(&[
            (Role::Actor, "iran"),
            (Role::Target, "pakistan"),
            (Role::Target, "jaish"),
            (Role::Instrument, "drone"),
            (Role::Place, "pakistan"),
        ]));
        let short: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(a, _, b, _)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            short,
            vec![("iran", "drone"), ("iran", "jaish"), ("iran", "pakistan")],
            "a target that is also the place is linked once"
        );
        let call = event_pairs(&args(&[(Role::Participant, "b"), (Role::Participant, "a")]));
        assert_eq!(call.len(), 1, "one edge per pair of participants");
        assert_eq!((call[0].0.as_str(), call[0].2.as_str()), ("a", "b"));
        assert!(event_pairs(&args(&[(Role::Actor, "china")])).is_empty());
        let convened = event_pairs(&args(&[(Role::Actor, "pm"), (Role::Participant, "nsc")]));
        assert_eq!(convened.len(), 1, "the convener meets the participants");
        assert_eq!(convened[0].1, Role::Actor);
    }

    #[test]
    fn document_ids_come_back_from_graph_iris() {
        for id in ["pakistan-iran-2024-01-19", "a b/ç", "x%y"] {
            assert_eq!(doc_id_of(&crate::rdf::doc_iri(id)).as_deref(), Some(id));
        }
        assert_eq!(doc_id_of("https://w3id.org/newsgraph/ontology"), None);
    }

    #[test]
    fn labels_prefer_the_fullest_name() {
        assert_eq!(
            pick_label(["Jilani", "Jalil Abbas Jilani", "FM Jilani"]),
            Some("Jalil Abbas Jilani")
        );
        assert_eq!(
            pick_label(["Abc", "Abd"]),
            Some("Abc"),
            "ties alphabetically"
        );
    }

    #[test]
    fn windows_exclude_undated_facts() {
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let all = ViewOptions::default();
        assert!(all.in_window(None));
        let w = ViewOptions {
            since: day("2024-01-17"),
            ..Default::default()
        };
        assert!(!w.in_window(None));
        assert!(!w.in_window(day("2024-01-16")));
        assert!(w.in_window(day("2024-01-17")));
    }

    #[test]
    fn edge_labels_name_unusual_role_pairs() {
        let visit = EdgeKind::Event {
            kind: EventType::Visit,
            from: Role::Actor,
            to: Role::Place,
        };
        assert_eq!(visit.label(), "Visit (actor–place)");
        let call = EdgeKind::Event {
            kind: EventType::Call,
            from: Role::Participant,
            to: Role::Participant,
        };
        assert_eq!(call.label(), "Call");
        assert!(call.is_symmetric() && !visit.is_symmetric());
    }
}
