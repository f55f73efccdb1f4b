//! Measures extraction speed, single-threaded, on the development texts beside the project:
//!
//!     cargo run --release --example bench -- [DIR] [--passes N]
//!
//! DIR (default `../shared/data`) holds `conll2003-dev.jsonl`, `crossner-politics-dev.jsonl`,
//! `m2e2-voa-dev.jsonl` and `wikievents-dev.jsonl`; the `text` of each line is one document and
//! a missing file is skipped with a note. Two stages are timed: the entity stage (tokens,
//! mentions, entity resolution and relations: what `newsgraph::extract` does before events) and
//! the whole `newsgraph::extract`. Each runs one warm-up pass over every document, then N timed
//! passes (default 5); the table gives the median pass as MB/s (bytes of UTF-8 text per second),
//! characters/s and documents/s. The bundled gazetteer, name tagger and event lexicon load on
//! first use; those first calls are timed separately.

use newsgraph::extract::{entities, events, gazetteer::Gazetteer, mentions, names};
use newsgraph::{Document, text};
use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

const FILES: &[&str] = &[
    "conll2003-dev.jsonl",
    "crossner-politics-dev.jsonl",
    "m2e2-voa-dev.jsonl",
    "wikievents-dev.jsonl",
];

struct Args {
    dir: PathBuf,
    passes: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        dir: PathBuf::from("../shared/data"),
        passes: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--passes" => {
                args.passes = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--passes: expected a whole number above 0")?;
            }
            "-h" | "--help" => {
                return Err(
                    "usage: cargo run --release --example bench -- [DIR] [--passes N]".into(),
                );
            }
            s if s.starts_with('-') => return Err(format!("{s}: unknown option")),
            dir => args.dir = PathBuf::from(dir),
        }
    }
    Ok(args)
}

/// Every `text` of the development files found in `dir`, as documents (with their dates, which
/// event dating uses).
fn load(dir: &std::path::Path) -> Result<Vec<Document>, String> {
    let mut docs = Vec::new();
    for name in FILES {
        let path = dir.join(name);
        let Ok(content) = std::fs::read_to_string(&path) else {
            eprintln!("note: {} not found, skipped", path.display());
            continue;
        };
        for (i, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
            let Some(text) = v["text"].as_str() else {
                continue;
            };
            docs.push(Document {
                id: format!("{name}:{}", i + 1),
                text: text.to_string(),
                date: v["date"].as_str().map(str::to_string),
                title: None,
                url: None,
            });
        }
    }
    if docs.is_empty() {
        return Err(format!("{}: no development texts found", dir.display()));
    }
    Ok(docs)
}

/// Tokens, mentions, entities and relations: `newsgraph::extract` up to the event stage.
fn entity_stage(doc: &Document, g: &Gazetteer) -> usize {
    let t = text::tokenize(&doc.text);
    let info = mentions::TokenInfo::new(&t);
    let found = mentions::find(&t, &info, g);
    let resolved = entities::resolve(&t, &info, g, found);
    resolved.entities.len() + resolved.relations.len()
}

fn whole(doc: &Document) -> usize {
    let ex = newsgraph::extract(doc);
    ex.entities.len() + ex.events.len() + ex.relations.len()
}

/// The median of `passes` timed passes over every document, after one untimed pass.
fn median_pass(docs: &[Document], passes: usize, f: impl Fn(&Document) -> usize) -> Duration {
    let run = || {
        let start = Instant::now();
        for d in docs {
            black_box(f(black_box(d)));
        }
        start.elapsed()
    };
    run();
    let mut times: Vec<Duration> = (0..passes).map(|_| run()).collect();
    times.sort();
    times[times.len() / 2]
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if cfg!(debug_assertions) {
        eprintln!("note: a debug build; measure with --release");
    }
    // Load times first, before anything else touches the bundled data.
    let (g, gazetteer) = timed(Gazetteer::bundled);
    let (_, lexicon) = timed(names::lexicon);
    let (model, tagger) = timed(names::model);
    let (_, cues) = timed(events::Lexicon::bundled);
    if model.is_none() {
        eprintln!("warning: the bundled name model did not load; names come from rules alone");
    }
    let docs = match load(&args.dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let chars: usize = docs.iter().map(|d| d.text.chars().count()).sum();

    println!(
        "{} documents, {:.2} MB ({chars} characters) from {}; single thread, median of {} passes after a warm-up",
        docs.len(),
        bytes as f64 / 1e6,
        args.dir.display(),
        args.passes
    );
    println!(
        "load on first call: gazetteer {}, name lexicon {}, name model {}, event lexicon {} (total {})",
        ms(gazetteer),
        ms(lexicon),
        ms(tagger),
        ms(cues),
        ms(gazetteer + lexicon + tagger + cues)
    );
    println!();
    let rows = [
        (
            "entities (tokens, mentions, resolution)",
            median_pass(&docs, args.passes, |d| entity_stage(d, g)),
        ),
        ("whole extract", median_pass(&docs, args.passes, whole)),
    ];
    println!(
        "{:<40}  {:>9}  {:>6}  {:>9}  {:>7}",
        "stage", "median s", "MB/s", "chars/s", "docs/s"
    );
    for (name, t) in rows {
        let s = t.as_secs_f64();
        println!(
            "{name:<40}  {s:>9.3}  {:>6.2}  {:>9.0}  {:>7.0}",
            bytes as f64 / s / 1e6,
            chars as f64 / s,
            docs.len() as f64 / s
        );
    }
    ExitCode::SUCCESS
}
