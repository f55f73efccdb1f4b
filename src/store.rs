//! The embedded Oxigraph store: one named graph per document, the ontology in its own graph,
//! atomic per-document ingest, removal, listing, SPARQL query and update.

use crate::error::{Error, Result};
use crate::model::{Document, Extraction};
use crate::rdf::{self, DocMeta};
use crate::vocab::{self, ng};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use std::path::{Path, PathBuf};

/// What happened to a document on ingest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IngestOutcome {
    /// New document: its graph was created.
    Added,
    /// Known id with different content: its graph was replaced.
    Replaced,
    /// Known id with identical content: nothing was written.
    Unchanged,
}

/// One document as listed by `docs`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DocSummary {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub entities: usize,
    pub events: usize,
    pub relations: usize,
    pub triples: usize,
    pub ingested_at: Option<String>,
}

/// The store on disk.
pub struct Store {
    inner: oxigraph::store::Store,
    path: PathBuf,
}

fn open_error(path: &Path, e: oxigraph::store::StorageError) -> Error {
    let message = e.to_string();
    let lower = message.to_lowercase();
    if lower.contains("lock") || lower.contains("resource temporarily unavailable") {
        Error::StoreLocked {
            path: path.to_path_buf(),
        }
    } else {
        Error::StoreOpen {
            path: path.to_path_buf(),
            message,
        }
    }
}

impl Store {
    /// Opens the store, creating it if needed, and makes sure it holds the current ontology.
    pub fn open(path: &Path) -> Result<Self> {
        if path.exists() && !path.is_dir() {
            return Err(Error::StoreOpen {
                path: path.to_path_buf(),
                message: "exists and is not a directory".into(),
            });
        }
        let inner = oxigraph::store::Store::open(path).map_err(|e| open_error(path, e))?;
        let store = Store {
            inner,
            path: path.to_path_buf(),
        };
        store.ensure_ontology()?;
        Ok(store)
    }

    /// Opens a store that must already exist (for commands that only read).
    pub fn open_existing(path: &Path) -> Result<Self> {
        if !path.join("CURRENT").exists() {
            return Err(Error::StoreOpen {
                path: path.to_path_buf(),
                message: "no newsgraph store here (run `newsgraph ingest` first, or pass --store)"
                    .into(),
            });
        }
        Self::open(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying Oxigraph store, for read access by the graph view and exports.
    pub fn oxigraph(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    fn ensure_ontology(&self) -> Result<()> {
        let graph = NamedNodeRef::new_unchecked(vocab::ONTOLOGY_GRAPH);
        let hash = rdf::content_hash(vocab::ONTOLOGY_TTL);
        let marker = Quad::new(
            graph,
            NamedNodeRef::new_unchecked(ng::CONTENT_HASH),
            oxigraph::model::Literal::new_simple_literal(&hash),
            graph,
        );
        if self.inner.contains(&marker)? {
            return Ok(());
        }
        let quads: Vec<Quad> = RdfParser::from_format(RdfFormat::Turtle)
            .without_named_graphs()
            .with_default_graph(graph)
            .for_slice(vocab::ONTOLOGY_TTL.as_bytes())
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| Error::StoreOpen {
                path: self.path.clone(),
                message: format!("bundled ontology does not parse: {e}"),
            })?;
        let mut tx = self.inner.start_transaction()?;
        tx.remove_named_graph(NamedOrBlankNodeRef::from(graph))?;
        tx.insert_named_graph(NamedOrBlankNodeRef::from(graph));
        tx.extend(quads.iter());
        tx.insert(&marker);
        tx.commit()?;
        Ok(())
    }

    /// The stored content hash of a document, if the store knows it.
    pub fn content_hash_of(&self, id: &str) -> Result<Option<String>> {
        let doc = NamedNode::new_unchecked(rdf::doc_iri(id));
        let pred = NamedNodeRef::new_unchecked(ng::CONTENT_HASH);
        for q in self.inner.quads_for_pattern(
            Some((&doc).into()),
            Some(pred),
            None,
            Some(GraphNameRef::NamedNode((&doc).into())),
        ) {
            if let Term::Literal(l) = q?.object {
                return Ok(Some(l.value().to_string()));
            }
        }
        Ok(None)
    }

    /// Writes one document's graph in a single transaction: nothing if its content is
    /// unchanged, a replacement if it changed. Returns the outcome and the triples written.
    pub fn ingest(
        &self,
        doc: &Document,
        ex: &Extraction,
        ingested_at: &str,
    ) -> Result<(IngestOutcome, usize)> {
        let hash = rdf::content_hash(&doc.text);
        let previous = self.content_hash_of(&doc.id)?;
        if previous.as_deref() == Some(hash.as_str()) {
            return Ok((IngestOutcome::Unchanged, 0));
        }
        let quads = rdf::to_quads(
            &DocMeta {
                doc,
                hash: &hash,
                ingested_at,
            },
            ex,
        );
        let graph = NamedNode::new_unchecked(rdf::doc_iri(&doc.id));
        let mut tx = self.inner.start_transaction()?;
        tx.remove_named_graph(NamedOrBlankNodeRef::from(&graph))?;
        tx.insert_named_graph(NamedOrBlankNodeRef::from(&graph));
        tx.extend(quads.iter());
        tx.extend(rdf::name_index_quads(ex).iter());
        tx.commit()?;
        let outcome = if previous.is_some() {
            IngestOutcome::Replaced
        } else {
            IngestOutcome::Added
        };
        Ok((outcome, quads.len()))
    }

    /// Drops a document's graph; returns the number of quads removed.
    pub fn remove(&self, id: &str) -> Result<usize> {
        let graph = NamedNode::new_unchecked(rdf::doc_iri(id));
        let name = NamedOrBlankNodeRef::from(&graph);
        if !self.inner.contains_named_graph(name)? {
            return Err(Error::UnknownDocument(id.to_string()));
        }
        let count = self
            .inner
            .quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode((&graph).into())),
            )
            .count();
        let mut tx = self.inner.start_transaction()?;
        tx.remove_named_graph(name)?;
        tx.commit()?;
        Ok(count)
    }

    /// Runs a SPARQL query over the union of all graphs.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>> {
        let mut prepared = SparqlEvaluator::new().parse_query(sparql)?;
        prepared.dataset_mut().set_default_graph_as_union();
        Ok(prepared.on_store(&self.inner).execute()?)
    }

    /// Runs a SPARQL update.
    pub fn update(&self, sparql: &str) -> Result<()> {
        SparqlEvaluator::new()
            .parse_update(sparql)?
            .on_store(&self.inner)
            .execute()?;
        Ok(())
    }

    /// Number of quads in the store (all graphs, the ontology included).
    pub fn len(&self) -> Result<usize> {
        Ok(self.inner.len()?)
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.inner.is_empty()?)
    }

    /// Every document with its counts, ordered by id.
    pub fn docs(&self) -> Result<Vec<DocSummary>> {
        let q = format!(
            r#"PREFIX ng: <{ng}>
SELECT ?id ?title ?date ?at
  (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?x) AS ?events) (COUNT(DISTINCT ?st) AS ?relations)
WHERE {{
  GRAPH ?g {{
    ?g a ng:Document ; ng:docId ?id .
    OPTIONAL {{ ?g ng:title ?title }}
    OPTIONAL {{ ?g ng:published ?date }}
    OPTIONAL {{ ?g ng:ingestedAt ?at }}
    OPTIONAL {{ ?e ng:mentionedIn ?g }}
    OPTIONAL {{ ?x a ng:Event ; ng:document ?g }}
    OPTIONAL {{ ?st a ng:Statement ; ng:document ?g }}
  }}
}} GROUP BY ?id ?title ?date ?at ORDER BY ?id"#,
            ng = vocab::NG
        );
        let mut prepared = SparqlEvaluator::new().parse_query(&q)?;
        prepared.dataset_mut().set_default_graph_as_union();
        let QueryResults::Solutions(solutions) = prepared.on_store(&self.inner).execute()? else {
            return Ok(Vec::new());
        };
        let text = |t: Option<&Term>| match t {
            Some(Term::Literal(l)) => Some(l.value().to_string()),
            _ => None,
        };
        let mut out = Vec::new();
        for s in solutions {
            let s = s?;
            let num = |v: &str| text(s.get(v)).and_then(|n| n.parse().ok()).unwrap_or(0);
            let id = text(s.get("id")).unwrap_or_default();
            let graph = NamedNode::new_unchecked(rdf::doc_iri(&id));
            let triples = self
                .inner
                .quads_for_pattern(
                    None,
                    None,
                    None,
                    Some(GraphNameRef::NamedNode((&graph).into())),
                )
                .count();
            out.push(DocSummary {
                title: text(s.get("title")),
                date: text(s.get("date")),
                ingested_at: text(s.get("at")),
                entities: num("entities"),
                events: num("events"),
                relations: num("relations"),
                triples,
                id,
            });
        }
        Ok(out)
    }
}
