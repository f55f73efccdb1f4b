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
        let lines: Vec<String> = chunk
            .par_iter()
            .map(|d| {
                let ex = newsgraph::extract(d);
                if args.pretty {
                    serde_json::to_string_pretty(&ex)
                } else {
                    serde_json::to_string(&ex)
                }
            })
            .collect::<Result<_, _>>()?;
        for l in lines {
            writeln!(out, "{l}")?;
        }
    }
    out.flush()?;
    Ok(())
}
