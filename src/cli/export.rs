//! `newsgraph export`: the graph as DOT, SVG, PNG, GraphML or CSV, or the store as RDF, to a
//! file or standard output.

use super::{EventsArg, ExportArgs, ExportFormat};
use anyhow::{Context, bail};
use newsgraph::Store;
use newsgraph::analysis;
use newsgraph::export::{self, DotOptions, ImageFormat, RdfExportFormat};
use newsgraph::graph::{self, EventsAs};
use newsgraph::lookup;
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};

fn rdf_format(f: ExportFormat) -> Option<RdfExportFormat> {
    Some(match f {
        ExportFormat::Turtle => RdfExportFormat::Turtle,
        ExportFormat::Ntriples => RdfExportFormat::NTriples,
        ExportFormat::Nquads => RdfExportFormat::NQuads,
        ExportFormat::Trig => RdfExportFormat::TriG,
        ExportFormat::Rdfxml => RdfExportFormat::RdfXml,
        ExportFormat::Jsonld => RdfExportFormat::JsonLd,
        _ => return None,
    })
}

pub fn run(args: ExportArgs) -> anyhow::Result<()> {
    let is_diagram = matches!(
        args.format,
        ExportFormat::Dot | ExportFormat::Svg | ExportFormat::Png
    );
    if args.clusters && !is_diagram {
        bail!("--clusters applies to --format dot, svg and png");
    }
    if args.format == ExportFormat::Png && args.output.is_none() && std::io::stdout().is_terminal()
    {
        bail!("--format png writes binary data: give --output FILE or redirect standard output");
    }
    let store = Store::open_existing(&args.store.store)?;
    let bytes: Vec<u8> = if let Some(rf) = rdf_format(args.format) {
        let f = &args.filter;
        let graph_only = [
            (args.focus.is_some(), "--focus"),
            (!args.types.is_empty(), "--type"),
            (args.events != EventsArg::Edges, "--events"),
            (!f.event_types.is_empty(), "--event-type"),
            (f.since.is_some(), "--since"),
            (f.until.is_some(), "--until"),
            (f.pattern.is_some(), "--where"),
        ];
        if let Some((_, flag)) = graph_only.iter().find(|(set, _)| *set) {
            bail!(
                "{flag} shapes the graph view, which RDF formats do not use; they export whole graphs (select documents with --doc)"
            );
        }
        let docs: BTreeSet<String> = f.docs.iter().cloned().collect();
        let mut buf = Vec::new();
        export::write_rdf(&store, rf, &docs, &mut buf)?;
        buf
    } else {
        let mut opts = super::view::options(&args.filter, &args.types)?;
        opts.events = match args.events {
            EventsArg::Edges => EventsAs::Edges,
            EventsArg::Nodes => EventsAs::Nodes,
        };
        let mut view = graph::build(&store, &opts)?;
        let mut title = None;
        if let Some(name) = &args.focus {
            let e = lookup::resolve(&store, name, &BTreeSet::new()).context("--focus")?;
            let center = view.node(&e.iri).with_context(|| {
                format!(
                    "--focus: {} has no relations or events in this view",
                    e.name
                )
            })?;
            view = view.ego(center, args.depth, args.max_nodes);
            title = Some(format!(
                "{} within {} hop{}",
                e.name,
                args.depth,
                if args.depth == 1 { "" } else { "s" }
            ));
        }
        if matches!(args.format, ExportFormat::Graphml | ExportFormat::EdgesCsv) {
            view.load_evidence(&store, None)?;
        }
        match args.format {
            ExportFormat::Graphml => export::to_graphml(&view).into_bytes(),
            ExportFormat::NodesCsv => {
                let mut buf = Vec::new();
                export::nodes_csv(&view, &mut buf)?;
                buf
            }
            ExportFormat::EdgesCsv => {
                let mut buf = Vec::new();
                export::edges_csv(&view, &mut buf)?;
                buf
            }
            format => {
                let clusters = if args.clusters {
                    analysis::communities(&view, 1.0)?
                        .into_iter()
                        .filter(|c| c.len() > 1)
                        .collect()
                } else {
                    Vec::new()
                };
                let dot = export::to_dot(&view, &DotOptions { clusters, title });
                match format {
                    ExportFormat::Svg => export::render(&dot, ImageFormat::Svg)?,
                    ExportFormat::Png => export::render(&dot, ImageFormat::Png)?,
                    _ => dot.into_bytes(),
                }
            }
        }
    };
    match &args.output {
        Some(path) => std::fs::write(path, &bytes)
            .with_context(|| format!("{}: cannot write", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    Ok(())
}
