//! `newsgraph rank`: entities by PageRank, degree or betweenness, best first.

use super::output::write_rows;
use super::{RankArgs, RankBy};
use newsgraph::Store;
use newsgraph::analysis::{self, Centrality};
use newsgraph::graph::{self, NodeKind};
use std::io::Write;

pub fn run(args: RankArgs) -> anyhow::Result<()> {
    let opts = super::view::options(&args.filter, &[])?;
    let listed = super::view::entity_types(&args.types)?;
    let store = Store::open_existing(&args.store.store)?;
    let view = graph::build(&store, &opts)?;
    let by = match args.by {
        RankBy::Pagerank => Centrality::PageRank,
        RankBy::Degree => Centrality::Degree,
        RankBy::Betweenness => Centrality::Betweenness,
    };
    let scores = analysis::rank(&view, by)?;
    let top = if args.top == 0 { usize::MAX } else { args.top };
    let rows: Vec<Vec<String>> = scores
        .iter()
        .filter(|s| match view.graph[s.node].kind {
            NodeKind::Entity(t) => listed.is_empty() || listed.contains(&t),
            NodeKind::Event(_) => false,
        })
        .take(top)
        .enumerate()
        .map(|(i, s)| {
            let n = &view.graph[s.node];
            vec![
                (i + 1).to_string(),
                n.label.clone(),
                n.kind.as_str().to_string(),
                match by {
                    Centrality::Degree => format!("{}", s.score),
                    _ => format!("{:.4}", s.score),
                },
                n.iri.clone(),
            ]
        })
        .collect();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    write_rows(
        &mut out,
        args.format,
        &["rank", "name", "type", "score", "iri"],
        &rows,
    )?;
    out.flush()?;
    Ok(())
}
