//! `newsgraph docs`: the stored documents with their counts.

use super::DocsArgs;
use super::output::write_rows;
use anyhow::Context;
use newsgraph::Store;

pub fn run(args: DocsArgs) -> anyhow::Result<()> {
    let store = Store::open_existing(&args.store.store)?;
    let docs = store.docs().context("listing documents")?;
    let rows: Vec<Vec<String>> = docs
        .iter()
        .map(|d| {
            vec![
                d.id.clone(),
                d.date.clone().unwrap_or_default(),
                d.entities.to_string(),
                d.events.to_string(),
                d.relations.to_string(),
                d.triples.to_string(),
                d.title.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let header = [
        "id",
        "date",
        "entities",
        "events",
        "relations",
        "triples",
        "title",
    ];
    write_rows(&mut std::io::stdout().lock(), args.format, &header, &rows)
}
