//! `newsgraph extract`: the JSON extraction record of each article, one line per document.

use super::ExtractArgs;
use super::ingest::{read_all, read_options, to_format};
use rayon::prelude::*;
use std::io::Write;

pub fn run(args: ExtractArgs) -> anyhow::Result<()> {
    let opts = read_options(args.date.as_deref())?;
    let docs = read_all(&args.paths, to_format(args.input), &opts)?;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    // Parallel in chunks, printed in input order.
    for chunk in docs.chunks(256) {
        let lines: Vec<newsgraph::Result<serde_json::Result<String>>> = chunk
            .par_iter()
            .map(|d| {
                newsgraph::extract::try_extract(d).map(|ex| {
                    if args.pretty {
                        serde_json::to_string_pretty(&ex)
                    } else {
                        serde_json::to_string(&ex)
                    }
                })
            })
            .collect();
        for l in lines {
            match l {
                Ok(l) => writeln!(out, "{}", l?)?,
                Err(e) => eprintln!("warning: skipped {e}"),
            }
        }
    }
    out.flush()?;
    Ok(())
}
