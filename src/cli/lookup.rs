//! `newsgraph lookup`: one entity's card, as readable text or JSON.

use super::output::write_table;
use super::{CardFormat, LookupArgs};
use newsgraph::Store;
use newsgraph::lookup::{self, Card, CardOptions, Direction, EvidenceText};
use std::collections::BTreeMap;
use std::io::Write;

pub fn run(args: LookupArgs) -> anyhow::Result<()> {
    let types = super::view::entity_types(&args.types)?;
    let store = Store::open_existing(&args.store.store)?;
    let entity = lookup::resolve(&store, &args.name, &types)?;
    let opts = CardOptions {
        evidence: args.evidence,
        limit: args.limit,
    };
    let card = lookup::card(&store, &entity, &opts)?;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    match args.format {
        CardFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &card)?;
            writeln!(out)?;
        }
        CardFormat::Table => write_card(&mut out, &card, args.evidence)?,
    }
    out.flush()?;
    Ok(())
}

/// Numbers evidence sentences in order of first use, so table rows can cite them as [n].
#[derive(Default)]
struct Citations {
    order: Vec<EvidenceText>,
    index: BTreeMap<EvidenceText, usize>,
}

impl Citations {
    fn cite(&mut self, ev: &[EvidenceText]) -> String {
        let refs: Vec<String> = ev
            .iter()
            .map(|e| {
                let n = *self.index.entry(e.clone()).or_insert_with(|| {
                    self.order.push(e.clone());
                    self.order.len()
                });
                format!("[{n}]")
            })
            .collect();
        refs.join("")
    }
}

/// "Events (12)", or "Events (20 of 6068, latest first)" when the list is cut.
fn heading(what: &str, shown: usize, total: usize) -> String {
    if shown < total {
        format!("{what} ({shown} of {total})")
    } else {
        format!("{what} ({total})")
    }
}

fn or_dash(s: String) -> String {
    if s.is_empty() { "—".into() } else { s }
}

fn write_card(out: &mut impl Write, card: &Card, evidence: bool) -> anyhow::Result<()> {
    writeln!(out, "{} — {}", card.name, card.kind)?;
    let serves: Vec<String> = card
        .serves
        .iter()
        .map(|s| format!("{} ({})", s.name, s.kind))
        .collect();
    const SHOWN_DOCS: usize = 5;
    let mut docs = card
        .documents
        .iter()
        .take(SHOWN_DOCS)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if card.document_count > SHOWN_DOCS.min(card.documents.len()) {
        docs.push_str(&format!(", … ({} in all)", card.document_count));
    }
    for (k, v) in [
        ("iri", card.iri.clone()),
        ("aliases", card.aliases.join(", ")),
        ("wikidata", card.wikidata.clone().unwrap_or_default()),
        ("roles", card.roles.join("; ")),
        ("serves", serves.join(", ")),
        ("documents", docs),
    ] {
        writeln!(out, "  {k:<10} {}", or_dash(v))?;
    }
    let mut cites = Citations::default();

    writeln!(
        out,
        "\n{}",
        heading("Events", card.events.len(), card.event_count)
    )?;
    if !card.events.is_empty() {
        let mut header = vec!["type", "as", "date", "counterparts", "document"];
        if evidence {
            header.push("evidence");
        }
        let rows: Vec<Vec<String>> = card
            .events
            .iter()
            .map(|e| {
                let roles: Vec<&str> = e.roles.iter().map(|r| r.as_str()).collect();
                let who: Vec<String> = e
                    .counterparts
                    .iter()
                    .map(|c| format!("{} {}", c.role, c.name))
                    .collect();
                let mut row = vec![
                    e.kind.to_string(),
                    roles.join(", "),
                    or_dash(e.date.clone().unwrap_or_default()),
                    or_dash(who.join("; ")),
                    e.documents.join(", "),
                ];
                if evidence {
                    row.push(cites.cite(&e.evidence));
                }
                row
            })
            .collect();
        write_table(out, &header, &rows)?;
    }

    writeln!(
        out,
        "\n{}",
        heading("Relations", card.relations.len(), card.relation_count)
    )?;
    if !card.relations.is_empty() {
        let mut header = vec!["relation", "entity", "type", "document"];
        if evidence {
            header.push("evidence");
        }
        let rows: Vec<Vec<String>> = card
            .relations
            .iter()
            .map(|r| {
                let rel = match r.direction {
                    Direction::Out => format!("{} →", r.predicate),
                    Direction::In => format!("← {}", r.predicate),
                };
                let mut docs = r.documents.join(", ");
                if r.document_count > r.documents.len() {
                    docs.push_str(&format!(" … ({} in all)", r.document_count));
                }
                let mut row = vec![rel, r.other.name.clone(), r.other.kind.to_string(), docs];
                if evidence {
                    row.push(cites.cite(&r.evidence));
                }
                row
            })
            .collect();
        write_table(out, &header, &rows)?;
    }

    if evidence && !cites.order.is_empty() {
        writeln!(out, "\nEvidence")?;
        for (i, e) in cites.order.iter().enumerate() {
            writeln!(
                out,
                "[{}] {}: {}",
                i + 1,
                e.document,
                e.text.replace('\n', " ")
            )?;
        }
    }
    Ok(())
}
