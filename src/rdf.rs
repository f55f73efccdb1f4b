//! Turns one document's extraction record into RDF quads in that document's named graph.

use crate::model::{Document, Extraction, Span};
use crate::vocab::{self, ng};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use sha2::{Digest, Sha256};

/// IRI of a document, which is also the name of the graph that holds its facts.
pub fn doc_iri(id: &str) -> String {
    format!("{}doc/{}", vocab::ID, percent_encode(id))
}

/// Percent-encodes everything but RFC 3986 unreserved characters, so any id makes a valid IRI.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Hex SHA-256 of a document's text: identical content is detected by it.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A short stable hash for minting statement and event IRIs.
pub fn short_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Metadata written with a document's graph.
#[derive(Clone, Debug)]
pub struct DocMeta<'a> {
    pub doc: &'a Document,
    pub hash: &'a str,
    pub ingested_at: &'a str,
}

struct Writer {
    graph: GraphName,
    quads: Vec<Quad>,
}

fn node(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

impl Writer {
    fn add(&mut self, s: &str, p: &str, o: impl Into<Term>) {
        self.quads
            .push(Quad::new(node(s), node(p), o.into(), self.graph.clone()));
    }

    fn add_iri(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, node(o));
    }

    fn add_str(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, Literal::new_simple_literal(o));
    }

    fn add_int(&mut self, s: &str, p: &str, o: usize) {
        self.add(
            s,
            p,
            Literal::new_typed_literal(o.to_string(), node(vocab::XSD_INTEGER)),
        );
    }

    fn add_typed(&mut self, s: &str, p: &str, o: &str, datatype: &str) {
        self.add(s, p, Literal::new_typed_literal(o, node(datatype)));
    }

    /// An evidence node for a sentence span; returns its IRI.
    fn evidence(&mut self, doc: &str, text: &[char], span: Span) -> String {
        let iri = format!("{doc}/evidence/{}-{}", span.start, span.end);
        let sentence: String = text[span.start.min(text.len())..span.end.min(text.len())]
            .iter()
            .collect();
        self.add_iri(&iri, vocab::RDF_TYPE, ng::EVIDENCE);
        self.add_iri(&iri, ng::DOCUMENT_PROP, doc);
        self.add_int(&iri, ng::START, span.start);
        self.add_int(&iri, ng::END, span.end);
        self.add_str(&iri, ng::TEXT, &sentence);
        iri
    }
}

/// The name index entries for one document's entities (see [`crate::lookup`]): every label
/// and alias under each of its keys, in the names graph shared by all documents, where the
/// store keeps each entry once.
pub fn name_index_quads(ex: &Extraction) -> Vec<Quad> {
    let graph = GraphName::NamedNode(node(vocab::NAMES_GRAPH));
    let pred = node(ng::INDEXED_NAME);
    let mut entries = std::collections::BTreeSet::new();
    for e in &ex.entities {
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            for key in crate::lookup::name_keys(&crate::lookup::normalize(name)) {
                entries.insert((key, name.as_str()));
            }
        }
    }
    entries
        .into_iter()
        .map(|(key, name)| {
            Quad::new(
                node(&key),
                pred.clone(),
                Literal::new_simple_literal(name),
                graph.clone(),
            )
        })
        .collect()
}

/// All quads for one document: metadata, entities, mentions, events, relations and evidence.
/// Quads are in a deterministic order; evidence nodes shared by several facts repeat (the store
/// keeps one).
pub fn to_quads(meta: &DocMeta<'_>, ex: &Extraction) -> Vec<Quad> {
    let doc = doc_iri(&meta.doc.id);
    let mut w = Writer {
        graph: GraphName::NamedNode(node(&doc)),
        quads: Vec::new(),
    };
    let chars: Vec<char> = meta.doc.text.chars().collect();
    w.add_iri(&doc, vocab::RDF_TYPE, ng::DOCUMENT);
    w.add_str(&doc, ng::DOC_ID, &meta.doc.id);
    if let Some(t) = &meta.doc.title {
        w.add_str(&doc, ng::TITLE, t);
    }
    if let Some(u) = &meta.doc.url {
        w.add_str(&doc, ng::URL, u);
    }
    if let Some(d) = &meta.doc.date {
        w.add_typed(&doc, ng::PUBLISHED, d, vocab::XSD_DATE);
    }
    w.add_str(&doc, ng::CONTENT_HASH, meta.hash);
    w.add_typed(
        &doc,
        ng::INGESTED_AT,
        meta.ingested_at,
        vocab::XSD_DATE_TIME,
    );
    w.add_int(&doc, ng::CHARACTERS, chars.len());
    w.add_str(
        &doc,
        ng::EXTRACTOR_VERSION,
        concat!("newsgraph ", env!("CARGO_PKG_VERSION")),
    );

    for e in &ex.entities {
        w.add_iri(&e.id, vocab::RDF_TYPE, &vocab::entity_class(e.kind));
        w.add_iri(&e.id, vocab::RDF_TYPE, ng::ENTITY);
        w.add_str(&e.id, vocab::RDFS_LABEL, &e.name);
        for a in &e.aliases {
            w.add_str(&e.id, vocab::SKOS_ALT_LABEL, a);
        }
        if let Some(q) = &e.wikidata {
            w.add_iri(&e.id, vocab::OWL_SAME_AS, &vocab::wikidata_iri(q));
        }
        for r in &e.roles {
            w.add_str(&e.id, ng::ROLE, r);
        }
        w.add_iri(&e.id, ng::MENTIONED_IN, &doc);
        for m in &e.mentions {
            let iri = format!("{doc}/mention/{}-{}", m.start, m.end);
            w.add_iri(&iri, vocab::RDF_TYPE, ng::MENTION);
            w.add_iri(&iri, ng::REFERS_TO, &e.id);
            w.add_iri(&iri, ng::DOCUMENT_PROP, &doc);
            w.add_int(&iri, ng::START, m.start);
            w.add_int(&iri, ng::END, m.end);
            w.add_str(&iri, ng::TEXT, &m.text);
            w.add_str(&iri, ng::MENTION_KIND, m.kind.as_str());
        }
    }

    let label_of = |id: &str| {
        ex.entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.clone())
    };
    for ev in &ex.events {
        w.add_iri(&ev.id, vocab::RDF_TYPE, &vocab::event_class(ev.kind));
        w.add_iri(&ev.id, vocab::RDF_TYPE, ng::EVENT);
        w.add_str(&ev.id, ng::CAMEO, &ev.cameo);
        if let Some(d) = &ev.date {
            w.add_typed(&ev.id, ng::DATE, d, vocab::XSD_DATE);
        }
        if let Some(p) = &ev.period {
            w.add_typed(&ev.id, ng::PERIOD_START, &p.start, vocab::XSD_DATE);
            w.add_typed(&ev.id, ng::PERIOD_END, &p.end, vocab::XSD_DATE);
        }
        for t in &ev.triggers {
            w.add_str(&ev.id, ng::TRIGGER, &t.text);
        }
        let mut who = Vec::new();
        for a in &ev.arguments {
            let prop = vocab::role_property(a.role);
            match &a.entity {
                Some(id) => {
                    w.add_iri(&ev.id, &prop, id);
                    if matches!(
                        a.role,
                        crate::model::Role::Actor
                            | crate::model::Role::Target
                            | crate::model::Role::Participant
                    ) {
                        who.push((a.role, label_of(id).unwrap_or_else(|| a.text.clone())));
                    }
                }
                None => {
                    let iri = format!("{}/arg/{}-{}", ev.id, a.start, a.end);
                    w.add_iri(&iri, vocab::RDF_TYPE, ng::DESCRIPTOR);
                    w.add_str(&iri, vocab::RDFS_LABEL, &a.text);
                    w.add_int(&iri, ng::START, a.start);
                    w.add_int(&iri, ng::END, a.end);
                    w.add_iri(&ev.id, &prop, &iri);
                }
            }
        }
        w.add_str(
            &ev.id,
            vocab::RDFS_LABEL,
            &event_label(ev.kind.as_str(), &who),
        );
        for s in &ev.evidence {
            let v = w.evidence(&doc, &chars, Span::new(s.start, s.end));
            w.add_iri(&ev.id, ng::EVIDENCE_PROP, &v);
        }
        w.add_iri(&ev.id, ng::DOCUMENT_PROP, &doc);
    }

    for r in &ex.relations {
        let pred = vocab::predicate_property(r.predicate);
        w.add_iri(&r.subject, &pred, &r.object);
        let st = format!(
            "{}statement/{}",
            vocab::ID,
            short_hash(&[&meta.doc.id, &r.subject, r.predicate.as_str(), &r.object])
        );
        w.add_iri(&st, vocab::RDF_TYPE, ng::STATEMENT);
        w.add_iri(&st, vocab::RDF_SUBJECT, &r.subject);
        w.add_iri(&st, vocab::RDF_PREDICATE, &pred);
        w.add_iri(&st, vocab::RDF_OBJECT, &r.object);
        w.add_iri(&st, ng::DOCUMENT_PROP, &doc);
        for s in &r.evidence {
            let v = w.evidence(&doc, &chars, Span::new(s.start, s.end));
            w.add_iri(&st, ng::EVIDENCE_PROP, &v);
        }
    }
    w.quads
}

/// "Attack: Iran → Pakistan", "Call: Jilani, Fidan".
fn event_label(kind: &str, who: &[(crate::model::Role, String)]) -> String {
    use crate::model::Role;
    let names = |role: Role| {
        let mut v: Vec<&str> = who
            .iter()
            .filter(|(r, _)| *r == role)
            .map(|(_, n)| n.as_str())
            .collect();
        v.dedup();
        v.join(", ")
    };
    let (actors, targets, participants) = (
        names(Role::Actor),
        names(Role::Target),
        names(Role::Participant),
    );
    let mut label = kind.to_string();
    if !actors.is_empty() || !targets.is_empty() {
        label.push_str(": ");
        label.push_str(if actors.is_empty() { "?" } else { &actors });
        if !targets.is_empty() {
            label.push_str(" → ");
            label.push_str(&targets);
        }
    }
    if !participants.is_empty() {
        label.push_str(if actors.is_empty() && targets.is_empty() {
            ": "
        } else {
            "; with "
        });
        label.push_str(&participants);
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_iris_are_valid_for_any_id() {
        assert_eq!(
            doc_iri("a b/ç"),
            "https://w3id.org/newsgraph/id/doc/a%20b%2F%C3%A7"
        );
        assert!(NamedNode::new(doc_iri("x?#<>\"")).is_ok());
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(content_hash("abc").len(), 64);
        assert_eq!(short_hash(&["a", "b"]), short_hash(&["a", "b"]));
        assert_ne!(short_hash(&["ab", ""]), short_hash(&["a", "b"]));
    }
}
