//! `newsgraph ingest`: reads articles, extracts them in parallel and stores each in its own graph.

use super::{IngestArgs, InputKind};
use anyhow::bail;
use newsgraph::input::{self, InputFormat, ReadOptions, Source};
use newsgraph::{Document, Store};
use std::io::IsTerminal;
use std::time::Instant;

pub fn to_format(k: InputKind) -> InputFormat {
    match k {
        InputKind::Auto => InputFormat::Auto,
        InputKind::Text => InputFormat::Text,
        InputKind::Jsonl => InputFormat::Jsonl,
    }
}

pub fn read_options(date: Option<&str>) -> anyhow::Result<ReadOptions> {
    if let Some(d) = date
        && !input::valid_date(d)
    {
        return Err(newsgraph::Error::BadDate {
            what: "--date".into(),
            value: d.into(),
        }
        .into());
    }
    Ok(ReadOptions {
        date: date.map(str::to_string),
    })
}

/// Reads every input; bad ones are skipped with a warning on stderr. Fails when nothing is
/// left to work on, or when a named path does not exist.
pub fn read_all(
    paths: &[String],
    format: InputFormat,
    opts: &ReadOptions,
) -> anyhow::Result<Vec<Document>> {
    let sources: Vec<Source> = paths.iter().map(|p| Source::parse(p)).collect();
    let files = input::expand(&sources)?;
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for f in &files {
        for d in input::read_source(f, format, opts) {
            match d {
                Ok(d) => docs.push(d),
                Err(e) => problems.push(e),
            }
        }
    }
    let all_failed = docs.is_empty();
    let n = problems.len();
    for (i, p) in problems.into_iter().enumerate() {
        if all_failed && i + 1 == n {
            return Err(p.into());
        }
        eprintln!("warning: skipped {p}");
    }
    if docs.is_empty() {
        bail!("no documents found in {}", paths.join(", "));
    }
    Ok(docs)
}

pub fn run(args: IngestArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let opts = read_options(args.date.as_deref())?;
    let docs = read_all(&args.paths, to_format(args.input), &opts)?;
    let store = Store::open(&args.store.store)?;
    let total = docs.len();
    let bar = (total > 1 && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(total as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} documents {per_sec} ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let summary = newsgraph::ingest::ingest(&store, docs, &now, |n| {
        if let Some(b) = &bar {
            b.set_position(n as u64);
        }
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for f in &summary.failed {
        eprintln!("warning: skipped {f}");
    }
    let secs = started.elapsed().as_secs_f64();
    if args.json {
        let mut v = serde_json::to_value(&summary)?;
        v["seconds"] = serde_json::json!((secs * 1000.0).round() / 1000.0);
        println!("{v}");
    } else {
        eprintln!(
            "{} documents ({} new, {} replaced, {} unchanged), {} entities, {} events, {} relations, {} triples in {:.2} s",
            summary.documents,
            summary.added,
            summary.replaced,
            summary.unchanged,
            summary.entities,
            summary.events,
            summary.relations,
            summary.triples,
            secs
        );
    }
    Ok(())
}
