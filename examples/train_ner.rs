//! Trains the bundled name tagger (`src/extract/ner.model`) on CoNLL-2003 and CrossNER politics.
//!
//! The data is research-only and stays outside the repository; point this at it:
//!
//!     cargo run --release --example train_ner -- ../shared/data src/extract/ner.model
//!
//! Training is deterministic: the same data and settings give a byte-identical model. The
//! lexicon features come from `newsgraph::extract::names::build_lexicon`, the same function
//! extraction uses, so a retrained model always matches the bundled gazetteers.

use newsgraph::extract::names;
use newsgraph::extract::tagger::{Label, Model, TrainConfig, TrainSentence};
use std::path::PathBuf;
use std::time::Instant;

fn read_conll(path: &str) -> std::io::Result<Vec<TrainSentence>> {
    let text = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    let mut cur = TrainSentence::default();
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // Document separator lines carry the placeholder tag "-X-" in the POS column.
        if cols.is_empty() || cols.get(1) == Some(&"-X-") {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let word = cols[0];
        let label = cols
            .last()
            .and_then(|l| Label::parse(l))
            .unwrap_or(Label::O);
        cur.tokens.push(word.to_string());
        cur.labels.push(label);
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

fn map_crossner(tag: &str) -> Label {
    let Some((bio, ty)) = tag.split_once('-') else {
        return Label::O;
    };
    let coarse = match ty {
        "politician" | "person" => "PER",
        "country" | "location" => "LOC",
        "organisation" | "politicalparty" => "ORG",
        "election" | "event" | "misc" => "MISC",
        _ => return Label::O,
    };
    Label::parse(&format!("{bio}-{coarse}")).unwrap_or(Label::O)
}

fn read_crossner(path: &str) -> std::io::Result<Vec<TrainSentence>> {
    let text = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    let mut cur = TrainSentence::default();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let (word, tag) = line.rsplit_once('\t').unwrap_or((line, "O"));
        cur.tokens.push(word.trim().to_string());
        cur.labels.push(map_crossner(tag.trim()));
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    // Repair I- without a preceding same-type label (treat as B-).
    for s in &mut out {
        let mut prev = Label::O;
        for l in &mut s.labels {
            if l.is_inside() && prev.entity() != l.entity() {
                *l = Label::from_index(l.index() - 1).unwrap_or(Label::O);
            }
            prev = *l;
        }
    }
    Ok(out)
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let data = PathBuf::from(args.next().ok_or("usage: train_ner DATA_DIR OUT.model")?);
    let out = PathBuf::from(args.next().ok_or("usage: train_ner DATA_DIR OUT.model")?);
    let cfg = TrainConfig {
        epochs: 15,
        ensemble: 4,
        ..TrainConfig::default()
    };
    // CrossNER politics is small and closest to the news we target: it counts six times.
    let repeat = 6;
    let path = |f: &str| data.join(f).to_string_lossy().into_owned();
    let conll = read_conll(&path("conll2003-train.iob2.txt"))
        .map_err(|e| format!("{}: {e}", path("conll2003-train.iob2.txt")))?;
    let cross = read_crossner(&path("crossner-politics-train.txt"))
        .map_err(|e| format!("{}: {e}", path("crossner-politics-train.txt")))?;
    let mut sentences = conll.clone();
    for _ in 0..repeat {
        sentences.extend(cross.iter().cloned());
    }
    let lex = names::build_lexicon();
    eprintln!(
        "conll {} sentences, crossner {} sentences x{repeat}; lexicon {} entries; {cfg:?}",
        conll.len(),
        cross.len(),
        lex.len()
    );
    let t0 = Instant::now();
    let model = Model::train_with(&sentences, &lex, &cfg);
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "trained in {:.1} s; wrote {} bytes to {}",
        t0.elapsed().as_secs_f64(),
        bytes.len(),
        out.display()
    );
    Ok(())
}
