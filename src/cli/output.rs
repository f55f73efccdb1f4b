//! Shared output helpers: aligned tables, CSV/TSV/JSON rows, and compact term rendering.

use super::TableFormat;
use oxigraph::model::Term;
use std::io::Write;

pub use newsgraph::vocab::PREFIXES;

/// A term as a person reads it: literals as their value, IRIs with a known prefix.
pub fn term_text(t: &Term) -> String {
    match t {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => {
            let s = n.as_str();
            PREFIXES
                .iter()
                .find_map(|(p, ns)| s.strip_prefix(ns).map(|rest| format!("{p}:{rest}")))
                .unwrap_or_else(|| format!("<{s}>"))
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// Writes rows in the chosen format. Cells are plain strings.
pub fn write_rows(
    out: &mut impl Write,
    format: TableFormat,
    header: &[&str],
    rows: &[Vec<String>],
) -> anyhow::Result<()> {
    match format {
        TableFormat::Table => write_table(out, header, rows)?,
        TableFormat::Csv | TableFormat::Tsv => {
            let mut w = csv::WriterBuilder::new()
                .delimiter(if format == TableFormat::Csv {
                    b','
                } else {
                    b'\t'
                })
                .quote_style(if format == TableFormat::Csv {
                    csv::QuoteStyle::Necessary
                } else {
                    csv::QuoteStyle::Never
                })
                .from_writer(out);
            w.write_record(header)?;
            for r in rows {
                if format == TableFormat::Tsv {
                    let clean: Vec<String> =
                        r.iter().map(|c| c.replace(['\t', '\n'], " ")).collect();
                    w.write_record(&clean)?;
                } else {
                    w.write_record(r)?;
                }
            }
            w.flush()?;
        }
        TableFormat::Json => {
            let objs: Vec<serde_json::Map<String, serde_json::Value>> = rows
                .iter()
                .map(|r| {
                    header
                        .iter()
                        .zip(r)
                        .map(|(h, c)| ((*h).to_string(), serde_json::Value::String(c.clone())))
                        .collect()
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &objs)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Aligned columns, cells cut to a readable width, newlines folded.
pub fn write_table(
    out: &mut impl Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    const MAX: usize = 80;
    let clean = |s: &str| -> String {
        let s = s.replace(['\n', '\t'], " ");
        if s.chars().count() > MAX {
            let cut: String = s.chars().take(MAX - 1).collect();
            format!("{cut}…")
        } else {
            s
        }
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
    }
    let line = |out: &mut dyn Write, cols: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, c) in cols.iter().enumerate() {
            if i + 1 == cols.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(widths[i] - c.chars().count() + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    line(out, &head)?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    line(out, &rule)?;
    for r in &cells {
        line(out, r)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn terms_render_compactly() {
        let n =
            Term::NamedNode(NamedNode::new("https://w3id.org/newsgraph/ontology#Attack").unwrap());
        assert_eq!(term_text(&n), "ng:Attack");
        let l = Term::Literal(Literal::new_simple_literal("Iran"));
        assert_eq!(term_text(&l), "Iran");
    }

    #[test]
    fn tables_align_and_csv_quotes() {
        let mut out = Vec::new();
        write_rows(
            &mut out,
            TableFormat::Table,
            &["a", "bb"],
            &[vec!["xxx".into(), "y".into()]],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a    bb\n───  ──\nxxx  y\n"
        );
        let mut out = Vec::new();
        write_rows(&mut out, TableFormat::Csv, &["a"], &[vec!["x,y".into()]]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a\n\"x,y\"\n");
    }
}
