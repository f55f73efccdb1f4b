//! `newsgraph query`: SPARQL over the union of all graphs, as a table or a standard format.

use super::output::{PREFIXES, term_text, write_table};
use super::{QueryArgs, QueryFormat};
use anyhow::{Context, bail};
use newsgraph::Store;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::io::{Read, Write};
use std::path::Path;

/// The query or update text from the argument, a file, or standard input.
pub fn read_text(arg: Option<String>, file: Option<&Path>, what: &str) -> anyhow::Result<String> {
    let text = match (arg, file) {
        (Some(q), _) => q,
        (None, Some(p)) if p == Path::new("-") => read_stdin()?,
        (None, Some(p)) => std::fs::read_to_string(p)
            .with_context(|| format!("{}: cannot read {what}", p.display()))?,
        (None, None) => read_stdin()?,
    };
    if text.trim().is_empty() {
        bail!("empty {what}: give it as an argument, with --file, or on standard input");
    }
    Ok(text)
}

fn read_stdin() -> anyhow::Result<String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .context("<stdin>: not UTF-8 text")?;
    Ok(s)
}

/// Predeclares the common prefixes; a query's own declarations come later and win.
pub fn with_prefixes(text: &str) -> String {
    newsgraph::vocab::sparql_prefixes() + text
}

pub fn run(args: QueryArgs) -> anyhow::Result<()> {
    let text = read_text(args.query, args.file.as_deref(), "query")?;
    let store = Store::open_existing(&args.store.store)?;
    let results = store.query(&with_prefixes(&text))?;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    match results {
        QueryResults::Solutions(solutions) => {
            let vars: Vec<_> = solutions.variables().to_vec();
            let format = args.format.unwrap_or(QueryFormat::Table);
            let rf = match format {
                QueryFormat::Table => {
                    let header: Vec<String> = vars.iter().map(|v| v.as_str().to_string()).collect();
                    let mut rows = Vec::new();
                    for s in solutions {
                        let s = s?;
                        rows.push(
                            vars.iter()
                                .map(|v| s.get(v).map(term_text).unwrap_or_default())
                                .collect(),
                        );
                    }
                    let h: Vec<&str> = header.iter().map(String::as_str).collect();
                    write_table(&mut out, &h, &rows)?;
                    return Ok(out.flush()?);
                }
                QueryFormat::Csv => QueryResultsFormat::Csv,
                QueryFormat::Tsv => QueryResultsFormat::Tsv,
                QueryFormat::Json => QueryResultsFormat::Json,
                QueryFormat::Xml => QueryResultsFormat::Xml,
                QueryFormat::Turtle | QueryFormat::Ntriples => {
                    bail!(
                        "--format {format:?} is for CONSTRUCT and DESCRIBE; a SELECT gives table, csv, tsv, json or xml"
                    )
                }
            };
            let mut w = QueryResultsSerializer::from_format(rf)
                .serialize_solutions_to_writer(&mut out, vars)?;
            for s in solutions {
                w.serialize(&s?)?;
            }
            w.finish()?;
        }
        QueryResults::Boolean(b) => match args.format.unwrap_or(QueryFormat::Table) {
            QueryFormat::Table => writeln!(out, "{b}")?,
            QueryFormat::Csv => {
                QueryResultsSerializer::from_format(QueryResultsFormat::Csv)
                    .serialize_boolean_to_writer(&mut out, b)?;
            }
            QueryFormat::Tsv => {
                QueryResultsSerializer::from_format(QueryResultsFormat::Tsv)
                    .serialize_boolean_to_writer(&mut out, b)?;
            }
            QueryFormat::Json => {
                QueryResultsSerializer::from_format(QueryResultsFormat::Json)
                    .serialize_boolean_to_writer(&mut out, b)?;
            }
            QueryFormat::Xml => {
                QueryResultsSerializer::from_format(QueryResultsFormat::Xml)
                    .serialize_boolean_to_writer(&mut out, b)?;
            }
            f => bail!(
                "--format {f:?} is for CONSTRUCT and DESCRIBE; ASK gives table, csv, tsv, json or xml"
            ),
        },
        QueryResults::Graph(triples) => {
            let format = match args.format.unwrap_or(QueryFormat::Turtle) {
                QueryFormat::Turtle => RdfFormat::Turtle,
                QueryFormat::Ntriples => RdfFormat::NTriples,
                f => bail!(
                    "--format {f:?} is for SELECT and ASK; CONSTRUCT and DESCRIBE give turtle or ntriples"
                ),
            };
            let mut ser = RdfSerializer::from_format(format);
            if format == RdfFormat::Turtle {
                for (p, ns) in PREFIXES {
                    ser = ser.with_prefix(*p, *ns)?;
                }
            }
            let mut w = ser.for_writer(&mut out);
            for t in triples {
                w.serialize_triple(&t?)?;
            }
            w.finish()?;
        }
    }
    out.flush()?;
    Ok(())
}
