//! Ingest: documents are extracted in parallel and written to the store in batches, one
//! transaction per document, with progress reported through a callback.

use crate::error::Result;
use crate::model::Document;
use crate::store::{IngestOutcome, Store};
use rayon::prelude::*;

/// Totals of one ingest run.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub documents: usize,
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub entities: usize,
    pub events: usize,
    pub relations: usize,
    pub triples: usize,
    /// Documents skipped because extraction failed, with the reason.
    pub failed: Vec<String>,
}

/// How many documents are extracted before their batch is written.
pub const BATCH: usize = 64;

/// Extracts and stores `docs`; calls `progress` after each document with the running count.
/// A failure to write stops the run; documents already written stay, each one whole.
pub fn ingest(
    store: &Store,
    docs: Vec<Document>,
    ingested_at: &str,
    mut progress: impl FnMut(usize),
) -> Result<Summary> {
    let mut summary = Summary::default();
    for batch in docs.chunks(BATCH) {
        let extracted: Vec<_> = batch
            .par_iter()
            .map(|d| {
                if store.content_hash_of(&d.id).ok().flatten()
                    == Some(crate::rdf::content_hash(&d.text))
                {
                    None
                } else {
                    Some(crate::extract::try_extract(d))
                }
            })
            .collect();
        for (doc, ex) in batch.iter().zip(extracted) {
            summary.documents += 1;
            match ex {
                None => summary.unchanged += 1,
                Some(Err(e)) => {
                    summary.failed.push(e.to_string());
                }
                Some(Ok(ex)) => {
                    let (outcome, triples) = store.ingest(doc, &ex, ingested_at)?;
                    match outcome {
                        IngestOutcome::Added => summary.added += 1,
                        IngestOutcome::Replaced => summary.replaced += 1,
                        IngestOutcome::Unchanged => summary.unchanged += 1,
                    }
                    if outcome != IngestOutcome::Unchanged {
                        summary.entities += ex.entities.len();
                        summary.events += ex.events.len();
                        summary.relations += ex.relations.len();
                        summary.triples += triples;
                    }
                }
            }
            progress(summary.documents);
        }
    }
    Ok(summary)
}
