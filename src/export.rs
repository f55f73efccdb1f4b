//! Writing a graph view out: Graphviz DOT (and SVG or PNG through Graphviz's `dot`), GraphML,
//! CSV node and edge lists; and the store itself in every RDF format Oxigraph writes.

use crate::error::{Error, Result};
use crate::graph::{EdgeKind, GraphView, NodeKind};
use crate::model::{EntityType, EventType};
use crate::rdf;
use crate::store::Store;
use crate::vocab;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNodeRef, Triple};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::io::Write;

/// Shape and fill colour of an entity type in diagrams.
fn entity_style(t: EntityType) -> (&'static str, &'static str) {
    match t {
        EntityType::State => ("box", "#9ecae1"),
        EntityType::Official => ("ellipse", "#fdae6b"),
        EntityType::Person => ("ellipse", "#fdd0a2"),
        EntityType::MilitantGroup => ("hexagon", "#fc9272"),
        EntityType::Organization => ("component", "#a1d99b"),
        EntityType::Operation => ("cds", "#bcbddc"),
        EntityType::Place => ("house", "#d9d9d9"),
    }
}

/// Hostile events are drawn red, cooperative ones blue.
fn is_hostile(t: EventType) -> bool {
    matches!(
        t,
        EventType::Attack
            | EventType::MilitaryCampaign
            | EventType::Threat
            | EventType::Accusation
            | EventType::RecallAmbassador
            | EventType::Expulsion
            | EventType::Sanction
            | EventType::Protest
            | EventType::Arrest
    )
}

const HOSTILE: &str = "#cb181d";
const COOPERATIVE: &str = "#2171b5";
const RELATION: &str = "#636363";

/// A DOT string literal: quotes and backslashes escaped, line breaks as `\n`.
fn dot_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How the DOT output is laid out.
#[derive(Clone, Debug, Default)]
pub struct DotOptions {
    /// Draw each community (as from [`crate::analysis::communities`]) as a cluster.
    pub clusters: Vec<Vec<NodeIndex>>,
    /// Caption of the diagram.
    pub title: Option<String>,
}

/// The view as a Graphviz digraph: one shape and colour per type, facts between the same two
/// nodes merged into one labelled edge, hostile events red and cooperative ones blue, relations
/// dashed, a legend of what is drawn. The same view always gives the same bytes.
pub fn to_dot(view: &GraphView, opts: &DotOptions) -> String {
    let g = &view.graph;
    let mut s = String::new();
    s.push_str("digraph newsgraph {\n");
    s.push_str("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, overlap=false, splines=true, nodesep=0.3, ranksep=0.6");
    if let Some(t) = &opts.title {
        let _ = write!(s, ", label={}, labelloc=t", dot_str(t));
    }
    s.push_str("];\n");
    s.push_str("  node [fontname=\"Helvetica\", fontsize=11, style=filled, penwidth=0.8];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n");

    let node_line = |n: NodeIndex| -> String {
        let node = &g[n];
        let (shape, fill, extra) = match node.kind {
            NodeKind::Entity(t) => {
                let (shape, fill) = entity_style(t);
                (shape, fill, "")
            }
            NodeKind::Event(t) => (
                "box",
                if is_hostile(t) { "#fee0d2" } else { "#deebf7" },
                ", style=\"filled,dashed\", fontsize=9",
            ),
        };
        format!(
            "n{} [label={}, shape={shape}, fillcolor=\"{fill}\", tooltip={}{extra}];",
            n.index(),
            dot_str(&node.label),
            dot_str(&format!("{} ({})", node.iri, node.kind.as_str()))
        )
    };
    let mut clustered = HashSet::new();
    for (i, members) in opts.clusters.iter().enumerate() {
        let _ = writeln!(
            s,
            "  subgraph cluster_{} {{\n    label=\"Community {}\"; style=\"rounded,dashed\"; color=\"#969696\"; fontsize=10;",
            i + 1,
            i + 1
        );
        let mut sorted = members.clone();
        sorted.sort();
        for n in sorted {
            if clustered.insert(n) {
                let _ = writeln!(s, "    {}", node_line(n));
            }
        }
        s.push_str("  }\n");
    }
    for n in g.node_indices() {
        if !clustered.contains(&n) {
            let _ = writeln!(s, "  {}", node_line(n));
        }
    }

    // Merge the facts between the same two nodes; symmetric ones regardless of direction.
    let mut merged: BTreeMap<(usize, usize, bool), BTreeMap<String, usize>> = BTreeMap::new();
    let mut colour: BTreeMap<(usize, usize, bool), (bool, bool)> = BTreeMap::new();
    for e in g.edge_references() {
        let w = e.weight();
        let sym = w.kind.is_symmetric();
        let (a, b) = (e.source().index(), e.target().index());
        let key = if sym {
            (a.min(b), a.max(b), true)
        } else {
            (a, b, false)
        };
        *merged
            .entry(key)
            .or_default()
            .entry(w.kind.label())
            .or_insert(0) += 1;
        let c = colour.entry(key).or_insert((false, false));
        match w.kind {
            EdgeKind::Event { kind, .. } => {
                c.0 |= is_hostile(kind);
                c.1 = true;
            }
            EdgeKind::Role(_) => {
                // A role edge takes the colour of the event node at one of its ends.
                for n in [e.source(), e.target()] {
                    if let NodeKind::Event(t) = g[n].kind {
                        c.0 |= is_hostile(t);
                    }
                }
                c.1 = true;
            }
            EdgeKind::Relation(_) => {}
        }
    }
    for (key, labels) in &merged {
        let label: Vec<String> = labels
            .iter()
            .map(|(l, n)| {
                if *n > 1 {
                    format!("{l} ×{n}")
                } else {
                    l.clone()
                }
            })
            .collect();
        let (hostile, event) = colour[key];
        let (col, style) = match (hostile, event) {
            (true, _) => (HOSTILE, "solid"),
            (false, true) => (COOPERATIVE, "solid"),
            _ => (RELATION, "dashed"),
        };
        let _ = writeln!(
            s,
            "  n{} -> n{} [label={}, color=\"{col}\", fontcolor=\"{col}\", style={style}{}];",
            key.0,
            key.1,
            dot_str(&label.join("\n")),
            if key.2 { ", dir=none" } else { "" }
        );
    }

    // Legend: the types drawn, and the three kinds of edges.
    let types: BTreeSet<NodeKind> = g.node_indices().map(|n| g[n].kind).collect();
    let entity_types: Vec<EntityType> = types
        .iter()
        .filter_map(|k| match k {
            NodeKind::Entity(t) => Some(*t),
            NodeKind::Event(_) => None,
        })
        .collect();
    s.push_str("  subgraph cluster_legend {\n    label=\"Legend\"; style=rounded; color=\"#bdbdbd\"; fontsize=10;\n");
    for t in &entity_types {
        let (shape, fill) = entity_style(*t);
        let _ = writeln!(
            s,
            "    legend_{t} [label=\"{t}\", shape={shape}, fillcolor=\"{fill}\", fontsize=9];"
        );
    }
    // Invisible links lay the type samples out in one row rather than a tall column.
    for w in entity_types.windows(2) {
        let _ = writeln!(s, "    legend_{} -> legend_{} [style=invis];", w[0], w[1]);
    }
    for (name, col, style) in [
        ("relation", RELATION, "dashed"),
        ("hostile event", HOSTILE, "solid"),
        ("cooperative event", COOPERATIVE, "solid"),
    ] {
        let id = name.replace(' ', "_");
        let _ = writeln!(
            s,
            "    legend_{id}_a [label=\"\", shape=point, width=0.05];\n    legend_{id}_b [label=\"\", shape=point, width=0.05];\n    legend_{id}_a -> legend_{id}_b [label=\"{name}\", color=\"{col}\", fontcolor=\"{col}\", style={style}];"
        );
    }
    s.push_str("  }\n}\n");
    s
}

/// Image formats Graphviz renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    fn flag(self) -> &'static str {
        match self {
            ImageFormat::Svg => "-Tsvg",
            ImageFormat::Png => "-Tpng",
        }
    }

    fn name(self) -> &'static str {
        match self {
            ImageFormat::Svg => "SVG",
            ImageFormat::Png => "PNG",
        }
    }
}

/// Renders DOT with Graphviz's `dot`, which must be on the PATH.
pub fn render(dot: &str, format: ImageFormat) -> Result<Vec<u8>> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg(format.flag())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::GraphvizMissing(format.name().to_string()),
            _ => Error::Graphviz(e.to_string()),
        })?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = dot.as_bytes().to_vec();
    // Feed stdin from another thread so a large output cannot block the writer.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child
        .wait_with_output()
        .map_err(|e| Error::Graphviz(e.to_string()))?;
    let _ = writer.join();
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        return Err(Error::Graphviz(
            msg.lines()
                .next()
                .unwrap_or("no message")
                .trim()
                .to_string(),
        ));
    }
    Ok(out.stdout)
}

/// Text safe in XML 1.0: markup characters escaped, forbidden control characters dropped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

/// The kind of an edge as a word: relation, event or role.
fn edge_class(k: EdgeKind) -> &'static str {
    match k {
        EdgeKind::Relation(_) => "relation",
        EdgeKind::Event { .. } => "event",
        EdgeKind::Role(_) => "role",
    }
}

fn joined_docs(docs: &[std::sync::Arc<str>]) -> String {
    docs.iter().map(|d| &**d).collect::<Vec<_>>().join(" ")
}

fn joined_evidence(e: &[crate::graph::Evidence]) -> String {
    e.iter()
        .map(|e| format!("{}: {}", e.doc, e.text.as_deref().unwrap_or("")))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The view as GraphML (for Gephi, yEd, networkx): node label, type, IRI and date; edge label,
/// kind, event, date, documents and evidence; symmetric edges marked undirected.
pub fn to_graphml(view: &GraphView) -> String {
    let g = &view.graph;
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (id, what, name) in [
        ("label", "node", "label"),
        ("type", "node", "type"),
        ("iri", "node", "iri"),
        ("date", "node", "date"),
        ("elabel", "edge", "label"),
        ("kind", "edge", "kind"),
        ("event", "edge", "event"),
        ("edate", "edge", "date"),
        ("documents", "edge", "documents"),
        ("evidence", "edge", "evidence"),
    ] {
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{what}\" attr.name=\"{name}\" attr.type=\"string\"/>"
        );
    }
    s.push_str("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    let data = |s: &mut String, key: &str, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(s, "      <data key=\"{key}\">{}</data>", xml(value));
        }
    };
    for n in g.node_indices() {
        let node = &g[n];
        let _ = writeln!(s, "    <node id=\"n{}\">", n.index());
        data(&mut s, "label", &node.label);
        data(&mut s, "type", node.kind.as_str());
        data(&mut s, "iri", &node.iri);
        data(
            &mut s,
            "date",
            &node.date.map(|d| d.to_string()).unwrap_or_default(),
        );
        s.push_str("    </node>\n");
    }
    for e in g.edge_references() {
        let w = e.weight();
        let _ = writeln!(
            s,
            "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\"{}>",
            e.id().index(),
            e.source().index(),
            e.target().index(),
            if w.kind.is_symmetric() {
                " directed=\"false\""
            } else {
                ""
            }
        );
        data(&mut s, "elabel", &w.kind.label());
        data(&mut s, "kind", edge_class(w.kind));
        data(&mut s, "event", w.event.as_deref().unwrap_or(""));
        data(
            &mut s,
            "edate",
            &w.date.map(|d| d.to_string()).unwrap_or_default(),
        );
        data(&mut s, "documents", &joined_docs(&w.docs));
        data(&mut s, "evidence", &joined_evidence(&w.evidence));
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

/// The node list as CSV: `id` (the IRI), `label`, `type`, `date`.
pub fn nodes_csv(view: &GraphView, out: impl Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let err = |e: csv::Error| Error::Serialize(e.to_string());
    w.write_record(["id", "label", "type", "date"])
        .map_err(err)?;
    for n in view.graph.node_indices() {
        let node = &view.graph[n];
        w.write_record([
            node.iri.as_str(),
            &node.label,
            node.kind.as_str(),
            &node.date.map(|d| d.to_string()).unwrap_or_default(),
        ])
        .map_err(err)?;
    }
    w.flush()?;
    Ok(())
}

/// The edge list as CSV: `source`, `target` (IRIs), `label`, `kind`, `directed`, `event`,
/// `date`, `documents` (space-separated ids), `evidence` ("doc: sentence" joined by " | ").
pub fn edges_csv(view: &GraphView, out: impl Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let err = |e: csv::Error| Error::Serialize(e.to_string());
    w.write_record([
        "source",
        "target",
        "label",
        "kind",
        "directed",
        "event",
        "date",
        "documents",
        "evidence",
    ])
    .map_err(err)?;
    for e in view.graph.edge_references() {
        let x = e.weight();
        w.write_record([
            view.graph[e.source()].iri.as_str(),
            &view.graph[e.target()].iri,
            &x.kind.label(),
            edge_class(x.kind),
            if x.kind.is_symmetric() {
                "false"
            } else {
                "true"
            },
            x.event.as_deref().unwrap_or(""),
            &x.date.map(|d| d.to_string()).unwrap_or_default(),
            &joined_docs(&x.docs),
            &joined_evidence(&x.evidence),
        ])
        .map_err(err)?;
    }
    w.flush()?;
    Ok(())
}

/// The RDF formats Oxigraph writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RdfExportFormat {
    Turtle,
    NTriples,
    NQuads,
    TriG,
    RdfXml,
    JsonLd,
}

impl RdfExportFormat {
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            RdfExportFormat::Turtle => RdfFormat::Turtle,
            RdfExportFormat::NTriples => RdfFormat::NTriples,
            RdfExportFormat::NQuads => RdfFormat::NQuads,
            RdfExportFormat::TriG => RdfFormat::TriG,
            RdfExportFormat::RdfXml => RdfFormat::RdfXml,
            RdfExportFormat::JsonLd => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }
}

/// Writes the store as RDF: every graph (the ontology included), or only the given documents'
/// graphs. Dataset formats (N-Quads, TriG, JSON-LD) keep the named graphs; triple formats
/// (Turtle, N-Triples, RDF/XML) write their union, each triple once. Returns how many quads or
/// triples were written.
pub fn write_rdf(
    store: &Store,
    format: RdfExportFormat,
    documents: &BTreeSet<String>,
    out: impl Write,
) -> Result<usize> {
    let rf = format.rdf_format();
    let known: BTreeSet<String> = store.docs()?.into_iter().map(|d| d.id).collect();
    if let Some(missing) = documents.iter().find(|d| !known.contains(*d)) {
        return Err(Error::UnknownDocument(missing.clone()));
    }
    let mut ser = RdfSerializer::from_format(rf);
    if matches!(
        format,
        RdfExportFormat::Turtle | RdfExportFormat::TriG | RdfExportFormat::RdfXml
    ) {
        for (p, ns) in vocab::PREFIXES {
            ser = ser
                .with_prefix(*p, *ns)
                .map_err(|e| Error::Serialize(e.to_string()))?;
        }
    }
    let mut w = ser.for_writer(out);
    let graphs: Vec<String> = documents.iter().map(|d| rdf::doc_iri(d)).collect();
    let quads: Box<dyn Iterator<Item = _>> = if graphs.is_empty() {
        Box::new(store.oxigraph().iter())
    } else {
        Box::new(graphs.iter().flat_map(|g| {
            store.oxigraph().quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(NamedNodeRef::new_unchecked(g))),
            )
        }))
    };
    let mut count = 0;
    if rf.supports_datasets() {
        for q in quads {
            w.serialize_quad(&q?)?;
            count += 1;
        }
    } else {
        let mut seen: HashSet<Triple> = HashSet::new();
        for q in quads {
            let t = Triple::from(q?);
            if !seen.contains(&t) {
                w.serialize_triple(&t)?;
                seen.insert(t);
                count += 1;
            }
        }
    }
    w.finish()?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_strings_are_escaped() {
        assert_eq!(dot_str("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }

    #[test]
    fn xml_text_is_escaped_and_clean() {
        assert_eq!(xml("<a & 'b'>\u{1}"), "&lt;a &amp; &apos;b&apos;&gt;");
    }

    #[test]
    fn every_type_has_its_own_shape_or_colour() {
        let styles: HashSet<_> = EntityType::ALL.iter().map(|t| entity_style(*t)).collect();
        assert_eq!(styles.len(), EntityType::ALL.len());
    }
}
