//! `newsgraph update`: SPARQL 1.1 Update on the store.

use super::UpdateArgs;
use super::query::{read_text, with_prefixes};
use newsgraph::Store;

pub fn run(args: UpdateArgs) -> anyhow::Result<()> {
    let text = read_text(args.update, args.file.as_deref(), "update")?;
    let store = Store::open(&args.store.store)?;
    store.update(&with_prefixes(&text))?;
    Ok(())
}
