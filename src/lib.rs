//! newsgraph: news articles about conflict and diplomacy into a knowledge graph of who did what
//! to whom, when and where, with the sentence that says so, in an embedded Oxigraph store.

pub mod analysis;
pub mod endpoint;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod input;
pub mod lookup;
pub mod model;
pub mod rdf;
pub mod store;
pub mod text;
pub mod vocab;

pub use error::{Error, Result};
pub use extract::extract;
pub use model::{Document, Extraction};
pub use store::Store;
