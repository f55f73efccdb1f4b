//! The extractor: the pipeline from a document to its extraction record, chained in one place
//! (tokens and sentences -> mentions -> entities and relations -> events -> record).

pub mod dates;
pub mod entities;
pub mod events;
pub mod gazetteer;
pub mod mentions;
pub mod names;
pub mod tagger;

use crate::model::{
    ArgumentRecord, DocHeader, Document, EntityRecord, EventRecord, Extraction, MentionKind,
    MentionRecord, RelationRecord, SpanText,
};
use crate::text::{self, CharOffsets, Tokenized};
use crate::vocab;
use entities::Resolved;
use events::{Event, Filler};
use std::collections::BTreeSet;

/// Extracts entities, events and relations from one document. Deterministic: the same
/// document always gives the same record.
pub fn extract(doc: &Document) -> Extraction {
    let g = gazetteer::Gazetteer::bundled();
    let lex = events::Lexicon::bundled();
    let t = text::tokenize_article(&doc.text);
    let info = mentions::TokenInfo::new(&t);
    let found = mentions::find(&t, &info, g);
    let resolved = entities::resolve(&t, &info, g, found);
    let published = doc
        .date
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let evs = events::detect(&t, &info, &resolved, lex, published);
    record(doc, &t, &resolved, &evs)
}

/// [`extract`] behind a guard: a bug that panics on some input costs that document, not the
/// run (and never the store). The panic message is returned as an error.
pub fn try_extract(doc: &Document) -> crate::Result<Extraction> {
    std::panic::catch_unwind(|| extract(doc)).map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        crate::Error::Extraction {
            doc: doc.id.clone(),
            message: msg,
        }
    })
}

/// A lowercase ASCII slug for IRIs: "Anwaar-ul-Haq Kakar" -> "anwaar-ul-haq-kakar".
pub fn slug(s: &str) -> String {
    let ascii = deunicode::deunicode(s);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "x".into() } else { out }
}

fn record(doc: &Document, t: &Tokenized<'_>, res: &Resolved, evs: &[Event]) -> Extraction {
    let off = CharOffsets::new(&doc.text);
    let byte_span = |r: &std::ops::Range<usize>| (t.tokens[r.start].start, t.tokens[r.end - 1].end);
    let span_text = |a: usize, b: usize| SpanText {
        start: off.to_char(a),
        end: off.to_char(b),
        text: doc.text[a..b].to_string(),
    };
    let sentence_span = |si: usize| {
        let s = &t.sentences[si];
        SpanText {
            start: off.to_char(s.start),
            end: off.to_char(s.end),
            text: String::new(),
        }
    };
    let iri = |ei: usize| format!("{}{}", vocab::ID, res.entities[ei].key);

    // Entities in order of first mention; several resolved entities may share a key (the
    // same thing reached two ways), and become one record.
    let mut order: Vec<usize> = (0..res.entities.len())
        .filter(|&ei| !res.entities[ei].mentions.is_empty())
        .collect();
    order.sort_by_key(|&ei| res.mentions[res.entities[ei].mentions[0]].tokens.start);
    let mut records: Vec<EntityRecord> = Vec::new();
    for ei in order {
        let e = &res.entities[ei];
        let id = iri(ei);
        let mentions: Vec<MentionRecord> = e
            .mentions
            .iter()
            .map(|&mi| {
                let m = &res.mentions[mi];
                let (a, b) = byte_span(&m.tokens);
                MentionRecord {
                    start: off.to_char(a),
                    end: off.to_char(b),
                    text: doc.text[a..b].to_string(),
                    kind: m.kind,
                }
            })
            .collect();
        if let Some(r) = records.iter_mut().find(|r| r.id == id) {
            r.mentions.extend(mentions);
            r.mentions.sort_by_key(|m| (m.start, m.end));
            r.mentions.dedup_by_key(|m| (m.start, m.end));
            for role in &e.roles {
                if !r.roles.contains(role) {
                    r.roles.push(role.clone());
                }
            }
            continue;
        }
        records.push(EntityRecord {
            id,
            kind: e.kind,
            name: e.name.clone(),
            aliases: Vec::new(),
            wikidata: e.wikidata.clone(),
            roles: e.roles.clone(),
            mentions,
        });
    }
    for r in records.iter_mut() {
        let mut aliases: BTreeSet<String> = r
            .mentions
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Demonym))
            .map(|m| m.text.clone())
            .filter(|s| *s != r.name)
            .collect();
        aliases.retain(|a| !a.is_empty());
        r.aliases = aliases.into_iter().collect();
    }

    let mut events: Vec<EventRecord> = evs
        .iter()
        .map(|ev| {
            let mut triggers: Vec<SpanText> = ev
                .triggers
                .iter()
                .map(|&k| span_text(t.tokens[k].start, t.tokens[k].end))
                .collect();
            triggers.sort_by_key(|s| s.start);
            let arguments: Vec<ArgumentRecord> = ev
                .args
                .iter()
                .map(|a| match &a.filler {
                    Filler::Entity { entity, mention } => {
                        // "Russian forces", "Syrian security forces": the phrase whose head
                        // acts for the entity is the argument's text.
                        let m = &res.mentions[*mention].tokens;
                        let sent_end = t.sentences[t.sentence_of(m.start)].tokens.end;
                        let end = events::agent_phrase_end(
                            |k| t.token_text(k).to_lowercase(),
                            m.end,
                            sent_end,
                        )
                        .unwrap_or(m.end);
                        let (s, e) = byte_span(&(m.start..end));
                        ArgumentRecord {
                            role: a.role,
                            entity: Some(iri(*entity)),
                            start: off.to_char(s),
                            end: off.to_char(e),
                            text: doc.text[s..e].to_string(),
                        }
                    }
                    Filler::Span(a0, b0) => {
                        let (s, e) = byte_span(&(*a0..*b0));
                        ArgumentRecord {
                            role: a.role,
                            entity: None,
                            start: off.to_char(s),
                            end: off.to_char(e),
                            text: doc.text[s..e].to_string(),
                        }
                    }
                })
                .collect();
            let first = triggers.first().map(|s| s.start).unwrap_or(0);
            EventRecord {
                id: format!(
                    "{}event/{}",
                    vocab::ID,
                    crate::rdf::short_hash(&[&doc.id, ev.kind.as_str(), &first.to_string()])
                ),
                kind: ev.kind,
                cameo: ev.cameo.clone(),
                triggers,
                date: match ev.date {
                    Some(dates::When::Day(d)) => Some(d.to_string()),
                    _ => None,
                },
                period: match ev.date {
                    Some(dates::When::Period(a, b)) => Some(crate::model::Period {
                        start: a.to_string(),
                        end: b.to_string(),
                    }),
                    _ => None,
                },
                arguments,
                evidence: ev.sentences.iter().map(|&si| sentence_span(si)).collect(),
            }
        })
        .collect();
    events.sort_by_key(|e| e.triggers.first().map(|s| s.start).unwrap_or(0));

    let mut relations: Vec<RelationRecord> = res
        .relations
        .iter()
        .map(|r| RelationRecord {
            subject: iri(r.subject),
            predicate: r.predicate,
            object: iri(r.object),
            evidence: r.sentences.iter().map(|&si| sentence_span(si)).collect(),
        })
        .filter(|r| r.subject != r.object)
        .collect();
    relations.sort_by(|a, b| {
        (&a.subject, a.predicate, &a.object).cmp(&(&b.subject, b.predicate, &b.object))
    });
    relations.dedup_by(|a, b| {
        a.subject == b.subject && a.predicate == b.predicate && a.object == b.object
    });

    Extraction {
        doc: DocHeader {
            id: doc.id.clone(),
            date: doc.date.clone(),
        },
        entities: records,
        events,
        relations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Odd inputs must never panic: fragments, symbols, scripts, huge tokens, empty lines.
    #[test]
    fn survives_odd_text() {
        let sample = include_str!("../../examples/articles/pakistan-iran-2024-01-19.txt");
        let mut inputs: Vec<String> = vec![
            String::new(),
            " ".into(),
            "\n\n\n".into(),
            "’s".into(),
            "U.S.".into(),
            "Operation".into(),
            "Operation ‘".into(),
            "FM".into(),
            "the prime minister".into(),
            "Minister of".into(),
            "attack on".into(),
            "“”‘’—–…".repeat(50),
            "A".repeat(10_000),
            "Президент Путин встретился с Си Цзиньпином в Пекине.".into(),
            "رئيس الوزراء الباكستاني".into(),
            "🙂 Iran 🙂 struck 🙂 Pakistan 🙂".into(),
            "Tuesday Tuesday Tuesday night, last Friday, 31 February 2024, Sept. 99, 2016".into(),
        ];
        let chars: Vec<char> = sample.chars().collect();
        for cut in (0..chars.len()).step_by(37) {
            inputs.push(chars[cut..].iter().collect());
            inputs.push(chars[..cut].iter().collect());
        }
        for (i, text) in inputs.into_iter().enumerate() {
            let doc = Document {
                id: format!("odd-{i}"),
                text,
                date: Some("2024-01-19".into()),
                title: None,
                url: None,
            };
            let ex = try_extract(&doc).unwrap_or_else(|e| panic!("{e}"));
            let n = doc.text.chars().count();
            for e in &ex.entities {
                for m in &e.mentions {
                    assert!(m.start < m.end && m.end <= n);
                }
            }
        }
    }

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(slug("Anwaar-ul-Haq Kakar"), "anwaar-ul-haq-kakar");
        assert_eq!(slug("Türkiye"), "turkiye");
        assert_eq!(slug("Kata'ib Hezbollah"), "kataib-hezbollah");
        assert_eq!(slug("!!!"), "x");
    }
}
