//! `newsgraph remove ID…`: drops documents and everything they contributed.

use super::RemoveArgs;
use newsgraph::Store;

pub fn run(args: RemoveArgs) -> anyhow::Result<()> {
    let store = Store::open_existing(&args.store.store)?;
    // Check every id first, so a typo removes nothing.
    for id in &args.ids {
        if store.content_hash_of(id)?.is_none() {
            return Err(newsgraph::Error::UnknownDocument(id.clone()).into());
        }
    }
    for id in &args.ids {
        let n = store.remove(id)?;
        eprintln!("removed {id} ({n} triples)");
    }
    Ok(())
}
