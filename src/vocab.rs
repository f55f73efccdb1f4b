//! Every IRI the crate writes: the newsgraph ontology terms and the standard vocabularies,
//! in one place so a test can check each `ng:` term is declared in `ontology/newsgraph.ttl`.

use crate::model::{EntityType, EventType, Predicate, Role};

/// The ontology namespace (`ng:`).
pub const NG: &str = "https://w3id.org/newsgraph/ontology#";
/// Where resources live: entities, events, documents, evidence.
pub const ID: &str = "https://w3id.org/newsgraph/id/";
/// The named graph that holds the ontology itself.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/newsgraph/ontology";
/// The named graph of the name index: keys to the entity names that carry them, so a misspelt
/// lookup reads a few keys instead of every name in the store.
pub const NAMES_GRAPH: &str = "https://w3id.org/newsgraph/names";
/// Where the name index's keys live.
pub const NAME_KEY: &str = "https://w3id.org/newsgraph/names/";

pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const RDF_SUBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
pub const RDF_PREDICATE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
pub const RDF_OBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
pub const SKOS_ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
pub const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
pub const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
pub const XSD_DATE_TIME: &str = "http://www.w3.org/2001/XMLSchema#dateTime";
pub const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";

/// Newsgraph terms that are not derived from the closed sets of [`crate::model`].
pub mod ng {
    // Classes
    pub const ENTITY: &str = "https://w3id.org/newsgraph/ontology#Entity";
    pub const EVENT: &str = "https://w3id.org/newsgraph/ontology#Event";
    pub const DOCUMENT: &str = "https://w3id.org/newsgraph/ontology#Document";
    pub const EVIDENCE: &str = "https://w3id.org/newsgraph/ontology#Evidence";
    pub const MENTION: &str = "https://w3id.org/newsgraph/ontology#Mention";
    pub const STATEMENT: &str = "https://w3id.org/newsgraph/ontology#Statement";
    pub const DESCRIPTOR: &str = "https://w3id.org/newsgraph/ontology#Descriptor";
    // Entity properties
    pub const ROLE: &str = "https://w3id.org/newsgraph/ontology#role";
    pub const MENTIONED_IN: &str = "https://w3id.org/newsgraph/ontology#mentionedIn";
    // Event properties
    pub const CAMEO: &str = "https://w3id.org/newsgraph/ontology#cameo";
    pub const DATE: &str = "https://w3id.org/newsgraph/ontology#date";
    pub const PERIOD_START: &str = "https://w3id.org/newsgraph/ontology#periodStart";
    pub const PERIOD_END: &str = "https://w3id.org/newsgraph/ontology#periodEnd";
    pub const TRIGGER: &str = "https://w3id.org/newsgraph/ontology#trigger";
    // Evidence and mentions
    pub const EVIDENCE_PROP: &str = "https://w3id.org/newsgraph/ontology#evidence";
    pub const DOCUMENT_PROP: &str = "https://w3id.org/newsgraph/ontology#document";
    pub const START: &str = "https://w3id.org/newsgraph/ontology#start";
    pub const END: &str = "https://w3id.org/newsgraph/ontology#end";
    pub const TEXT: &str = "https://w3id.org/newsgraph/ontology#text";
    pub const REFERS_TO: &str = "https://w3id.org/newsgraph/ontology#refersTo";
    pub const MENTION_KIND: &str = "https://w3id.org/newsgraph/ontology#mentionKind";
    // Document metadata
    pub const DOC_ID: &str = "https://w3id.org/newsgraph/ontology#docId";
    pub const TITLE: &str = "https://w3id.org/newsgraph/ontology#title";
    pub const URL: &str = "https://w3id.org/newsgraph/ontology#url";
    pub const PUBLISHED: &str = "https://w3id.org/newsgraph/ontology#published";
    pub const CONTENT_HASH: &str = "https://w3id.org/newsgraph/ontology#contentHash";
    pub const INGESTED_AT: &str = "https://w3id.org/newsgraph/ontology#ingestedAt";
    pub const EXTRACTOR_VERSION: &str = "https://w3id.org/newsgraph/ontology#extractorVersion";
    pub const CHARACTERS: &str = "https://w3id.org/newsgraph/ontology#characters";
    // Name index
    pub const INDEXED_NAME: &str = "https://w3id.org/newsgraph/ontology#indexedName";

    /// Every fixed `ng:` term above, for the ontology check.
    pub const ALL: &[&str] = &[
        ENTITY,
        EVENT,
        DOCUMENT,
        EVIDENCE,
        MENTION,
        STATEMENT,
        DESCRIPTOR,
        ROLE,
        MENTIONED_IN,
        CAMEO,
        DATE,
        PERIOD_START,
        PERIOD_END,
        TRIGGER,
        EVIDENCE_PROP,
        DOCUMENT_PROP,
        START,
        END,
        TEXT,
        REFERS_TO,
        MENTION_KIND,
        DOC_ID,
        TITLE,
        URL,
        PUBLISHED,
        CONTENT_HASH,
        INGESTED_AT,
        EXTRACTOR_VERSION,
        CHARACTERS,
        INDEXED_NAME,
    ];
}

/// `ng:` IRI of a name from the closed sets (class or property).
pub fn ng_term(local: &str) -> String {
    format!("{NG}{local}")
}

pub fn entity_class(t: EntityType) -> String {
    ng_term(t.as_str())
}

pub fn event_class(t: EventType) -> String {
    ng_term(t.as_str())
}

pub fn role_property(r: Role) -> String {
    ng_term(r.as_str())
}

pub fn predicate_property(p: Predicate) -> String {
    ng_term(p.as_str())
}

/// Every `ng:` IRI the crate can write: fixed terms and those of the closed sets.
pub fn all_terms() -> Vec<String> {
    let mut all: Vec<String> = ng::ALL.iter().map(|s| s.to_string()).collect();
    all.extend(EntityType::ALL.iter().map(|t| entity_class(*t)));
    all.extend(EventType::ALL.iter().map(|t| event_class(*t)));
    all.extend(Role::ALL.iter().map(|r| role_property(*r)));
    all.extend(Predicate::ALL.iter().map(|p| predicate_property(*p)));
    all
}

/// The Wikidata entity IRI of a Q-id.
pub fn wikidata_iri(qid: &str) -> String {
    format!("http://www.wikidata.org/entity/{qid}")
}

/// The prefixes predeclared in queries, shown in tables and used by Turtle exports.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ng", NG),
    ("id", ID),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("wd", "http://www.wikidata.org/entity/"),
    ("schema", "http://schema.org/"),
];

/// `PREFIX …` lines for every entry of [`PREFIXES`], to put before a query.
pub fn sparql_prefixes() -> String {
    PREFIXES
        .iter()
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect()
}

/// The ontology, as shipped in `ontology/newsgraph.ttl`.
pub const ONTOLOGY_TTL: &str = include_str!("../ontology/newsgraph.ttl");

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{NamedNode, NamedOrBlankNode, Term};
    use std::collections::HashSet;

    #[test]
    fn every_term_is_declared_in_the_ontology() {
        let rdf_type = NamedNode::new(RDF_TYPE).unwrap();
        let declared: HashSet<String> = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ONTOLOGY_TTL.as_bytes())
            .map(|q| q.expect("ontology parses"))
            .filter(|q| q.predicate == rdf_type)
            .filter(|q| {
                matches!(&q.object, Term::NamedNode(n) if n.as_str().starts_with("http://www.w3.org/2002/07/owl#"))
            })
            .filter_map(|q| match q.subject {
                NamedOrBlankNode::NamedNode(n) => Some(n.into_string()),
                _ => None,
            })
            .collect();
        let missing: Vec<String> = all_terms()
            .into_iter()
            .filter(|t| !declared.contains(t))
            .collect();
        assert!(
            missing.is_empty(),
            "not declared in ontology/newsgraph.ttl: {missing:?}"
        );
    }

    #[test]
    fn event_classes_carry_their_cameo_code() {
        for t in EventType::ALL {
            let needle = format!("ng:{} ", t.as_str());
            assert!(ONTOLOGY_TTL.contains(&needle), "{needle} missing");
        }
        assert!(ONTOLOGY_TTL.contains("ng:cameo"));
    }
}
