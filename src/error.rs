//! The library's error type: one enum whose messages name the file, document or argument at fault.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: looks like a binary file")]
    Binary { path: PathBuf },
    #[error("{path}: empty document")]
    Empty { path: PathBuf },
    #[error("{path}:{line}: malformed JSON line: {message}")]
    BadJsonLine {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{what}: invalid date {value:?} (expected YYYY-MM-DD)")]
    BadDate { what: String, value: String },
    #[error("store {path}: {message}")]
    StoreOpen { path: PathBuf, message: String },
    #[error("store is in use by another newsgraph process ({path}); close it and try again")]
    StoreLocked { path: PathBuf },
    #[error("store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("SPARQL syntax: {0}")]
    SparqlSyntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    #[error("SPARQL evaluation: {0}")]
    SparqlEval(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("SPARQL update: {0}")]
    SparqlUpdate(#[from] oxigraph::sparql::UpdateEvaluationError),
    #[error("no document with id {0:?} in the store")]
    UnknownDocument(String),
    #[error("no entity matches {0:?}")]
    UnknownEntity(String),
    #[error("{name:?} is ambiguous: {candidates}")]
    AmbiguousEntity { name: String, candidates: String },
    #[error("document {doc:?}: extraction failed ({message}); please report this as a bug")]
    Extraction { doc: String, message: String },
    #[error("--where pattern: {0}")]
    BadPattern(String),
    #[error(
        "Graphviz's `dot` is not installed (apt-get install graphviz), so {0} cannot be rendered; export --format dot and render it elsewhere"
    )]
    GraphvizMissing(String),
    #[error("Graphviz `dot` failed: {0}")]
    Graphviz(String),
    #[error("graph algorithm: {0}")]
    Algorithm(String),
    #[error("writing output")]
    Output(#[from] std::io::Error),
    #[error("model: {0}")]
    Model(String),
    #[error("{0}")]
    Serialize(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
