//! Mention detection: gazetteer names, demonyms and capitals, titled person names, named
//! operations, and capitalised name spans typed from their shape and context.

use super::gazetteer::{self, Gazetteer, Surface, Title};
use super::names::{self, Coarse};
use crate::model::{EntityType, MentionKind};
use crate::text::{NAME_PARTICLES, Tokenized};
use std::ops::Range;

/// A title held by a named person, before the name ("Iranian Foreign Minister X") or in an
/// apposition after it ("X, Afghanistan's foreign minister,"): its tokens (qualifiers
/// included), its category, and the whole phrase, where the state or body it serves is named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleRef {
    pub tokens: Range<usize>,
    pub category: String,
    /// The title phrase with its complements and possessor, never the name itself.
    pub scope: Range<usize>,
    /// The gazetteer entry of the one state whose office the title is, if only one has it.
    pub state: Option<usize>,
}

/// The category of the pseudo-title "member (of)": membership, not office.
pub const MEMBER: &str = "member";

/// One mention: a token range, what kind of reference it is, and a type guess.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub tokens: Range<usize>,
    pub kind: MentionKind,
    pub guess: EntityType,
    /// The gazetteer entry it names, if any.
    pub entry: Option<usize>,
    pub surface: Option<Surface>,
    pub title: Option<TitleRef>,
}

/// Per-token facts the detectors share.
pub struct TokenInfo {
    pub norm: Vec<String>,
    /// Capitalised as a name would be: a headline's title-cased common words are not.
    pub cap: Vec<bool>,
    /// Title-cased in a headline but an ordinary word ("Says", "Attacked"): read in lower case.
    pub lowered: Vec<bool>,
}

impl TokenInfo {
    pub fn new(t: &Tokenized<'_>) -> Self {
        let n = t.tokens.len();
        let norm: Vec<String> = (0..n)
            .map(|i| gazetteer::norm_token(t.token_text(i)))
            .collect();
        let lowered = headline_lowered(t, &norm);
        let cap = lowered
            .iter()
            .enumerate()
            .map(|(i, &low)| {
                !low && t
                    .token_text(i)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            })
            .collect();
        TokenInfo { norm, cap, lowered }
    }
}

/// Small words that headlines capitalise.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "as", "after", "before", "over", "amid", "against", "into", "inside", "outside", "near",
    "about", "its", "his", "her", "their", "is", "are", "was", "were", "be", "been", "will",
    "would", "could", "can", "may", "not", "no", "new", "more", "up", "out", "off", "says", "say",
    "said", "that", "this", "who", "what", "how", "why",
];

/// Truecasing for title-case headlines: in a run of at least four capitalised words that opens
/// a sentence ("Kyiv Says Russian Military Attacked Its Forces"), the words this document
/// otherwise writes in lower case (or that are small function words) are ordinary words, so
/// neither the tagger nor the rules take the headline for one long name. Names keep their
/// capitals: the document writes them capitalised mid-sentence.
/// `norm` holds the tokens' normalised (lower-case) forms.
pub fn headline_lowered(t: &Tokenized<'_>, norm: &[String]) -> Vec<bool> {
    let n = t.tokens.len();
    let mut lowered = vec![false; n];
    let is_word = |i: usize| {
        t.token_text(i)
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
    };
    let is_cap = |i: usize| {
        t.token_text(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for s in &t.sentences {
        let mut j = s.tokens.start;
        let mut caps = 0;
        while j < s.tokens.end {
            if is_word(j) {
                if is_cap(j) {
                    caps += 1;
                } else if !FUNCTION_WORDS.contains(&norm[j].as_str())
                    && !NAME_PARTICLES.contains(&norm[j].as_str())
                {
                    break;
                }
            }
            j += 1;
        }
        if caps >= 4 {
            runs.push(s.tokens.start..j);
        }
    }
    if runs.is_empty() {
        return lowered;
    }
    let mut in_run = vec![false; n];
    for r in &runs {
        in_run[r.clone()].iter_mut().for_each(|x| *x = true);
    }
    // How the rest of the document writes each word: in lower case, or capitalised where a
    // sentence does not start.
    let mut lower: std::collections::HashMap<&str, (usize, usize)> =
        std::collections::HashMap::new();
    let events = super::events::Lexicon::bundled();
    for s in &t.sentences {
        for i in s.tokens.clone() {
            if in_run[i] || !is_word(i) {
                continue;
            }
            let e = lower.entry(crude_stem(&norm[i])).or_default();
            if !is_cap(i) {
                e.0 += 1;
            } else if i > s.tokens.start {
                e.1 += 1;
            }
            // The parts of a lower-case compound are lower-case words too: "knife-wielding"
            // makes the headline's "Knife Attack" ordinary.
            if !is_cap(i) && norm[i].contains('-') {
                for part in norm[i].split('-').filter(|p| p.len() > 2) {
                    lower.entry(crude_stem(part)).or_default().0 += 1;
                }
            }
        }
    }
    for r in runs {
        let ordinary: Vec<usize> = r
            .clone()
            .skip(1)
            .filter(|&i| {
                let s = t.token_text(i);
                let acronym = s.chars().filter(|c| c.is_alphabetic()).count() > 1
                    && s.chars().all(|c| !c.is_lowercase());
                let key = norm[i].as_str();
                let counts = lower.get(crude_stem(key)).copied().unwrap_or_default();
                is_word(i)
                    && is_cap(i)
                    && !acronym
                    && (FUNCTION_WORDS.contains(&key)
                        || counts.0 > counts.1
                        || counts.1 == 0 && events.is_cue_word(key))
            })
            .collect();
        // One ordinary word is enough when it is an event word ("Baltimore Death Draws
        // Protests Nationwide").
        if ordinary.len() >= 2
            || ordinary.iter().any(|&i| {
                events.is_cue_word(&norm[i]) && !FUNCTION_WORDS.contains(&norm[i].as_str())
            })
        {
            for i in ordinary {
                lowered[i] = true;
            }
        }
    }
    lowered
}

/// A word without its inflection, so a headline's "Detain" and "Protests" meet the text's
/// "detained" and "protest": "-ing", "-ed", "-es", "-s" and a final "e" go when four letters
/// stay.
fn crude_stem(w: &str) -> &str {
    let mut s = w;
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(rest) = s.strip_suffix(suffix)
            && rest.chars().count() >= 4
        {
            s = rest;
            break;
        }
    }
    match s.strip_suffix('e') {
        Some(rest) if rest.chars().count() >= 4 => rest,
        _ => s,
    }
}

/// Capitalised words that do not start names.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "when",
    "while",
    "after",
    "before",
    "as",
    "if",
    "since",
    "though",
    "although",
    "because",
    "meanwhile",
    "however",
    "also",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "some",
    "many",
    "most",
    "all",
    "both",
    "no",
    "not",
    "yes",
    "mr",
    "mrs",
    "ms",
    "today",
    "yesterday",
    "tomorrow",
    "officials",
    "according",
    "one",
    "two",
    "three",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "several",
    "another",
    "other",
    "such",
    "each",
    "every",
    "even",
    "only",
    "now",
    "then",
    "still",
    "last",
    "next",
    "during",
    "under",
    "over",
    "about",
    "against",
    "into",
    "amid",
    "despite",
    "following",
    "earlier",
    "later",
    "further",
    "former",
    "new",
    "said",
    "says",
    "more",
];

/// Lower-case connectors allowed inside a name ("Minister of Foreign Affairs", "Jaish al Adl").
const CONNECTORS: &[&str] = &[
    "of", "al", "al-", "el", "bin", "ibn", "ul", "de", "la", "du", "van", "von", "der", "da",
    "for", "and", "e",
];

/// Head words that make a capitalised span an organisation.
/// Head words of armed and police bodies ("Afghan National Army", "Iraqi Security Forces").
pub const ARMED_HEADS: &[&str] = &[
    "army",
    "forces",
    "force",
    "police",
    "guard",
    "guards",
    "corps",
    "navy",
    "gendarmerie",
];

const ORG_HEADS: &[&str] = &[
    "army",
    "forces",
    "force",
    "ministry",
    "office",
    "committee",
    "council",
    "forum",
    "party",
    "front",
    "union",
    "organization",
    "organisation",
    "agency",
    "commission",
    "assembly",
    "parliament",
    "court",
    "bank",
    "corps",
    "guard",
    "guards",
    "brigade",
    "brigades",
    "movement",
    "group",
    "network",
    "institute",
    "university",
    "department",
    "service",
    "police",
    "navy",
    "league",
    "alliance",
    "coalition",
    "association",
    "federation",
    "company",
    "corporation",
    "times",
    "post",
    "news",
    "press",
    "cabinet",
    "senate",
    "congress",
    "foundation",
    "authority",
    "fund",
    "program",
    "programme",
    "mission",
    "bureau",
    "board",
    "secretariat",
    "inc.",
    "ltd",
    "corp.",
    "co.",
    "tribunal",
    "club",
    "team",
    "airlines",
    "command",
    "directorate",
    "administration",
    "government",
];

/// Words that mark an organisation span as an armed group.
const MILITANT_WORDS: &[&str] = &[
    "liberation",
    "jihad",
    "mujahideen",
    "mujahidin",
    "taliban",
    "lashkar",
    "jaish",
    "tehreek",
    "tehrik",
    "militia",
    "militias",
    "insurgents",
    "rebels",
    "fighters",
    "brigades",
    "martyrs",
    "ansar",
    "jamaat",
    "harkat",
    "hizb",
];

/// Context words before a span that mark it as an armed group.
const MILITANT_CONTEXT: &[&str] = &[
    "outlawed",
    "militant",
    "terrorist",
    "insurgent",
    "banned",
    "separatist",
    "rebel",
    "jihadist",
    "armed",
    "proscribed",
    "extremist",
];

const LOCATIVE: &[&str] = &[
    "in", "at", "from", "to", "into", "near", "outside", "inside", "across", "around", "via",
    "toward", "towards", "through", "within",
];

/// Capitalised words that start no name: [`NOT_NAMES`], months and weekdays.
fn not_name(w: &str) -> bool {
    NOT_NAMES.contains(&w) || super::dates::is_month(w) || super::dates::is_weekday(w)
}

fn is_connector(norm: &str) -> bool {
    CONNECTORS.contains(&norm)
}

/// Finds all mentions, left to right, without overlaps: named operations, titled persons,
/// gazetteer names, and the names the statistical tagger finds (capitalised runs when the
/// model is unavailable).
pub fn find(t: &Tokenized<'_>, info: &TokenInfo, g: &Gazetteer) -> Vec<Mention> {
    let tagged = names::find(t, &info.lowered);
    let use_tagger = names::model().is_some();
    let mut tag_at: Vec<Option<(usize, Coarse)>> = vec![None; t.tokens.len()];
    for n in &tagged {
        // "the Dreamland Motel in Junction City": where a building stands is not part of
        // its name (while "Human Rights in China" is one).
        let end = n
            .tokens
            .clone()
            .skip(1)
            .find(|&k| {
                matches!(t.token_text(k), "in" | "at" | "near")
                    && FACILITY_WORDS.contains(&info.norm[k - 1].as_str())
                    // "the IRA's Belfast brigade": an acronym's possessive ends its name.
                    || matches!(t.token_text(k), "'s" | "’s")
                        && k == n.tokens.start + 1
                        && gazetteer::is_acronym(t.token_text(n.tokens.start))
            })
            .unwrap_or(n.tokens.end);
        // "the Philippines and Belgium": two known names, unless the pair is one
        // ("Bosnia and Herzegovina"); "Social Democratic and Labour Party" stays whole.
        let key = |r: std::ops::Range<usize>| {
            r.map(|k| info.norm[k].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let end = (n.tokens.start + 1..end)
            .find(|&k| {
                info.norm[k] == "and"
                    && g.lookup(&key(n.tokens.start..end)).is_empty()
                    && !g.lookup(&key(n.tokens.start..k)).is_empty()
                    && !g.lookup(&key(k + 1..end)).is_empty()
            })
            .unwrap_or(end);
        tag_at[n.tokens.start] = Some((end, n.class));
    }
    // "Calle del Correo", "Rio de Janeiro": a name particle between two tagged names of one
    // kind joins them.
    for i in 0..tag_at.len() {
        let Some((e, class)) = tag_at[i] else {
            continue;
        };
        let mut j = e;
        while j < tag_at.len()
            && j < e + 2
            && matches!(
                t.token_text(j),
                "de" | "del" | "della" | "di" | "da" | "do" | "dos" | "la"
            )
        {
            j += 1;
        }
        if j > e
            && let Some(Some((e2, c2))) = tag_at.get(j).copied()
            && c2 == class
        {
            tag_at[i] = Some((e2, class));
            tag_at[j] = None;
        } else if e < tag_at.len() && arabic_article(t.token_text(e)) {
            // "Badia al-Sukhnah", "Deir al-Zor": the article opens the name's next word.
            let end = match tag_at[e] {
                Some((e2, c2)) if c2 == class => e2,
                _ => e + 1,
            };
            tag_at[e] = None;
            tag_at[i] = Some((end, class));
        }
    }
    // The tagger takes a nationality before an armed body's name for a word of its own
    // ("Afghan" | "National Army") or the whole for a nationality phrase ("Afghan National
    // Police"): a demonym that opens a run ending in such a head names that body.
    let demonym = |i: usize| {
        gazetteer_at(t, info, g, i, i + 1).is_some_and(|(_, _, s)| s == Surface::Demonym)
    };
    for i in 0..tag_at.len() {
        let Some((e, Coarse::Misc)) = tag_at[i] else {
            continue;
        };
        let e = match tag_at.get(e).copied().flatten() {
            Some((e2, Coarse::Org)) if e == i + 1 => e2,
            _ => e,
        };
        if e > i + 1 && ARMED_HEADS.contains(&info.norm[e - 1].as_str()) && demonym(i) {
            if let Some(next) = tag_at.get_mut(i + 1) {
                *next = None;
            }
            tag_at[i] = Some((e, Coarse::Org));
        }
    }
    let mut out = Vec::new();
    for s in &t.sentences {
        let mut i = s.tokens.start;
        let end = s.tokens.end;
        while i < end {
            if let Some((m, next)) = operation_at(t, info, i, end) {
                out.push(m);
                i = next;
                continue;
            }
            if let Some((title, after)) = title_at(t, info, g, i, end) {
                // Skip an "of <State>" between title and name; the state is its own mention.
                let (mut name_start, between) = skip_title_complement(t, info, g, after, end);
                out.extend(between);
                // "Chief of Army Staff General Asim Munir": a rank after the office belongs to
                // the title, not the name.
                while let Some((_, next)) = title_at(t, info, g, name_start, end) {
                    name_start = next;
                }
                let tagged_end = tag_at
                    .get(name_start)
                    .copied()
                    .flatten()
                    .filter(|(_, c)| *c == Coarse::Per)
                    .map(|(e, _)| e);
                // The tagger may split a name the rules keep whole ("Anwaar-ul-Haq" "Kakar").
                let rule_end = person_name_end(t, info, name_start, end);
                let name_end = match (tagged_end, rule_end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (a, b) => a.or(b),
                };
                if let Some(name_end) =
                    name_end.filter(|_| gazetteer_at(t, info, g, name_start, end).is_none())
                {
                    let title = TitleRef {
                        scope: title.tokens.start..name_start,
                        ..title
                    };
                    out.push(Mention {
                        tokens: name_start..name_end,
                        kind: MentionKind::Name,
                        guess: EntityType::Official,
                        entry: None,
                        surface: None,
                        title: Some(title),
                    });
                    i = name_end;
                    continue;
                }
                // "the prime minister", "the country’s foreign minister": a nominal reference
                // to whoever holds the title in the article.
                let definite =
                    i > s.tokens.start && matches!(info.norm[i - 1].as_str(), "the" | "’s" | "'s");
                if definite {
                    out.push(Mention {
                        tokens: title.tokens.clone(),
                        kind: MentionKind::Nominal,
                        guess: EntityType::Official,
                        entry: None,
                        surface: None,
                        title: Some(title),
                    });
                    i = after;
                    continue;
                }
                i = name_start.max(i + 1);
                continue;
            }
            let gaz = gazetteer_at(t, info, g, i, end);
            let run_end = if use_tagger {
                tag_at[i].map(|(e, _)| e.min(end)).unwrap_or(i)
            } else {
                cap_run_end(t, info, i, end)
            };
            // "UN Secretary-General Antonio Guterres", "Hamas leader Ismail Haniyeh": a title
            // inside a run that goes on to a name ends the body's name; the title and the
            // person are found next.
            let run_end = (i + 1..run_end)
                .find(|&k| {
                    title_at(t, info, g, k, end).is_some_and(|(_, after)| {
                        after < end && info.cap[after] && !not_name(info.norm[after].as_str())
                    })
                })
                .unwrap_or(run_end);
            // A capitalised quantity is no name ("Hundreds of students …").
            let run_end = if (i..run_end).all(|k| {
                matches!(
                    info.norm[k].as_str(),
                    "dozens" | "hundreds" | "thousands" | "millions" | "scores" | "several"
                )
            }) {
                i
            } else {
                run_end
            };
            if run_end > i {
                let class = tag_at[i].map(|(_, c)| c);
                let run_is_org = (ORG_HEADS.contains(&info.norm[run_end - 1].as_str())
                    && run_end - i > 1)
                    || class == Some(Coarse::Org)
                        && gaz.is_some_and(|(len, e, _)| {
                            i + len < run_end && g.entries[e].kind == EntityType::State
                        });
                // The gazetteer names a thing only when the span is no longer than its
                // phrase; a longer name that starts with one ("Democratic Party of Japan",
                // "Pakistan Army") is a different thing.
                let gaz_fits = |len: usize| {
                    i + len >= run_end
                        || (!use_tagger && !run_is_org)
                        || (i + len..run_end).all(|k| not_name(info.norm[k].as_str()))
                };
                match gaz {
                    Some((len, entry, surface)) if gaz_fits(len) => {
                        out.push(gaz_mention(i..i + len, entry, surface, g));
                        i += len;
                    }
                    // An article the tagger took into a phrase it calls neither person, place
                    // nor body may precede a known name: "(AP) — The Taliban fired …".
                    _ if class == Some(Coarse::Misc) => {
                        let known = info.norm[i] == "the"
                            && gazetteer_at(t, info, g, i + 1, end)
                                .is_some_and(|(len, ..)| i + 1 + len == run_end);
                        i = if known { i + 1 } else { run_end };
                    }
                    _ => {
                        let guess = guess_type(t, info, i, run_end, s.tokens.start, class);
                        out.push(Mention {
                            tokens: i..run_end,
                            kind: MentionKind::Name,
                            guess,
                            entry: None,
                            surface: None,
                            title: None,
                        });
                        i = run_end;
                    }
                }
                continue;
            }
            if let Some((len, entry, surface)) = gaz {
                out.push(gaz_mention(i..i + len, entry, surface, g));
                i += len;
                continue;
            }
            i += 1;
        }
    }
    drop_dates(t, info, &mut out);
    // A feast names a time, not a thing: "the Christmas market in Strasbourg".
    out.retain(|m| {
        !(m.entry.is_none()
            && m.tokens.len() == 1
            && HOLIDAYS.contains(&info.norm[m.tokens.start].as_str()))
    });
    places_by_company(t, info, &mut out);
    attach_appositions(t, info, g, &mut out);
    nominal_references(t, info, &mut out);
    out
}

/// Kinds of place an apposition may call a name: "Sake, a town 25 km west of Goma".
const PLACE_KINDS: &[&str] = &[
    "town",
    "city",
    "village",
    "district",
    "province",
    "region",
    "suburb",
    "port",
    "county",
    "neighbourhood",
    "neighborhood",
    "enclave",
    "area",
    "capital",
    "settlement",
    "camp",
    "municipality",
    "locality",
    "hamlet",
    "island",
    "valley",
    "governorate",
    "stronghold",
];

/// An unknown name the tagger took for a person is a place by the company it keeps: an
/// apposition that calls it one ("Sake, a town west of Goma") or a list of places it stands
/// in ("in Muzaffarabad and Kotli", "in Kotli and Muzaffarabad").
fn places_by_company(t: &Tokenized<'_>, info: &TokenInfo, out: &mut [Mention]) {
    let norm = &info.norm;
    let mut places = Vec::new();
    for a in 0..out.len() {
        let m = &out[a];
        if m.kind != MentionKind::Name
            || m.guess != EntityType::Person
            || m.entry.is_some()
            || m.title.is_some()
        {
            continue;
        }
        let sent = &t.sentences[t.sentence_of(m.tokens.start)];
        let (start, end) = (m.tokens.start, m.tokens.end);
        // ", a (small|strategic|border) town": an article, at most two modifiers, the kind.
        let apposition = end + 2 < sent.tokens.end
            && norm[end] == ","
            && matches!(norm[end + 1].as_str(), "a" | "an" | "the")
            && (end + 2..(end + 5).min(sent.tokens.end))
                .take_while(|&k| !info.cap[k] && norm[k].chars().all(char::is_alphabetic))
                .any(|k| PLACE_KINDS.contains(&norm[k].as_str()));
        // Only a place the gazetteer knows vouches for its neighbour.
        let is_place = |o: &Mention| o.guess == EntityType::Place && o.entry.is_some();
        // "Muzaffarabad and Kotli": a place right before the conjunction.
        // After a comma only inside a list: "In Montreal, Scott Sanders allowed one hit".
        let after_place = start >= 2
            && (matches!(norm[start - 1].as_str(), "and" | "or")
                || norm[start - 1] == ","
                    && norm
                        .get(end)
                        .is_some_and(|w| matches!(w.as_str(), "," | "and" | "or")))
            && a > 0
            && out[a - 1].tokens.end == start - 1
            && is_place(&out[a - 1]);
        // "in Kotli and Muzaffarabad": a place right after it, the list opened by a locative.
        let before_place = start > sent.tokens.start
            && LOCATIVE.contains(&norm[start - 1].as_str())
            && end + 1 < sent.tokens.end
            && matches!(norm[end].as_str(), "and" | "or" | ",")
            && out
                .get(a + 1)
                .is_some_and(|o| o.tokens.start == end + 1 && is_place(o));
        if apposition || after_place || before_place {
            places.push(a);
        }
    }
    for a in places {
        out[a].guess = EntityType::Place;
    }
}

/// "the country", "the militant group": a definite phrase that refers again to a state or an
/// armed group. The mention covers the phrase past its article; which entity it is, the
/// entity stage decides. "the government of Pakistan" names its state itself.
fn nominal_references(t: &Tokenized<'_>, info: &TokenInfo, out: &mut Vec<Mention>) {
    let lex = super::events::Lexicon::bundled();
    let mut covered = vec![false; t.tokens.len()];
    for m in out.iter() {
        for k in m.tokens.clone() {
            covered[k] = true;
        }
    }
    // The few first words ("the"), compared before any hashing: this runs on every token.
    let firsts: Vec<&str> = lex.nominal_index.keys().map(String::as_str).collect();
    for s in &t.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if !firsts.contains(&info.norm[i].as_str()) {
                i += 1;
                continue;
            }
            let next = info.norm.get(i + 1).map_or("", String::as_str);
            let by_first = lex.nominal_index.get(info.norm[i].as_str());
            let candidates = by_first
                .and_then(|m| m.get(next))
                .into_iter()
                .chain(by_first.and_then(|m| m.get("")))
                .flatten();
            let hit = candidates.map(|&n| &lex.nominals[n]).find(|(words, _)| {
                let end = i + words.len();
                end <= s.tokens.end
                    && words.iter().enumerate().all(|(j, w)| {
                        info.norm[i + j] == *w && !covered[i + j] && (j == 0 || !info.cap[i + j])
                    })
                    && info
                        .norm
                        .get(end)
                        .is_none_or(|w| w != "of" && !THINGS.contains(&w.as_str()))
            });
            let Some((words, kind)) = hit else {
                i += 1;
                continue;
            };
            // The mention leaves out the article.
            let from = if words.len() > 1 && words[0] == "the" {
                i + 1
            } else {
                i
            };
            let tokens = from..i + words.len();
            let at = out.partition_point(|m| m.tokens.start < tokens.start);
            out.insert(
                at,
                Mention {
                    tokens,
                    kind: MentionKind::Nominal,
                    guess: *kind,
                    entry: None,
                    surface: None,
                    title: None,
                },
            );
            i += words.len();
        }
    }
}

/// Nouns that a state reference before them only qualifies: "outside the government building"
/// is a place, not the government.
const THINGS: &[&str] = &[
    "building",
    "buildings",
    "headquarters",
    "office",
    "offices",
    "compound",
    "complex",
    "palace",
    "house",
    "premises",
    "website",
    "newspaper",
    "television",
    "radio",
    "media",
];

/// An Arabic article glued to a capitalised word ("al-Sukhnah", "ash-Sham").
fn arabic_article(w: &str) -> bool {
    // Most words are rejected by their third or fourth byte, before any prefix is compared.
    let b = w.as_bytes();
    if b.len() < 4 || !(b[2] == b'-' || b[3] == b'-') {
        return false;
    }
    [
        "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-",
    ]
    .iter()
    .any(|p| {
        w.strip_prefix(p)
            .is_some_and(|r| r.starts_with(char::is_uppercase))
    })
}

/// Feasts and holidays, which the tagger reads as names.
const HOLIDAYS: &[&str] = &[
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "thanksgiving",
    "hanukkah",
    "diwali",
    "passover",
    "nowruz",
    "halloween",
    "ashura",
    "muharram",
];

/// Dates are not names: a month beside a number ends the name before it ("Kerry November 8")
/// or is no name at all ("Sana'a, Dec. 5").
fn drop_dates(t: &Tokenized<'_>, info: &TokenInfo, out: &mut Vec<Mention>) {
    let numeric = |k: usize| {
        k < info.norm.len()
            && info.norm[k]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
    };
    for m in out.iter_mut() {
        if m.entry.is_some() {
            continue;
        }
        let mut end = m.tokens.end;
        while end > m.tokens.start
            && super::dates::is_month(&info.norm[end - 1])
            && (numeric(end) || end >= 2 && numeric(end - 2))
        {
            end -= 1;
        }
        // "Dec. 5" may have left a stray full stop in the span.
        while end > m.tokens.start && t.token_text(end - 1) == "." {
            end -= 1;
        }
        m.tokens.end = end;
    }
    out.retain(|m| !m.tokens.is_empty());
}

/// Titles in appositions: "X, Afghanistan's foreign minister,", "X, the Iranian foreign
/// minister", "X, a senior commander of the BLA", "X, a member of the Taliban". The title
/// joins the name; a nominal mention the phrase made ("’s foreign minister") is dropped.
fn attach_appositions(t: &Tokenized<'_>, info: &TokenInfo, g: &Gazetteer, out: &mut Vec<Mention>) {
    let starts_at = |out: &[Mention], p: usize| out.iter().position(|m| m.tokens.start == p);
    let mut drop: Vec<Range<usize>> = Vec::new();
    for a in 0..out.len() {
        let m = &out[a];
        if m.kind != MentionKind::Name
            || !m.guess.is_person()
            || m.title.is_some()
            || m.entry.is_some()
        {
            continue;
        }
        let sent = &t.sentences[t.sentence_of(m.tokens.start)];
        let end = sent.tokens.end;
        let e = m.tokens.end;
        if e + 2 >= end || t.token_text(e) != "," {
            continue;
        }
        let scope_start = e + 1;
        let mut p = scope_start;
        if matches!(info.norm[p].as_str(), "the" | "a" | "an") {
            p += 1;
        }
        let mut found: Option<(TitleRef, usize)> = None;
        while p < end && p < scope_start + 8 {
            if info.norm[p] == "member" && p + 2 < end && info.norm[p + 1] == "of" {
                let q = if info.norm[p + 2] == "the" {
                    p + 3
                } else {
                    p + 2
                };
                if let Some(b) = starts_at(out, q).filter(|&b| {
                    matches!(
                        out[b].guess,
                        EntityType::Organization | EntityType::MilitantGroup
                    )
                }) {
                    let title = TitleRef {
                        tokens: p..p + 1,
                        category: MEMBER.to_string(),
                        scope: scope_start..out[b].tokens.end,
                        state: None,
                    };
                    found = Some((title, out[b].tokens.end));
                }
                break;
            }
            if let Some((title, after)) = title_at(t, info, g, p, end) {
                // "of Iran", "for the Taliban": the body served, when it is a mention.
                let mut close = after;
                if after + 1 < end && matches!(info.norm[after].as_str(), "of" | "for") {
                    let q = if info.norm[after + 1] == "the" {
                        after + 2
                    } else {
                        after + 1
                    };
                    if let Some(b) = starts_at(out, q).filter(|&b| !out[b].guess.is_person()) {
                        close = out[b].tokens.end;
                    }
                }
                let title = TitleRef {
                    scope: scope_start..close,
                    ..title
                };
                found = Some((title, close));
                break;
            }
            match starts_at(out, p) {
                Some(b) if !out[b].guess.is_person() && out[b].kind != MentionKind::Nominal => {
                    p = out[b].tokens.end;
                }
                _ if matches!(t.token_text(p), "’s" | "'s") => p += 1,
                _ => break,
            }
        }
        let Some((title, close)) = found else {
            continue;
        };
        // A name right after the title is the title's holder, not this person's apposition
        // ("X, President Y and Z").
        if close < end
            && out
                .iter()
                .any(|o| o.tokens.start == close && o.guess.is_person())
        {
            continue;
        }
        if close < end && info.cap[close] && t.token_text(close).chars().all(char::is_alphabetic) {
            continue;
        }
        drop.push(title.scope.clone());
        out[a].title = Some(title);
    }
    out.retain(|m| {
        m.kind != MentionKind::Nominal
            || !drop
                .iter()
                .any(|r| r.start <= m.tokens.start && m.tokens.end <= r.end)
    });
}

fn gaz_mention(tokens: Range<usize>, entry: usize, surface: Surface, g: &Gazetteer) -> Mention {
    let e = &g.entries[entry];
    Mention {
        tokens,
        kind: if surface == Surface::Demonym {
            MentionKind::Demonym
        } else {
            MentionKind::Name
        },
        guess: e.kind,
        entry: Some(entry),
        surface: Some(surface),
        title: None,
    }
}

/// Longest gazetteer phrase at token `i`: (length, entry, surface).
pub fn gazetteer_at(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    g: &Gazetteer,
    i: usize,
    end: usize,
) -> Option<(usize, usize, Surface)> {
    // "al-Shabaab", "el-Sisi": a name may open with a lower-case Arabic article.
    let w = info.norm[i].as_bytes();
    if !info.cap[i]
        && !w.first().is_some_and(u8::is_ascii_digit)
        && !(w.len() >= 4 && (w[2] == b'-' || w[3] == b'-') && arabic_article(t.token_text(i)))
    {
        return None;
    }
    let mut key = String::new();
    let mut best = None;
    for j in i..end.min(i + 10) {
        if j > i {
            key.push(' ');
        }
        key.push_str(&info.norm[j]);
        let hits = g.lookup(&key);
        if let Some(&(entry, surface)) = pick(hits, t, i, j + 1) {
            best = Some((j + 1 - i, entry, surface));
        }
        if !g.is_prefix(&key) {
            break;
        }
    }
    // A name must not stop inside a longer capitalised word sequence that is itself a name
    // ("Iran" in "Iran Air" is allowed, the caller decides with the run).
    best
}

/// Picks the reading of a phrase that fits how it is written: acronyms only in capitals.
fn pick<'a>(
    hits: &'a [(usize, Surface)],
    t: &Tokenized<'_>,
    start: usize,
    end: usize,
) -> Option<&'a (usize, Surface)> {
    let text = &t.text[t.tokens[start].start..t.tokens[end - 1].end];
    let upper = gazetteer::is_acronym(text);
    let mut ranked: Vec<&(usize, Surface)> = hits
        .iter()
        .filter(|(_, s)| *s != Surface::Acronym || upper)
        .filter(|(_, s)| !(upper && text.chars().count() <= 2 && *s != Surface::Acronym))
        .collect();
    ranked.sort_by_key(|(_, s)| *s);
    ranked.first().copied()
}

/// "Operation ‘Marg Bar Sarmachar’" / "Operation Zarb-e-Azb": the operation's name.
fn operation_at(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    i: usize,
    end: usize,
) -> Option<(Mention, usize)> {
    // "an operation it named True Promise 3", "the offensive, dubbed Operation Sindoor": a
    // name given to an operation right before it.
    let named = i >= 2
        && info.cap[i]
        && matches!(
            info.norm[i - 1].as_str(),
            "named" | "dubbed" | "called" | "code-named" | "codenamed" | "titled"
        )
        && (i.saturating_sub(4)..i - 1).any(|k| {
            matches!(
                info.norm[k].as_str(),
                "operation" | "offensive" | "campaign" | "operations"
            )
        });
    if named && t.token_text(i) != "Operation" {
        let mut j = i;
        while j < end
            && (info.cap[j]
                || j > i && t.token_text(j).chars().all(|c| c.is_ascii_digit())
                || j > i && is_connector(&info.norm[j]))
        {
            j += 1;
        }
        while j > i && is_connector(&info.norm[j - 1]) {
            j -= 1;
        }
        return Some((
            Mention {
                tokens: i..j,
                kind: MentionKind::Name,
                guess: EntityType::Operation,
                entry: None,
                surface: None,
                title: None,
            },
            j,
        ));
    }
    if t.token_text(i) != "Operation" || i + 1 >= end {
        return None;
    }
    let mut j = i + 1;
    let quoted = matches!(t.token_text(j), "‘" | "'" | "“" | "\"");
    if quoted {
        j += 1;
    }
    let start = j;
    while j < end && (info.cap[j] || (j > start && is_connector(&info.norm[j]))) {
        j += 1;
    }
    while j > start && !info.cap[j - 1] {
        j -= 1;
    }
    if j == start {
        return None;
    }
    let mut next = j;
    if quoted && next < end && matches!(t.token_text(next), "’" | "'" | "”" | "\"") {
        next += 1;
    }
    Some((
        Mention {
            tokens: start..j,
            kind: MentionKind::Name,
            guess: EntityType::Operation,
            entry: None,
            surface: None,
            title: None,
        },
        next,
    ))
}

/// A title (with qualifiers) at `i`: "caretaker Foreign Minister", "FM", "Lt. Gen.".
fn title_at(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    g: &Gazetteer,
    i: usize,
    end: usize,
) -> Option<(TitleRef, usize)> {
    let mut j = i;
    while j < end && g.is_qualifier(&info.norm[j]) {
        j += 1;
    }
    let mut best: Option<(usize, &Title)> = None;
    if j < end
        && let Some(tl) = g.title_abbreviation(t.token_text(j))
    {
        best = Some((j + 1, tl));
    }
    // A qualifier may also head the title ("Chief of Army Staff", "UN chief"), so every start
    // inside the qualifier run is tried and the longest title wins.
    for start_title in i..=j.min(end.saturating_sub(1)) {
        let mut key = String::new();
        for k in start_title..end.min(start_title + 7) {
            if k > start_title {
                key.push(' ');
            }
            key.push_str(&info.norm[k]);
            if let Some(tl) = g.title(&key)
                && best.as_ref().is_none_or(|(e, _)| k + 1 > *e)
            {
                best = Some((k + 1, tl));
            }
            if !g.is_title_prefix(&key) {
                break;
            }
        }
    }
    let (after, title) = best?;
    Some((
        TitleRef {
            tokens: i..after,
            category: title.category.clone(),
            scope: i..after,
            state: title.state,
        },
        after,
    ))
}

/// After a title: "of Turkiye", "of Foreign Affairs of Turkiye", or nothing. Returns where the
/// name may start and the mentions found in between.
fn skip_title_complement(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    g: &Gazetteer,
    mut j: usize,
    end: usize,
) -> (usize, Vec<Mention>) {
    let mut found = Vec::new();
    while j + 1 < end && (info.norm[j] == "of" || info.norm[j] == "for") {
        let k = j + 1;
        let k = if info.norm[k] == "the" { k + 1 } else { k };
        if k >= end {
            break;
        }
        if let Some((len, entry, surface)) = gazetteer_at(t, info, g, k, end) {
            found.push(gaz_mention(k..k + len, entry, surface, g));
            j = k + len;
        } else {
            break;
        }
    }
    if j < end && t.token_text(j) == "," {
        j += 1;
    }
    (j, found)
}

/// End of a person name starting at `i` (2–5 capitalised tokens, or one), if any.
fn person_name_end(t: &Tokenized<'_>, info: &TokenInfo, i: usize, end: usize) -> Option<usize> {
    let mut j = i;
    while j < end && j < i + 5 {
        let s = t.token_text(j);
        // "and", "of" and "for" join the words of a body's name, not of a person's.
        let connector = j > i
            && is_connector(&info.norm[j])
            && !matches!(info.norm[j].as_str(), "and" | "of" | "for")
            && j + 1 < end
            && info.cap[j + 1];
        // "Mohammed Shia al-Sudani": an Arabic article glued to the next word goes on.
        let article = j > i && arabic_article(s);
        if !(connector || article || info.cap[j] && s.chars().any(char::is_alphabetic)) {
            break;
        }
        if not_name(info.norm[j].as_str()) && !connector {
            break;
        }
        if ORG_HEADS.contains(&info.norm[j].as_str()) {
            return None;
        }
        j += 1;
    }
    (j > i).then_some(j)
}

/// End of the capitalised run at `i` (exclusive); `i` itself when no name starts here.
fn cap_run_end(t: &Tokenized<'_>, info: &TokenInfo, i: usize, end: usize) -> usize {
    let is_word = |k: usize| {
        t.token_text(k)
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    };
    if !info.cap[i] || !is_word(i) || not_name(info.norm[i].as_str()) {
        return i;
    }
    let mut j = i + 1;
    while j < end {
        if info.cap[j] && is_word(j) && !not_name(info.norm[j].as_str()) {
            j += 1;
        } else if is_connector(&info.norm[j])
            && info.norm[j] != "and"
            && j + 1 < end
            && info.cap[j + 1]
            && !not_name(info.norm[j + 1].as_str())
        {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// Words that make a name a building or a site where things happen ("Dreamland Motel",
/// "Manezhnaya Square"): a place, whatever runs it.
const FACILITY_WORDS: &[&str] = &[
    "motel",
    "hotel",
    "cafe",
    "café",
    "cafeteria",
    "cafetería",
    "restaurant",
    "market",
    "mall",
    "stadium",
    "airport",
    "square",
    "street",
    "avenue",
    "boulevard",
    "cathedral",
    "mosque",
    "synagogue",
    "shrine",
    "hospital",
    "prison",
    "airbase",
    "nightclub",
    "gardens",
    "plaza",
];

/// Building words that are also surnames ("Frank Church", "Shirley Temple"): a place only
/// after "the" ("the Rose Garden").
const FACILITY_SURNAMES: &[&str] = &["church", "temple", "bridge", "garden", "palace"];

/// Building words that open a name ("Hotel Rwanda", "Cafetería Rolando").
const FACILITY_FIRST: &[&str] = &[
    "hotel",
    "cafe",
    "café",
    "cafeteria",
    "cafetería",
    "restaurant",
];

/// Type of a capitalised span outside the gazetteer, from its words and context.
fn guess_type(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    i: usize,
    j: usize,
    sent_start: usize,
    class: Option<Coarse>,
) -> EntityType {
    let words = &info.norm[i..j];
    let before: Vec<&str> = (sent_start.max(i.saturating_sub(3))..i)
        .map(|k| info.norm[k].as_str())
        .collect();
    let after = info.norm.get(j).map(String::as_str).unwrap_or("");
    let militant = words.iter().any(|w| MILITANT_WORDS.contains(&w.as_str()))
        || before.iter().any(|w| MILITANT_CONTEXT.contains(w))
        || (after == "group" && before.iter().any(|w| MILITANT_CONTEXT.contains(w)));
    let org = words.iter().any(|w| ORG_HEADS.contains(&w.as_str()))
        || (j - i == 1 && gazetteer::is_acronym(t.token_text(i)));
    // A dateline: "BOSTON —", "NEW DELHI (AP) —" opening a line names where it was filed.
    let dateline = i == sent_start
        && (i..j).all(|k| {
            let w = t.token_text(k);
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        })
        && matches!(after, "—" | "–" | "--" | "(");
    if dateline {
        return EntityType::Place;
    }
    let last = words.last().map_or("", String::as_str);
    let facility = FACILITY_WORDS.contains(&last)
        || words
            .first()
            .is_some_and(|w| FACILITY_FIRST.contains(&w.as_str()))
        || FACILITY_SURNAMES.contains(&last) && before.last() == Some(&"the");
    if facility && j - i >= 2 && !militant {
        return EntityType::Place;
    }
    // "the Ghulam Khan area", "the Kurram district": a name that qualifies a kind of place.
    if before.last() == Some(&"the")
        && matches!(
            after,
            "area"
                | "areas"
                | "district"
                | "region"
                | "valley"
                | "sector"
                | "neighbourhood"
                | "neighborhood"
                | "suburb"
                | "tehsil"
                | "governorate"
                | "temple"
                | "airbase"
                | "airfield"
                | "crossing"
                | "checkpoint"
        )
        && !militant
    {
        return EntityType::Place;
    }
    match class {
        Some(Coarse::Per) => return EntityType::Person,
        Some(Coarse::Loc) => return EntityType::Place,
        Some(Coarse::Org) if militant => return EntityType::MilitantGroup,
        Some(Coarse::Org) => return EntityType::Organization,
        _ => {}
    }
    if militant && (org || j - i >= 2 || after == "group") {
        return EntityType::MilitantGroup;
    }
    if org {
        return EntityType::Organization;
    }
    if before.last().is_some_and(|w| LOCATIVE.contains(w)) && j - i <= 2 {
        return EntityType::Place;
    }
    EntityType::Person
}

/// Whether a capital named at token `i` stands for its government ("Tehran said", "calling on
/// Tehran") rather than being a location ("in Tehran", "from the Tehran …").
pub fn capital_acts(info: &TokenInfo, i: usize, sent_start: usize) -> bool {
    i == sent_start || !(LOCATIVE.contains(&info.norm[i - 1].as_str()) || info.norm[i - 1] == "the")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn mentions(text: &str) -> Vec<(String, EntityType)> {
        let t = tokenize(text);
        let info = TokenInfo::new(&t);
        find(&t, &info, Gazetteer::bundled())
            .into_iter()
            .map(|m| {
                let s = &text[t.tokens[m.tokens.start].start..t.tokens[m.tokens.end - 1].end];
                (s.to_string(), m.guess)
            })
            .collect()
    }

    #[test]
    fn a_headline_word_the_story_writes_inside_a_compound_is_ordinary() {
        let text = "US Ambassador Needs 80 Stitches After Knife Attack\nThe ambassador was \
                    attacked by a knife-wielding assailant in Seoul.";
        let found = mentions(text);
        assert!(found.iter().all(|(s, _)| !s.contains("Knife")), "{found:?}");
    }

    #[test]
    fn a_lower_case_arabic_article_and_a_name_given_to_an_operation_open_names() {
        let found = mentions(
            "Ethiopian jets struck al-Shabaab positions. The IRGC hit bases in an operation it \
             named True Promise 3.",
        );
        assert!(
            found.contains(&("al-Shabaab".to_string(), EntityType::MilitantGroup)),
            "{found:?}"
        );
        assert!(
            found.contains(&("True Promise 3".to_string(), EntityType::Operation)),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_names_among_places_or_called_towns_are_places() {
        let found = mentions(
            "The army repelled an assault on Sake, a town 25 km west of Goma. Shells fell on \
             Muzaffarabad and Kotli. In Montreal, Scott Sanders allowed one hit.",
        );
        for place in ["Sake", "Kotli"] {
            assert!(
                found.contains(&(place.to_string(), EntityType::Place)),
                "{found:?}"
            );
        }
        assert!(
            found.contains(&("Scott Sanders".to_string(), EntityType::Person)),
            "{found:?}"
        );
    }

    #[test]
    fn buildings_and_datelines_are_places() {
        let found = mentions(
            "Timothy McVeigh stayed at the Dreamland Motel in Junction City before the bombing.",
        );
        assert!(
            found.contains(&("Dreamland Motel".to_string(), EntityType::Place)),
            "{found:?}"
        );
        let found = mentions("The Cafetería Rolando bombing killed 13 people.");
        assert!(
            found.contains(&("Cafetería Rolando".to_string(), EntityType::Place)),
            "{found:?}"
        );
        // A building word that is also a surname makes a place only after "the".
        let found = mentions(
            "Police detained a protester in central Manezhnaya Square. They met in the Rose \
             Garden. Frank Church spoke to reporters.",
        );
        for place in ["Manezhnaya Square", "Rose Garden"] {
            assert!(
                found.contains(&(place.to_string(), EntityType::Place)),
                "{found:?}"
            );
        }
        assert!(
            found
                .iter()
                .any(|(s, k)| s == "Frank Church" && *k != EntityType::Place),
            "{found:?}"
        );
        // Two known names joined by "and" are two, a known pair is one.
        let found = mentions(
            "There were also demonstrations in Japan, the Philippines and Belgium, where \
             hundreds of people held a minute's silence. Officials from Bosnia and Herzegovina met.",
        );
        for name in ["Philippines", "Belgium", "Bosnia and Herzegovina"] {
            assert!(found.iter().any(|(s, _)| s == name), "{found:?}");
        }
        // An acronym's possessive ends its name.
        let found = mentions("By evening the IRA's Belfast brigade had detonated 20 bombs.");
        assert!(found.iter().all(|(s, _)| !s.contains("'s")), "{found:?}");
        let found = mentions("BOSTON — A friend of the suspects pleaded not guilty.");
        assert!(
            found.contains(&("BOSTON".to_string(), EntityType::Place)),
            "{found:?}"
        );
    }

    #[test]
    fn particles_join_names_and_feasts_are_no_names() {
        let found = mentions(
            "The bomb went off at the Rolando cafe in Calle del Correo, near the Christmas market.",
        );
        assert!(
            found.iter().any(|(s, _)| s == "Calle del Correo"),
            "{found:?}"
        );
        assert!(found.iter().all(|(s, _)| s != "Christmas"), "{found:?}");
        let found =
            mentions("Fighters were killed in IS attacks in Badia al-Sukhnah and Badia al-Sham.");
        assert!(
            found.iter().any(|(s, _)| s == "Badia al-Sukhnah"),
            "{found:?}"
        );
        // After a title too.
        let found = mentions("Iraqi Prime Minister Mohammed Shia al-Sudani met Erdogan.");
        assert!(
            found.iter().any(|(s, _)| s == "Mohammed Shia al-Sudani"),
            "{found:?}"
        );
    }

    #[test]
    fn a_nationality_before_an_armed_body_is_part_of_its_name() {
        let found = mentions(
            "The attack targeted the Afghan National Army's 209th Shaheen Corps. Officers of \
             the Afghan National Police arrived.",
        );
        for name in ["Afghan National Army", "Afghan National Police"] {
            assert!(
                found.contains(&(name.to_string(), EntityType::Organization)),
                "{found:?}"
            );
        }
        // A nationality before a ministry stays apart.
        let found = mentions("The German Foreign Ministry said the talks went on.");
        assert!(
            found.contains(&("Foreign Ministry".to_string(), EntityType::Organization)),
            "{found:?}"
        );
    }

    #[test]
    fn a_known_name_after_an_article_the_tagger_took_in_is_found() {
        // After an agency's dateline the tagger reads "The Taliban" as a phrase of its own.
        let found = mentions("(AP) — The Taliban fired a missile at the base.");
        assert!(
            found.contains(&("Taliban".to_string(), EntityType::MilitantGroup)),
            "{found:?}"
        );
    }

    #[test]
    fn title_case_headlines_are_not_one_long_name() {
        let text = "Rebels Say Army Shelled Their Positions Near Aleppo\nThe rebels say the army \
                    shelled their positions near Aleppo on Sunday.";
        let found = mentions(text);
        assert!(found.iter().all(|(s, _)| !s.contains("Say")), "{found:?}");
        assert!(found.iter().any(|(s, _)| s == "Aleppo"), "{found:?}");
        let lowered_of = |text: &str| -> Vec<String> {
            let t = tokenize(text);
            let info = TokenInfo::new(&t);
            (0..t.tokens.len())
                .filter(|&i| info.lowered[i])
                .map(|i| t.token_text(i).to_string())
                .collect()
        };
        assert_eq!(
            lowered_of(text),
            ["Say", "Army", "Shelled", "Their", "Positions", "Near"]
        );
        // Inflections meet ("Detain" and "detained"), an event word is ordinary by itself
        // ("Protests"), and a name particle does not end the headline.
        let text = "al Shabaab Fighters Detain Aid Workers Amid Protests in Mogadishu\nFighters \
                    detained aid workers in Mogadishu on Sunday.";
        assert_eq!(
            lowered_of(text),
            ["Detain", "Aid", "Workers", "Amid", "Protests"]
        );
        // An ordinary sentence that opens with a long name keeps its capitals.
        let t = tokenize("Secretary of State Marco Rubio met the state media.");
        assert!(!TokenInfo::new(&t).lowered.iter().any(|&l| l));
    }

    #[test]
    fn finds_titled_officials_states_and_groups() {
        let m = mentions(
            "Caretaker Prime Minister Ahmad Raza Qureshi met the Iranian envoy in Quetta.",
        );
        assert!(
            m.contains(&("Ahmad Raza Qureshi".into(), EntityType::Official)),
            "{m:?}"
        );
        assert!(m.contains(&("Iranian".into(), EntityType::State)), "{m:?}");
        let m = mentions("Fighters of the outlawed Sindhudesh Revolutionary Army attacked a post.");
        assert!(
            m.contains(&(
                "Sindhudesh Revolutionary Army".into(),
                EntityType::MilitantGroup
            )),
            "{m:?}"
        );
        let m = mentions("He said Operation ‘Clean Sweep’ was over.");
        assert!(
            m.contains(&("Clean Sweep".into(), EntityType::Operation)),
            "{m:?}"
        );
    }

    #[test]
    fn acronyms_need_capitals() {
        let m = mentions("The UN said it was up to us.");
        assert!(
            m.iter()
                .any(|(s, t)| s == "UN" && *t == EntityType::Organization),
            "{m:?}"
        );
        assert!(!m.iter().any(|(s, _)| s == "us"));
    }
}
