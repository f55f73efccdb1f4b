//! The command line: every subcommand, flag and help text in one clap-derive definition; one
//! file per subcommand beside this one turns the raw arguments into calls to the library.

pub mod communities;
pub mod docs;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod lookup;
pub mod output;
pub mod path;
pub mod query;
pub mod rank;
pub mod remove;
pub mod serve;
pub mod update;
pub mod view;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turn news about conflict and diplomacy into a knowledge graph: who did what to whom, when
/// and where, each fact with the sentence that says so, in an embedded RDF store you can query
/// with SPARQL.
#[derive(Debug, Parser)]
#[command(
    name = "newsgraph",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract facts from articles and store them, one named graph per article.
    ///
    /// Takes text files, folders (searched recursively for .txt, .md and .jsonl), JSON lines
    /// files ({"id", "text", "date"?, "title"?, "url"?} per line) or `-` for standard input.
    /// Re-ingesting identical content is a no-op; changed content replaces the article's graph.
    ///
    /// Example: newsgraph ingest examples/articles/
    Ingest(IngestArgs),
    /// Print the extraction record of each article as one JSON line, touching no store.
    ///
    /// Example: newsgraph extract --input jsonl - < articles.jsonl
    Extract(ExtractArgs),
    /// Run a SPARQL 1.1 query over the union of all stored graphs.
    ///
    /// Example: newsgraph query 'SELECT ?name WHERE { ?o a ng:Official ; rdfs:label ?name }'
    /// (the prefixes ng:, rdf:, rdfs:, skos:, owl:, xsd: and wd: are predeclared).
    Query(QueryArgs),
    /// Run a SPARQL 1.1 update on the store.
    Update(UpdateArgs),
    /// List the stored documents with their counts.
    Docs(DocsArgs),
    /// Remove a document and every fact it contributed.
    Remove(RemoveArgs),
    /// Show what the store knows about one entity: type, name, aliases, Wikidata id, roles,
    /// whom it serves, its events (with type, date and counterparts) and its relations.
    ///
    /// NAME matches names and aliases ignoring case, accents and punctuation, tolerates a small
    /// misspelling, and may be a word of a longer name or an entity IRI; a name that fits
    /// several entities lists them.
    ///
    /// Example: newsgraph lookup Jilani --evidence
    Lookup(LookupArgs),
    /// Find the shortest connections between two entities, each hop explained by its relation
    /// or event and the sentence that states it.
    ///
    /// Example: newsgraph path Iran "Baloch Liberation Army" --k 3
    Path(PathArgs),
    /// Rank entities by PageRank, degree or betweenness in the graph of relations and events.
    ///
    /// Example: newsgraph rank --by betweenness --type State --top 10
    Rank(RankArgs),
    /// Find communities of closely connected entities (Louvain modularity) and list their
    /// members by name.
    ///
    /// Example: newsgraph communities --since 2024-01-01
    Communities(CommunitiesArgs),
    /// Write the graph as a diagram (Graphviz DOT, SVG, PNG), GraphML, CSV node or edge list,
    /// or the store as RDF (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD).
    ///
    /// SVG and PNG need Graphviz's `dot`. RDF formats write every graph, or only --doc's.
    ///
    /// Example: newsgraph export --format svg --focus Pakistan --depth 1 -o pakistan.svg
    Export(ExportArgs),
    /// Serve the store as a SPARQL 1.1 Protocol endpoint over HTTP, read-only unless
    /// --writable, until stopped with Ctrl-C.
    ///
    /// GET or POST /query (query=… in the URL or a form, or an application/sparql-query body)
    /// answers SELECT and ASK in SPARQL JSON, XML, CSV or TSV and CONSTRUCT and DESCRIBE in
    /// Turtle, N-Triples, RDF/XML or JSON-LD, as the Accept header or format=json|xml|csv|tsv|
    /// turtle|ntriples|rdfxml|jsonld asks. The default graph is the union of all graphs and the
    /// prefixes of `query` are predeclared. POST /update takes SPARQL Update (with --writable);
    /// GET / is a query form; GET /health answers "ok". The store stays locked while serving.
    ///
    /// Example: newsgraph serve --bind 127.0.0.1:7878, then
    /// curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT ?n WHERE { ?o a ng:Official ;
    /// rdfs:label ?n }' http://127.0.0.1:7878/query
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on, IP:PORT (port 0 takes a free one). Anyone who can reach it can
    /// read the whole store, so keep it on a loopback address unless that is what you want.
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "IP:PORT")]
    pub bind: std::net::SocketAddr,
    /// Accept SPARQL updates on POST /update.
    #[arg(long)]
    pub writable: bool,
    #[command(flatten)]
    pub store: StoreArg,
}

/// Which part of the graph the analyses see. Dates are YYYY-MM-DD.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only these event types (repeat or separate by commas), e.g. Attack,Call.
    #[arg(long = "event-type", value_name = "TYPE", value_delimiter = ',')]
    pub event_types: Vec<String>,
    /// Only facts on or after this day: events by their date (else their article's
    /// publication date), relations by the publication date of an article stating them.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<String>,
    /// Only facts on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<String>,
    /// Only facts from these documents (ids as listed by `docs`; repeat or separate by commas).
    #[arg(long = "doc", value_name = "ID", value_delimiter = ',')]
    pub docs: Vec<String>,
    /// Only entities bound to ?entity by this SPARQL group pattern, e.g.
    /// '?entity ng:officialOf/rdfs:label "Pakistan"' (common prefixes are predeclared).
    #[arg(long = "where", value_name = "PATTERN")]
    pub pattern: Option<String>,
}

/// Output formats of `lookup` and `path`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CardFormat {
    /// Readable text.
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct LookupArgs {
    /// A name, alias, word of a name, or entity IRI.
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Only consider entities of these types (Official, Person, State, MilitantGroup,
    /// Organization, Operation, Place), to settle an ambiguous name.
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    pub types: Vec<String>,
    /// Show the sentences and documents behind each event and relation.
    #[arg(long)]
    pub evidence: bool,
    /// Most events, relations and documents listed: the latest events, the relations most
    /// documents state (0 for all).
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CardFormat::Table)]
    pub format: CardFormat,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    /// Where the connection starts (a name, alias or IRI, as for `lookup`).
    #[arg(value_name = "FROM")]
    pub from: String,
    /// Where it ends.
    #[arg(value_name = "TO")]
    pub to: String,
    /// How many alternative connections to show, shortest first.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub k: usize,
    /// Longest connection to look for, in hops.
    #[arg(long = "max-hops", default_value_t = 4, value_name = "N")]
    pub max_hops: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CardFormat::Table)]
    pub format: CardFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub store: StoreArg,
}

/// Centrality measures of `rank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankBy {
    /// PageRank over the directed graph, facts between two entities as edge weight.
    Pagerank,
    /// Number of other entities directly connected.
    Degree,
    /// Normalised betweenness: share of shortest paths between others passing through.
    Betweenness,
}

#[derive(Debug, Args)]
pub struct RankArgs {
    /// The measure.
    #[arg(long, value_enum, default_value_t = RankBy::Pagerank)]
    pub by: RankBy,
    /// List only entities of these types; scores are still computed on the whole graph.
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    pub types: Vec<String>,
    /// How many to list (0 for all).
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct CommunitiesArgs {
    /// Only entities of these types take part.
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    pub types: Vec<String>,
    /// Louvain resolution: above 1 gives smaller communities, below 1 larger ones.
    #[arg(long, default_value_t = 1.0, value_name = "X")]
    pub resolution: f64,
    /// Smallest community listed.
    #[arg(long = "min-size", default_value_t = 2, value_name = "N")]
    pub min_size: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub store: StoreArg,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT.
    Dot,
    /// SVG drawn by Graphviz.
    Svg,
    /// PNG drawn by Graphviz.
    Png,
    /// GraphML, for Gephi, yEd and networkx.
    Graphml,
    /// CSV node list: id, label, type, date.
    NodesCsv,
    /// CSV edge list: source, target, label, kind, directed, event, date, documents, evidence.
    EdgesCsv,
    /// The store as Turtle (union of graphs).
    Turtle,
    /// The store as N-Triples (union of graphs).
    Ntriples,
    /// The store as N-Quads (named graphs kept).
    Nquads,
    /// The store as TriG (named graphs kept).
    Trig,
    /// The store as RDF/XML (union of graphs).
    Rdfxml,
    /// The store as JSON-LD (named graphs kept).
    Jsonld,
}

/// How events are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventsArg {
    /// As edges between their actors, targets and participants.
    Edges,
    /// As nodes linked to each argument by its role.
    Nodes,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Dot)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only the neighbourhood of this entity (a name, alias or IRI, as for `lookup`).
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,
    /// With --focus: how many hops around it.
    #[arg(long, default_value_t = 1, value_name = "N", requires = "focus")]
    pub depth: usize,
    /// With --focus: most nodes drawn, nearest and best connected first.
    #[arg(
        long = "max-nodes",
        default_value_t = 60,
        value_name = "N",
        requires = "focus"
    )]
    pub max_nodes: usize,
    /// Draw each community (Louvain) as a cluster (DOT, SVG, PNG).
    #[arg(long)]
    pub clusters: bool,
    /// Draw events as edges or as nodes.
    #[arg(long, value_enum, default_value_t = EventsArg::Edges)]
    pub events: EventsArg,
    /// Only entities of these types.
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    pub types: Vec<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub store: StoreArg,
}

/// Where the store lives.
#[derive(Debug, Args, Clone)]
pub struct StoreArg {
    /// Store directory (created on first ingest).
    #[arg(
        long,
        env = "NEWSGRAPH_STORE",
        default_value = "newsgraph.db",
        value_name = "DIR"
    )]
    pub store: PathBuf,
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// By extension: .jsonl is JSON lines, anything else plain text; stdin by its first character.
    Auto,
    /// Each file is one article.
    Text,
    /// One JSON object per line: {"id", "text", "date"?, "title"?, "url"?}.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    pub input: InputKind,
    /// Publication date (YYYY-MM-DD) for plain-text articles; otherwise a date in the file
    /// name is used, if any.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, folders, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    pub input: InputKind,
    /// Publication date (YYYY-MM-DD) for plain-text articles.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Indent the JSON (one record per document still, but spread over lines).
    #[arg(long)]
    pub pretty: bool,
}

/// Output formats of `query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// Aligned columns for reading.
    Table,
    Csv,
    Tsv,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL Query Results XML.
    Xml,
    /// For CONSTRUCT and DESCRIBE.
    Turtle,
    /// For CONSTRUCT and DESCRIBE.
    Ntriples,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The query text; omit it to use --file, or standard input.
    #[arg(value_name = "SPARQL", conflicts_with = "file")]
    pub query: Option<String>,
    /// Read the query from a file (`-` for standard input).
    #[arg(short, long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Output format (default: table for SELECT and ASK, turtle for CONSTRUCT and DESCRIBE).
    #[arg(long, value_enum)]
    pub format: Option<QueryFormat>,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The update text; omit it to use --file, or standard input.
    #[arg(value_name = "SPARQL", conflicts_with = "file")]
    pub update: Option<String>,
    /// Read the update from a file (`-` for standard input).
    #[arg(short, long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArg,
}

/// Tabular output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Csv,
    Tsv,
    Json,
}

#[derive(Debug, Args)]
pub struct DocsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    #[command(flatten)]
    pub store: StoreArg,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Ids of the documents to remove (as listed by `docs`).
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
    #[command(flatten)]
    pub store: StoreArg,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn analysis_commands_parse() {
        let cli =
            Cli::try_parse_from(["newsgraph", "path", "Iran", "Pakistan", "--k", "3"]).unwrap();
        let Command::Path(p) = cli.command else {
            panic!()
        };
        assert_eq!((p.k, p.max_hops), (3, 4));
        let cli = Cli::try_parse_from(["newsgraph", "rank", "--type", "State,Official"]).unwrap();
        let Command::Rank(r) = cli.command else {
            panic!()
        };
        assert_eq!(r.types, vec!["State", "Official"]);
        assert!(Cli::try_parse_from(["newsgraph", "export", "--depth", "2"]).is_err());
        assert!(Cli::try_parse_from(["newsgraph", "rank", "--by", "closeness"]).is_err());
    }

    #[test]
    fn store_defaults_and_overrides() {
        let cli = Cli::try_parse_from(["newsgraph", "docs", "--store", "/tmp/x"]).unwrap();
        let Command::Docs(d) = cli.command else {
            panic!()
        };
        assert_eq!(d.store.store, PathBuf::from("/tmp/x"));
        assert!(Cli::try_parse_from(["newsgraph", "query", "q", "--file", "f"]).is_err());
    }
}
