//! `newsgraph path`: the shortest connections between two entities, hop by hop with evidence.

use super::{CardFormat, PathArgs};
use anyhow::{Context, bail};
use newsgraph::Store;
use newsgraph::analysis;
use newsgraph::graph::{self, Edge, GraphView};
use newsgraph::lookup;
use petgraph::graph::{EdgeIndex, NodeIndex};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::io::Write;

pub fn run(args: PathArgs) -> anyhow::Result<()> {
    if args.k == 0 || args.max_hops == 0 {
        bail!("--k and --max-hops must be at least 1");
    }
    let opts = super::view::options(&args.filter, &[])?;
    let store = Store::open_existing(&args.store.store)?;
    let any = BTreeSet::new();
    let a = lookup::resolve(&store, &args.from, &any).context("FROM")?;
    let b = lookup::resolve(&store, &args.to, &any).context("TO")?;
    if a.iri == b.iri {
        bail!("FROM and TO are the same entity ({})", a.name);
    }
    let mut view = graph::build(&store, &opts)?;
    let node = |e: &lookup::EntityRef| {
        view.node(&e.iri).with_context(|| {
            format!(
                "{} has no relations or events{}",
                e.name,
                if args.filter.since.is_some()
                    || args.filter.until.is_some()
                    || !args.filter.docs.is_empty()
                    || !args.filter.event_types.is_empty()
                    || args.filter.pattern.is_some()
                {
                    " with these filters"
                } else {
                    ""
                }
            )
        })
    };
    let (from, to) = (node(&a)?, node(&b)?);
    let mut found = analysis::paths(&view, from, to, args.k, args.max_hops);
    analysis::explain(&mut view, &store, &mut found)?;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    match args.format {
        CardFormat::Json => {
            let v: Vec<Value> = found.iter().map(|p| path_json(&view, p)).collect();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        CardFormat::Table => {
            if found.is_empty() {
                writeln!(
                    out,
                    "no connection between {} and {} within {} hops",
                    a.name, b.name, args.max_hops
                )?;
            }
            for (i, p) in found.iter().enumerate() {
                write_path(&mut out, &view, i + 1, p)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Which way an edge runs along a hop from `from`.
fn direction(view: &GraphView, e: EdgeIndex, from: NodeIndex) -> &'static str {
    let edge = &view.graph[e];
    let (s, _) = view.graph.edge_endpoints(e).expect("edge of the view");
    if edge.kind.is_symmetric() {
        "both"
    } else if s == from {
        "forward"
    } else {
        "backward"
    }
}

fn fact_text(edge: &Edge) -> String {
    match edge.date {
        Some(d) => format!("{} {d}", edge.kind.label()),
        None => edge.kind.label(),
    }
}

fn write_path(
    out: &mut impl Write,
    view: &GraphView,
    n: usize,
    p: &analysis::Path,
) -> std::io::Result<()> {
    let names: Vec<&str> = p
        .nodes
        .iter()
        .map(|x| view.graph[*x].label.as_str())
        .collect();
    writeln!(
        out,
        "Path {n} ({} hop{}): {}",
        p.hops.len(),
        if p.hops.len() == 1 { "" } else { "s" },
        names.join(" — ")
    )?;
    for hop in &p.hops {
        let Some(&first) = hop.edges.first() else {
            continue;
        };
        let edge = &view.graph[first];
        let (l, r) = match direction(view, first, hop.from) {
            "forward" => ("—", "→"),
            "backward" => ("←", "—"),
            _ => ("—", "—"),
        };
        writeln!(
            out,
            "  {} {l}[{}]{r} {}",
            view.graph[hop.from].label,
            fact_text(edge),
            view.graph[hop.to].label
        )?;
        match edge.best_evidence(&[&view.graph[hop.from], &view.graph[hop.to]]) {
            Some(ev) => writeln!(
                out,
                "      “{}” ({})",
                ev.text.as_deref().unwrap_or("").replace('\n', " "),
                ev.doc
            )?,
            None => writeln!(out, "      (no evidence sentence stored)")?,
        }
        if hop.edges.len() > 1 {
            let more: BTreeSet<String> = hop.edges[1..]
                .iter()
                .map(|e| view.graph[*e].kind.label())
                .collect();
            writeln!(
                out,
                "      + {} more: {}",
                hop.edges.len() - 1,
                more.into_iter().collect::<Vec<_>>().join(", ")
            )?;
        }
    }
    writeln!(out)
}

fn path_json(view: &GraphView, p: &analysis::Path) -> Value {
    let node = |n: NodeIndex| {
        let x = &view.graph[n];
        json!({"name": x.label, "type": x.kind.as_str(), "iri": x.iri})
    };
    json!({
        "hops": p.hops.len(),
        "nodes": p.nodes.iter().map(|n| node(*n)).collect::<Vec<_>>(),
        "steps": p.hops.iter().map(|h| json!({
            "from": view.graph[h.from].label,
            "to": view.graph[h.to].label,
            "facts": h.edges.iter().map(|e| {
                let edge = &view.graph[*e];
                json!({
                    "label": edge.kind.label(),
                    "direction": direction(view, *e, h.from),
                    "event": edge.event.as_deref(),
                    "date": edge.date.map(|d| d.to_string()),
                    "documents": edge.docs.iter().map(|d| &**d).collect::<Vec<_>>(),
                    "evidence": edge.evidence.iter().map(|ev| json!({"document": &*ev.doc, "start": ev.start, "text": ev.text.as_deref()})).collect::<Vec<_>>(),
                })
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
