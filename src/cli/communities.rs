//! `newsgraph communities`: Louvain communities of entities, members listed by name.

use super::output::write_rows;
use super::{CommunitiesArgs, TableFormat};
use anyhow::bail;
use newsgraph::Store;
use newsgraph::analysis;
use newsgraph::graph;
use serde_json::json;
use std::io::Write;

pub fn run(args: CommunitiesArgs) -> anyhow::Result<()> {
    if !(args.resolution > 0.0 && args.resolution.is_finite()) {
        bail!("--resolution must be a positive number");
    }
    let opts = super::view::options(&args.filter, &args.types)?;
    let store = Store::open_existing(&args.store.store)?;
    let view = graph::build(&store, &opts)?;
    let found: Vec<_> = analysis::communities(&view, args.resolution)?
        .into_iter()
        .filter(|c| c.len() >= args.min_size.max(1))
        .collect();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    if args.format == TableFormat::Json {
        // Members as objects rather than one joined string.
        let v: Vec<_> = found
            .iter()
            .enumerate()
            .map(|(i, c)| {
                json!({
                    "community": i + 1,
                    "size": c.len(),
                    "members": c.iter().map(|n| {
                        let x = &view.graph[*n];
                        json!({"name": x.label, "type": x.kind.as_str(), "iri": x.iri})
                    }).collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
    } else if args.format == TableFormat::Table {
        // Whole member lists: a table would cut them at its column width.
        for (i, c) in found.iter().enumerate() {
            let names: Vec<&str> = c.iter().map(|n| view.graph[*n].label.as_str()).collect();
            writeln!(out, "{}. {} members: {}", i + 1, c.len(), names.join(", "))?;
        }
    } else {
        let rows: Vec<Vec<String>> = found
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let names: Vec<&str> = c.iter().map(|n| view.graph[*n].label.as_str()).collect();
                vec![(i + 1).to_string(), c.len().to_string(), names.join(", ")]
            })
            .collect();
        write_rows(
            &mut out,
            args.format,
            &["community", "size", "members"],
            &rows,
        )?;
    }
    out.flush()?;
    Ok(())
}
