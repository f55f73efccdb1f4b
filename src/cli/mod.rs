//! The command line: every subcommand, flag and help text in one clap-derive definition; one
//! file per subcommand beside this one turns the raw arguments into calls to the library.

pub mod docs;
pub mod extract;
pub mod ingest;
pub mod output;
pub mod query;
pub mod remove;
pub mod update;

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
    fn store_defaults_and_overrides() {
        let cli = Cli::try_parse_from(["newsgraph", "docs", "--store", "/tmp/x"]).unwrap();
        let Command::Docs(d) = cli.command else {
            panic!()
        };
        assert_eq!(d.store.store, PathBuf::from("/tmp/x"));
        assert!(Cli::try_parse_from(["newsgraph", "query", "q", "--file", "f"]).is_err());
    }
}
