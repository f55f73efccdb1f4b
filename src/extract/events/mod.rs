//! Event detection: cue phrases from `ontology/lexicon/` matched on tokens, arguments from the
//! clause around the trigger, dates against the publication date, and one event per real event.

use super::dates;
use super::entities::Resolved;
use super::mentions::TokenInfo;
use crate::model::{EntityType, EventType, MentionKind, Role};
use crate::text::{Sentence, Tokenized};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

mod lexicon;
mod reading;

pub use lexicon::{Cue, CueClass, Lexicon};
use reading::Clause;

/// An argument filler: an entity (with the mention that names it here) or a plain span.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Filler {
    Entity {
        entity: usize,
        mention: usize,
    },
    /// Token range `start..end` of an unnamed filler.
    Span(usize, usize),
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Arg {
    pub role: Role,
    pub filler: Filler,
}

/// One event: triggers (token indices), arguments, date, evidence sentences.
#[derive(Clone, Debug)]
pub struct Event {
    pub kind: EventType,
    pub cameo: String,
    pub triggers: Vec<usize>,
    pub args: Vec<Arg>,
    pub date: Option<dates::When>,
    pub sentences: BTreeSet<usize>,
    /// Found by a bare event noun ("cooperation", "strikes"): a weaker reading.
    pub bare_noun: bool,
    /// Referred to as known ("the strikes", "this attack"): it may be reported elsewhere.
    pub definite: bool,
    /// Named as the background of another clause ("police raided homes after the attacks"):
    /// not the same event as one the sentence reports in its main clause.
    pub background: bool,
    /// Told in a relative clause ("the attacks … that killed 17 people"): it qualifies the
    /// event named just before it.
    pub relative: bool,
}

impl Event {
    fn entities(&self, roles: &[Role]) -> BTreeSet<usize> {
        self.args
            .iter()
            .filter(|a| roles.contains(&a.role))
            .filter_map(|a| match a.filler {
                Filler::Entity { entity, .. } => Some(entity),
                Filler::Span(..) => None,
            })
            .collect()
    }
}

const CLAUSE_BREAKS: &[&str] = &[
    ";",
    "while",
    "whereas",
    "but",
    "although",
    "though",
    "after",
    "before",
    "when",
    "since",
    "because",
    "following",
    "amid",
    "which",
    "who",
    "that",
    "despite",
    "until",
    "unless",
    "if",
];
const SKIP_AFTER: &[&str] = &[
    "of", "to", "from", "in", "at", "on", "into", "inside", "against", "for", "about", "near",
    "over", "under", "across", "through", "within", "between", "per",
];
const TARGET_PREPS: &[&str] = &[
    "on",
    "against",
    "at",
    "targeting",
    "inside",
    "into",
    "in",
    "toward",
    "towards",
];
/// Nouns through which a state acts, after its demonym ("Russian forces").
const AGENT_NOUNS: &[&str] = &[
    "forces",
    "force",
    "troops",
    "military",
    "army",
    "navy",
    "officials",
    "official",
    "government",
    "authorities",
    "police",
    "jets",
    "warplanes",
    "drones",
    "missiles",
    "leaders",
    "leader",
    "president",
    "minister",
    "diplomats",
    "soldiers",
    "security",
    "air",
    "side",
    "state",
    "allies",
];
const PRONOUNS: &[&str] = &[
    "it", "its", "he", "his", "she", "her", "they", "their", "them", "him",
];
const BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "got"];
/// Determiners and quantities before the head of a noun phrase: "about two dozen protesters".
const QUANTITY: &[&str] = &[
    "the",
    "a",
    "an",
    "several",
    "some",
    "many",
    "about",
    "around",
    "nearly",
    "almost",
    "least",
    "more",
    "than",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
];
/// Nouns of a setting: after "in", "at" or "on" they say where, not what was hit.
const SETTINGS: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "district",
    "region",
    "area",
    "capital",
    "country",
    "neighborhood",
    "neighbourhood",
    "county",
    "spot",
    "street",
    "streets",
    "square",
    "scene",
    "outskirts",
    "border",
];
/// Adverbs between an auxiliary and its participle: "were then shot", "was also detained".
const PASSIVE_ADVERBS: &[&str] = &[
    "then", "also", "later", "first", "again", "all", "both", "still", "since", "just",
];
/// Finds events in a document whose entities are resolved.
pub fn detect(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    res: &Resolved,
    lex: &Lexicon,
    published: Option<NaiveDate>,
) -> Vec<Event> {
    let n = t.tokens.len();
    let mut mention_at = vec![usize::MAX; n];
    for (mi, m) in res.mentions.iter().enumerate() {
        if res.entities[res.entity_of[mi]].mentions.is_empty() {
            continue;
        }
        for k in m.tokens.clone() {
            mention_at[k] = mi;
        }
    }
    let mut in_title = vec![false; n];
    for m in &res.mentions {
        if let Some(tt) = &m.title {
            for k in tt.tokens.clone() {
                in_title[k] = true;
            }
        }
    }
    let violent_doc =
        (0..n).any(|i| lex.cue_at(&info.norm, i, n, |c| c.kind.is_violent() && !c.ambiguous));
    let cx = Ctx {
        t,
        info,
        res,
        lex,
        mention_at: &mention_at,
        in_title: &in_title,
        published,
        violent_doc,
    };
    let mut events = Vec::new();
    let mut used: HashSet<usize> = HashSet::new();
    for (si, s) in t.sentences.iter().enumerate() {
        let mut prev_actor: Option<usize> = None;
        let mut prev_nominal: Option<Range<usize>> = None;
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if mention_at[i] != usize::MAX {
                i += 1;
                continue;
            }
            let Some(cands) = lex.by_first.get(&info.norm[i]) else {
                i += 1;
                continue;
            };
            // The most specific cue wins: most words, then first in the file; when its context
            // rules it out, the next one may fit ("called on the attorney general to
            // investigate" is no courtesy call but an appeal).
            let mut found: Vec<(usize, usize, usize)> = cands
                .iter()
                .filter_map(|&c| {
                    let cue = &lex.cues[c];
                    lex.match_cue(cue, &info.norm, i, s.tokens.end)
                        .map(|(trig, end)| (c, trig, end))
                })
                .filter(|(_, trig, _)| mention_at[*trig] == usize::MAX && !used.contains(trig))
                .collect();
            found.sort_by_key(|&(c, _, end)| (std::cmp::Reverse(end), c));
            let mut built = None;
            let mut next = i + 1;
            // Only another kind of event may take over: a narrower cue of the same kind was
            // meant to be ruled out with the broader one ("riot police" is no riot).
            let first_kind = found.first().map(|&(c, ..)| lex.cues[c].kind);
            for (n, (c, trig, end)) in found.into_iter().enumerate() {
                if n > 0 && Some(lex.cues[c].kind) == first_kind {
                    continue;
                }
                if !own_mention(info, lex, &events, s.tokens.start, trig, lex.cues[c].kind) {
                    next = end.max(i + 1);
                    break;
                }
                // A one-word noun cue between a plural agent and an object is a present-tense
                // verb: "Turkish police arrest a protester", "rebels attack the town".
                let verbal;
                let mut cue = &lex.cues[c];
                if cue.class == CueClass::Noun
                    && end == i + 1
                    && i > s.tokens.start
                    && PEOPLE.contains(&info.norm[i - 1].as_str())
                    && mention_at[i - 1] == usize::MAX
                    && end < s.tokens.end
                    && (matches!(
                        info.norm[end].as_str(),
                        "a" | "an"
                            | "the"
                            | "two"
                            | "three"
                            | "several"
                            | "dozens"
                            | "their"
                            | "its"
                    ) || info.norm[end].chars().all(|c| c.is_ascii_digit()))
                {
                    verbal = Cue {
                        class: CueClass::Verb,
                        ..cue.clone()
                    };
                    cue = &verbal;
                }
                if let Some(ev) =
                    build_event(&cx, cue, trig, i..end, si, prev_actor, prev_nominal.clone())
                {
                    built = Some((ev, cue.class, trig, end));
                    break;
                }
            }
            if let Some((ev, class, trig, end)) = built {
                used.insert(trig);
                // Only a finite verb passes its subject on ("accused X of targeting Y and
                // called on Z": the subject of "called" is the accuser, not X).
                let gerund = (trig.saturating_sub(2).max(s.tokens.start)..trig)
                    .any(|k| matches!(info.norm[k].as_str(), "of" | "for" | "by" | "about"));
                let verb = class == CueClass::Verb;
                if let Some(a) = ev.args.iter().find_map(|a| match a.filler {
                    Filler::Entity { mention, .. } if a.role == Role::Actor => Some(mention),
                    _ => None,
                }) && verb
                    && !gerund
                {
                    prev_actor = Some(a);
                }
                if let Some((a, b)) = ev.args.iter().find_map(|a| match a.filler {
                    Filler::Span(x, y) if a.role == Role::Actor => Some((x, y)),
                    _ => None,
                }) && verb
                    && !gerund
                {
                    prev_nominal = Some(a..b);
                }
                // "both countries launched strikes into each other's territory": one event
                // each way between the two named before.
                if let Some((a, b)) = reciprocal_pair(&cx, s, trig) {
                    for (x, y) in [(a, b), (b, a)] {
                        let mut one = ev.clone();
                        one.args.retain(|arg| {
                            !matches!(arg.role, Role::Actor | Role::Target)
                                || arg.filler_entity().is_some()
                        });
                        for (role, mi) in [(Role::Actor, x), (Role::Target, y)] {
                            one.args.push(Arg {
                                role,
                                filler: Filler::Entity {
                                    entity: res.entity_of[mi],
                                    mention: mi,
                                },
                            });
                        }
                        one.args.sort();
                        one.args.dedup();
                        events.push(one);
                    }
                } else {
                    events.push(ev);
                }
                i = end.max(i + 1);
            } else {
                i = next;
            }
        }
    }
    let mut events = merge(events, res, &info.norm);
    for ev in &mut events {
        same_instrument_once(ev, info);
    }
    events
}

/// Plural subjects that name two parties ("both countries", "the two sides").
const PAIR_NOUNS: &[&str] = &[
    "countries",
    "nations",
    "states",
    "sides",
    "neighbours",
    "neighbors",
    "rivals",
    "governments",
    "armies",
];

/// The two parties of a reciprocal event: a subject such as "both countries" or "the two
/// sides" before the trigger and "each other" or "one another" after it, resolved to the two
/// last distinct agents named before the subject (in its sentence, else the one before).
fn reciprocal_pair(cx: &Ctx<'_, '_>, s: &Sentence, trig: usize) -> Option<(usize, usize)> {
    let norm = &cx.info.norm;
    let end = s.tokens.end;
    let each_other = (trig + 1..end.saturating_sub(1)).any(|k| {
        matches!(
            (norm[k].as_str(), norm[k + 1].as_str()),
            ("each", "other") | ("one", "another")
        )
    });
    if !each_other {
        return None;
    }
    let subject = (s.tokens.start + 1..trig).rev().find(|&k| {
        PAIR_NOUNS.contains(&norm[k].as_str())
            && (norm[k - 1] == "both" || norm[k - 1] == "two" && k >= 2 && norm[k - 2] == "the")
    })?;
    let states = matches!(
        norm[subject].as_str(),
        "countries" | "nations" | "states" | "neighbours" | "neighbors" | "governments"
    );
    let from = cx.t.sentences[cx.t.sentence_of(s.tokens.start).saturating_sub(1)]
        .tokens
        .start;
    let mut found: Vec<usize> = Vec::new();
    let mut k = subject;
    while k > from && found.len() < 2 {
        k -= 1;
        let mi = cx.mention_at[k];
        if mi == usize::MAX || cx.res.mentions[mi].tokens.start != k {
            continue;
        }
        let e = cx.res.entity_of[mi];
        let kind = cx.res.entities[e].kind;
        let fits = if states {
            kind == EntityType::State
        } else {
            kind.is_agent()
        };
        if fits && found.iter().all(|&f| cx.res.entity_of[f] != e) {
            found.push(mi);
        }
    }
    (found.len() == 2).then(|| (found[1], found[0]))
}

/// A merged event names each instrument once: "missile and drone attack" and "its drones and
/// missiles struck" are one missile and one drone.
fn same_instrument_once(ev: &mut Event, info: &TokenInfo) {
    let mut seen = BTreeSet::new();
    // "shot by a sniper": who acts is not also what was used.
    let agents: Vec<(usize, usize)> = ev
        .args
        .iter()
        .filter_map(|a| match (a.role, &a.filler) {
            (Role::Actor, Filler::Span(s, e)) => Some((*s, *e)),
            _ => None,
        })
        .collect();
    ev.args.retain(|a| match (a.role, &a.filler) {
        (Role::Instrument, Filler::Span(s, e)) if agents.iter().any(|&(x, y)| x < *e && *s < y) => {
            false
        }
        (Role::Instrument, Filler::Span(s, e)) => {
            let words: Vec<&str> = (*s..*e).map(|k| info.norm[k].as_str()).collect();
            let text = words.join(" ");
            seen.insert(text.strip_suffix('s').unwrap_or(&text).to_string())
        }
        _ => true,
    });
}

/// Whether a cue word names an event of its own rather than part of one found around it:
/// "airstrikes targeting X" and "targeted strikes" are one attack, named by the noun; "in
/// retaliation for" and "to discuss" give a reason.
fn own_mention(
    info: &TokenInfo,
    lex: &Lexicon,
    events: &[Event],
    sentence_start: usize,
    trig: usize,
    kind: EventType,
) -> bool {
    let w = info.norm[trig].as_str();
    // "met in Brussels to discuss Ukraine", "open to discuss any issue": a purpose, not a
    // meeting of its own.
    if kind == EventType::Meeting && w.starts_with("discuss") {
        return !(trig > sentence_start && info.norm[trig - 1] == "to");
    }
    // "ban all protests", "restrictions on protests", "the right to protest": a kind of
    // event, not one that happened.
    if kind == EventType::Protest {
        let mut k = trig;
        while k > sentence_start
            && matches!(
                info.norm[k - 1].as_str(),
                "all" | "any" | "the" | "on" | "to" | "street" | "public"
            )
        {
            k -= 1;
        }
        return !(k > sentence_start
            && matches!(
                info.norm[k - 1].as_str(),
                "ban"
                    | "bans"
                    | "banned"
                    | "banning"
                    | "outlaw"
                    | "outlawed"
                    | "prohibit"
                    | "prohibits"
                    | "prohibited"
                    | "restrictions"
                    | "restriction"
                    | "restrict"
                    | "restricts"
                    | "right"
                    | "rights"
                    | "law"
                    | "laws"
                    | "freedom"
            ));
    }
    // "cell phone video", "via mobile phone": the device, not a call.
    if kind == EventType::Call && matches!(w, "phone" | "phones" | "telephone" | "telephones") {
        return !(trig > sentence_start
            && matches!(
                info.norm[trig - 1].as_str(),
                "cell"
                    | "mobile"
                    | "smart"
                    | "satellite"
                    | "cellular"
                    | "camera"
                    | "their"
                    | "his"
                    | "her"
            ));
    }
    if !kind.is_violent() {
        return true;
    }
    if w == "retaliation" || w == "reprisal" || w == "reprisals" {
        return !(trig > sentence_start && matches!(info.norm[trig - 1].as_str(), "in" | "as"));
    }
    if !w.starts_with("target") {
        return true;
    }
    let attack_noun_at = |k: usize| {
        lex.cue_at(&info.norm, k, info.norm.len(), |c| {
            c.kind.is_violent() && c.class == CueClass::Noun
        })
    };
    let next_is_attack = (trig + 1..(trig + 3).min(info.norm.len())).any(attack_noun_at);
    let after_attack = (trig.saturating_sub(4).max(sentence_start)..trig).any(|k| {
        events
            .iter()
            .any(|e| e.kind.is_violent() && e.triggers.contains(&k))
    });
    !(next_is_attack || after_attack)
}

/// Verbs whose subject does the attack or arrest a noun names: "launched an attack", "made
/// arrests", "claimed responsibility for the bombing", "was behind the raid".
const DOING: &[&str] = &[
    "launch",
    "launched",
    "launches",
    "launching",
    "carry",
    "carried",
    "carries",
    "carrying",
    "conduct",
    "conducted",
    "conducts",
    "conducting",
    "stage",
    "staged",
    "stages",
    "staging",
    "mount",
    "mounted",
    "mounts",
    "mounting",
    "begin",
    "began",
    "begun",
    "begins",
    "start",
    "started",
    "starts",
    "resume",
    "resumed",
    "resumes",
    "resuming",
    "intensify",
    "intensified",
    "intensifies",
    "escalate",
    "escalated",
    "escalates",
    "continue",
    "continued",
    "continues",
    "unleash",
    "unleashed",
    "unleashes",
    "execute",
    "executed",
    "perform",
    "performed",
    "make",
    "made",
    "makes",
    "making",
    "hold",
    "held",
    "holds",
    "holding",
    "have",
    "had",
    "has",
    "having",
    "organize",
    "organized",
    "organizes",
    "organised",
    "organise",
    "lead",
    "led",
    "leads",
    "leading",
    "join",
    "joined",
    "joins",
    "joining",
    "claim",
    "claimed",
    "claims",
    "claiming",
    "order",
    "ordered",
    "orders",
    "ordering",
    "plan",
    "planned",
    "plans",
    "planning",
    "behind",
    "responsible",
    "part",
    "participate",
    "participated",
    "participates",
    "participating",
    "wage",
    "waged",
    "wages",
    "waging",
    "fight",
    "fought",
    "engage",
    "engaged",
    "initiate",
    "initiated",
    "undertake",
    "undertook",
    "commit",
    "committed",
    "commits",
    "perpetrate",
    "perpetrated",
    "orchestrate",
    "orchestrated",
    "masterminded",
    "sponsor",
    "sponsored",
    "step",
    "stepped",
    "renew",
    "renewed",
    "expand",
    "expanded",
];

/// What every event of a document is built against.
#[derive(Clone, Copy)]
struct Ctx<'a, 't> {
    t: &'a Tokenized<'t>,
    info: &'a TokenInfo,
    res: &'a Resolved,
    lex: &'a Lexicon,
    mention_at: &'a [usize],
    in_title: &'a [bool],
    published: Option<NaiveDate>,
    /// The article reports violence in words that mean nothing else ("bombing", "airstrike").
    violent_doc: bool,
}

fn build_event(
    cx: &Ctx<'_, '_>,
    cue: &Cue,
    trig: usize,
    span: Range<usize>,
    si: usize,
    prev_actor: Option<usize>,
    prev_nominal: Option<Range<usize>>,
) -> Option<Event> {
    let Ctx {
        t,
        info,
        res,
        lex,
        mention_at,
        in_title,
        published,
        ..
    } = *cx;
    let s = &t.sentences[si];
    let norm = &info.norm;
    let clause = reading::clause_of(norm, cue, &span, s);
    if reading::ruled_out(cx, cue, trig, &span, si, &clause) {
        return None;
    }
    let Clause {
        start: cstart,
        args_end: cend,
        opener,
        ..
    } = clause;
    let entity_of = |mi: usize| res.entity_of[mi];
    let kind_of = |mi: usize| res.entities[entity_of(mi)].kind;
    let mut args: Vec<Arg> = Vec::new();
    let push = |args: &mut Vec<Arg>, role: Role, mi: usize| {
        let a = Arg {
            role,
            filler: Filler::Entity {
                entity: res.entity_of[mi],
                mention: mi,
            },
        };
        if !args
            .iter()
            .any(|x| x.role == a.role && x.filler_entity() == a.filler_entity())
        {
            args.push(a);
        }
    };
    let symmetric = cue.kind.is_symmetric();
    let agent_role = if symmetric {
        Role::Participant
    } else {
        Role::Actor
    };

    // Passive: "was attacked by X", "has been expelled", "were then shot", and the reduced
    // relative "a drone shot down by a fighter jet".
    let auxiliary = {
        let mut k = trig;
        while k > s.tokens.start
            && k + 2 > trig
            && (norm[k - 1].ends_with("ly") || PASSIVE_ADVERBS.contains(&norm[k - 1].as_str()))
        {
            k -= 1;
        }
        k > s.tokens.start && BE.contains(&norm[k - 1].as_str())
    };
    let reduced = {
        let mut k = span.end;
        if k < cend && matches!(norm[k].as_str(), "down" | "up" | "out" | "off") {
            k += 1;
        }
        // "officers shot in Dallas last week by a sniper": a setting may come before "by".
        if k < cend
            && matches!(
                norm[k].as_str(),
                "in" | "at"
                    | "on"
                    | "near"
                    | "during"
                    | "outside"
                    | "inside"
                    | "last"
                    | "early"
                    | "late"
                    | "overnight"
            )
        {
            k = (k..cend.min(k + 7))
                .take_while(|&j| {
                    !matches!(
                        norm[j].as_str(),
                        "," | ";" | "and" | "while" | "when" | "after" | "as"
                    )
                })
                .find(|&j| norm[j] == "by")
                .unwrap_or(k);
        }
        k < cend
            && norm[k] == "by"
            && (norm[trig].ends_with("ed")
                || matches!(
                    norm[trig].as_str(),
                    "shot" | "struck" | "hit" | "held" | "caught" | "taken" | "beaten"
                ))
    };
    // "came under attack", "has been under fire from X": the subject suffers the deed.
    let under = cue.kind.is_violent()
        && (trig.saturating_sub(3).max(cstart)..trig)
            .find(|&k| norm[k] == "under")
            .is_some_and(|u| {
                (u + 1..trig)
                    .all(|k| !SKIP_AFTER.contains(&norm[k].as_str()) && mention_at[k] == usize::MAX)
            });
    let passive =
        trig > s.tokens.start && (cue.class == CueClass::Verb && (auxiliary || reduced) || under);
    // Killing is an attack only as someone's act on someone: "the gunman who killed 49
    // people". "Were killed", "killed in the blast" and "the strike killed 20" report deaths,
    // the last of an attack the sentence already names.
    if cue.active_only {
        let object = norm.get(span.end).is_some_and(|w| {
            !SKIP_AFTER.contains(&w.as_str())
                && !CLAUSE_BREAKS.contains(&w.as_str())
                && !matches!(
                    w.as_str(),
                    "," | "."
                        | "by"
                        | "and"
                        | "or"
                        | "when"
                        | "as"
                        | "during"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                )
        });
        // ", killing three": the result of the clause before, whatever struck.
        let result = trig > s.tokens.start && norm[trig - 1] == ",";
        // "In an attack on Monday, militants killed …": the fronted noun leaves the clause
        // to the verb.
        let named_attack = (trig.saturating_sub(6).max(s.tokens.start)..trig).any(|k| {
            (lex.cue_at(norm, k, s.tokens.end, |c| {
                c.kind.is_violent() && c.class == CueClass::Noun
            }) || matches!(norm[k].as_str(), "explosion" | "blast" | "bomb" | "crash"))
                && !(clause.fronted(norm, cstart) && (k..trig).any(|j| norm[j] == ","))
        });
        // "The attack targeting the army's 209th corps killed 140 soldiers": the attack that
        // opens the clause is what killed, however long its phrase.
        let subject_attack = (cstart..trig.min(cstart + 5))
            .take_while(|&k| {
                let w = norm[k].as_str();
                !(SKIP_AFTER.contains(&w)
                    || matches!(w, "," | "who" | "which" | "that" | "and")
                    || w.ends_with("ed"))
            })
            .any(|k| {
                lex.cue_at(norm, k, s.tokens.end, |c| {
                    c.kind.is_violent() && c.class == CueClass::Noun
                }) || matches!(norm[k].as_str(), "explosion" | "blast" | "bomb")
            });
        if passive || !object || result || named_attack || subject_attack {
            return None;
        }
    }

    // Left side: for nouns a possessor or demonym ("Pakistan’s readiness", "Iranian strikes"),
    // for a named operation its conductor, else the subject.
    let agent_at = |k: usize| {
        (mention_at[k] != usize::MAX && kind_of(mention_at[k]).is_agent()).then_some(mention_at[k])
    };
    let possessor = [span.start, trig].into_iter().find_map(|k| {
        if cue.class == CueClass::Verb || k <= s.tokens.start {
            return None;
        }
        if k >= s.tokens.start + 2 && matches!(norm[k - 1].as_str(), "’s" | "'s") {
            return agent_at(k - 2);
        }
        agent_at(k - 1)
    });
    let operation = (trig + 1..(trig + 3).min(s.tokens.end)).find_map(|k| {
        let mi = mention_at[k];
        (mi != usize::MAX && kind_of(mi) == EntityType::Operation).then(|| res.entity_of[mi])
    });
    let conductor = operation.and_then(|op| {
        let r = res
            .relations
            .iter()
            .find(|r| r.subject == op && r.predicate == crate::model::Predicate::ConductedBy)?;
        res.entities[r.object].mentions.first().copied()
    });
    // "X expelled a diplomat and recalled its envoy": the second verb shares the subject.
    // So does a verb in a comma series with its own object: "X raided the house, arrested
    // two men and seized weapons".
    let in_series = span.start > s.tokens.start
        && (norm[span.start - 1] == "and"
            || norm[span.start - 1] == ","
                && cue.class == CueClass::Verb
                && norm[trig].ends_with("ed")
                && norm.get(span.end).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "the" | "a" | "an" | "his" | "her" | "their" | "its"
                    ) || QUANTITY.contains(&w.as_str())
                        || w.starts_with(|c: char| c.is_ascii_digit())
                }));
    let shared_subject = in_series.then_some(prev_actor).flatten();
    // "…, who urged both sides": the relative pronoun's antecedent acts.
    // Not past the comma that closes the relative clause: "X, who is at odds with the
    // government, called the crackdown …".
    let inside_relative = !(cstart..span.start).any(|k| norm[k] == ",");
    // A passive's subject may be a relative pronoun's antecedent: "the men who were
    // detained", or, past a relative clause with its own verb, "the man who attacked the
    // officers was arrested" and "the suspect, who stabbed two officers, was detained" (not
    // "officials who said the suspects were detained").
    // Where the antecedent of the relative pronoun at `p` ends: before the pronoun, and before
    // its comma ("the suspect, who").
    let antecedent_to = |p: usize| if norm[p - 1] == "," { p - 1 } else { p };
    let aux_at = (passive && auxiliary)
        .then(|| {
            (cstart..trig)
                .rev()
                .find(|&k| BE.contains(&norm[k].as_str()))
        })
        .flatten();
    let after_relative = aux_at.is_some_and(|a| {
        cstart > s.tokens.start + 1
            && norm[cstart - 1] == "who"
            && (cstart..a).any(|k| finite_past(&norm[k]))
            && !(cstart..a).any(|k| lex.reporting.contains(norm[k].as_str()) || norm[k] == "that")
    });
    let antecedent_end = aux_at
        .filter(|&a| {
            after_relative
                || cstart > s.tokens.start + 1
                    && matches!(norm[cstart - 1].as_str(), "who" | "that")
                    && (cstart..a).all(|k| matches!(norm[k].as_str(), "have" | "has" | "had"))
        })
        .map(|_| antecedent_to(cstart - 1));
    // "Saudi Arabia, which has been at war with the Houthis since 2015, urged restraint": past
    // the comma that closes it, the verb right after (or one doing the event: "hosted talks")
    // is the antecedent's again. The pronoun's position, when so.
    let closed_relative = (cstart..span.start)
        .rev()
        .find(|&k| norm[k] == ",")
        .filter(|&c| {
            let between = c + 1..span.start;
            if cue.class == CueClass::Verb {
                between
                    .clone()
                    .all(|k| norm[k] == "also" || norm[k].ends_with("ly"))
            } else {
                between
                    .clone()
                    .next()
                    .is_some_and(|k| DOING.contains(&norm[k].as_str()))
                    && between.skip(1).all(|k| mention_at[k] == usize::MAX)
            }
        })
        .and_then(|c| {
            (s.tokens.start + 2..c)
                .rev()
                .take_while(|&k| norm[k] != ",")
                .find(|&k| matches!(norm[k].as_str(), "who" | "which") && norm[k - 1] == ",")
        });
    let pronoun = closed_relative.or_else(|| {
        (cstart > s.tokens.start + 1
            && (norm[cstart - 1] == "who"
                // "Oman, which has mediated", not "in Madrid, Spain which killed 13".
                || norm[cstart - 1] == "which" && norm[cstart - 2] == "," && !after_relative)
            && (inside_relative || after_relative))
            .then(|| cstart - 1)
    });
    let relative = pronoun.and_then(|p| {
        let k = antecedent_to(p);
        (k > s.tokens.start)
            .then(|| mention_at[k - 1])
            .filter(|&mi| mi != usize::MAX)
            // What "which" stands for acts only if it is a party: a state, a body, a group
            // ("the attack, which killed five" is no actor).
            .filter(|&mi| norm[p] == "who" || kind_of(mi).is_agent())
    });
    let suffered = (cue.class == CueClass::Noun && cue.kind.is_violent())
        .then(|| suffered_in(norm, cstart, span.start))
        .flatten();
    let left = match (conductor, possessor, shared_subject, relative) {
        (Some(c), ..) => vec![c],
        // Nothing inside the relative clause is the subject past it.
        (.., r) if after_relative || closed_relative.is_some() => r.into_iter().collect(),
        (None, Some(p), ..) => vec![p],
        (None, None, Some(a), _) => vec![a],
        (None, None, None, Some(r)) => vec![r],
        // An event noun's subject acts only through a verb that does the event ("X launched
        // an attack", "held talks"); "X called the explosion an attack" or "Dagestan sees
        // frequent attacks" name or suffer it.
        _ if cue.class == CueClass::Noun
            && (cue.kind.is_violent() || cue.kind == EventType::Arrest) =>
        {
            let found = left_agent(t, info, res, mention_at, cstart, span.start, si);
            let from = found
                .iter()
                .map(|&mi| res.mentions[mi].tokens.end)
                .filter(|&e| e >= cstart && e <= span.start)
                .min()
                .unwrap_or(cstart);
            // "his arrest", "Iran's brief detention", "the regime's barrel bombing"; the
            // possessive is the agent's own ("Afghanistan's station reported last Friday's
            // assault" gives Afghanistan no part in it).
            // Within the noun's own phrase: "Yemen's government condemned the strikes" owns
            // none of them.
            let owned = (from.max(span.start.saturating_sub(4))..span.start).any(|k| {
                (k + 1..span.start).all(|j| {
                    !matches!(norm[j].as_str(), "the" | "a" | "an" | "this" | "these")
                        && !finite_past(&norm[j])
                }) && (matches!(norm[k].as_str(), "his" | "her" | "their" | "its")
                    || matches!(norm[k].as_str(), "'s" | "’s")
                        && found.iter().any(|&mi| res.mentions[mi].tokens.end == k))
            });
            // The verb governs the noun: "carried out a series of attacks", "claimed
            // responsibility for the attack", not "opened his remarks with the attack".
            let governs = |v: usize| {
                (v + 1..span.start).all(|j| {
                    let w = norm[j].as_str();
                    !(SKIP_AFTER.contains(&w) || matches!(w, "," | "with" | "by" | "that"))
                        || matches!(
                            (norm[j - 1].as_str(), w),
                            ("responsibility" | "credit", "for")
                                | ("part", "in")
                                | ("series" | "wave" | "spate" | "string" | "number", "of")
                        )
                })
            };
            // "has reported an assault": "has" is an auxiliary there, not "had a clash".
            let auxiliary = |v: usize| {
                matches!(norm[v].as_str(), "have" | "has" | "had" | "having")
                    && norm.get(v + 1).is_some_and(|w| {
                        w.ends_with("ed")
                            || w.ends_with("en")
                            || matches!(w.as_str(), "not" | "n't")
                    })
            };
            let does = owned
                || (from..span.start)
                    .any(|v| DOING.contains(&norm[v].as_str()) && !auxiliary(v) && governs(v));
            if does
                || found
                    .iter()
                    .all(|&mi| res.mentions[mi].tokens.end == span.start)
            {
                found
            } else {
                Vec::new()
            }
        }
        // "X condemned the attack": whoever speaks of a known event did not carry it out.
        _ if cue.class == CueClass::Noun
            && span.start > s.tokens.start
            && matches!(
                norm[span.start - 1].as_str(),
                "the" | "this" | "these" | "those"
            ) =>
        {
            Vec::new()
        }
        // "her husband, jailed opposition leader Leopoldo Lopez": a participle before a noun
        // describes who follows; nobody before it did the deed.
        _ if cue.class == CueClass::Verb
            && span.len() == 1
            && norm[trig].ends_with("ed")
            && trig > s.tokens.start
            && norm[trig - 1] == ","
            && norm.get(span.end).is_some_and(|w| {
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !SKIP_AFTER.contains(&w.as_str())
                    && !TARGET_PREPS.contains(&w.as_str())
                    && !NOT_NP_START.contains(&w.as_str())
                    && !QUANTITY.contains(&w.as_str())
                    && !matches!(
                        w.as_str(),
                        "the" | "a" | "an" | "by" | "and" | "or" | "his" | "her" | "their" | "its"
                    )
            })
            // … and the name it describes follows its title ("opposition leader X").
            && (span.end + 1..(span.end + 4).min(s.tokens.end))
                .find(|&j| mention_at[j] != usize::MAX || !norm[j].chars().all(|c| c.is_lowercase() || c == '-'))
                .is_some_and(|j| mention_at[j] != usize::MAX) =>
        {
            Vec::new()
        }
        // "X, killed in a PKK attack": the attacker only between "in" and the noun.
        _ if let Some(prep) = suffered => {
            left_agent(t, info, res, mention_at, prep + 1, span.start, si)
        }
        _ => left_agent(t, info, res, mention_at, cstart, span.start, si),
    };
    // "X shakes hands with Y after their meeting": "their" is the people named before it.
    let their = symmetric
        && (span.start.saturating_sub(3).max(s.tokens.start)..span.start)
            .any(|k| norm[k] == "their");
    let left = if their {
        let mut seen = BTreeSet::new();
        let before: Vec<usize> = (s.tokens.start..span.start)
            .filter_map(|k| {
                let mi = mention_at[k];
                (mi != usize::MAX && res.mentions[mi].tokens.start == k && kind_of(mi).is_agent())
                    .then_some(mi)
            })
            .filter(|&mi| seen.insert(res.entity_of[mi]))
            .collect();
        let people: Vec<usize> = before
            .iter()
            .copied()
            .filter(|&mi| kind_of(mi).is_person())
            .collect();
        if people.len() >= 2 {
            people
        } else if before.len() >= 2 {
            before
        } else {
            left
        }
    } else {
        left
    };
    // A reduced relative's subject is the noun right before it: in "officials said a drone
    // shot down by a jet …" the officials were not shot.
    let left = if passive && !auxiliary {
        left.into_iter()
            .filter(|&mi| res.mentions[mi].tokens.end == span.start)
            .collect()
    } else {
        left
    };
    // Right side: the first group of coordinated entities after the trigger in the clause
    // ("bases of the BLF and BLA"), and any places.
    let mut right: Vec<(usize, Option<&str>)> = Vec::new();
    let mut prep: Option<&str> = None;
    let mut last_agent_end: Option<usize> = None;
    let mut closed = false;
    // "speaks with X through a speaker phone": whom one speaks with may stand inside the cue.
    // So may whose envoy is expelled or recalled: "expelled an Indian diplomat".
    let mut k = if (symmetric
        || matches!(cue.kind, EventType::Expulsion | EventType::RecallAmbassador))
        && trig == span.start
    {
        trig + 1
    } else {
        span.end
    };
    let limit = cend.min(span.end + 14);
    // "the members killed were of American nationality", "the soldiers killed in the blast
    // were Americans": what follows the clause's own verb describes its subject; only a
    // "by" phrase still names who acted ("the attack was claimed by IS"), and a place where
    // ("the rally was held in Brussels").
    let predicate_from = (span.end..limit).find(|&j| {
        matches!(norm[j].as_str(), "is" | "are" | "was" | "were")
            && (j == span.end || cue.class == CueClass::Noun)
    });
    while k < limit {
        let w = norm[k].as_str();
        if mention_at[k] != usize::MAX
            && predicate_from.is_some_and(|j| k > j)
            && kind_of(mention_at[k]) != EntityType::Place
            && (cue.class == CueClass::Verb || prep != Some("by"))
        {
            k = res.mentions[mention_at[k]].tokens.end;
            continue;
        }
        if mention_at[k] != usize::MAX {
            let mi = mention_at[k];
            let m = &res.mentions[mi];
            let kind = kind_of(mi);
            // ", Iranian officials said.": who tells of the event after a comma is no part of it.
            // ", the ISPR said." too.
            let after_comma = norm[k - 1] == ","
                || k > span.end + 1 && norm[k - 1] == "the" && norm[k - 2] == ",";
            let speaker = k > span.end
                && after_comma
                && (m.tokens.end..(m.tokens.end + 3).min(s.tokens.end)).any(|j| {
                    let w = norm[j].as_str();
                    matches!(w, "said" | "says" | "told" | "added") || lex.reporting.contains(w)
                });
            if speaker {
                break;
            }
            let counterpart = m.kind == MentionKind::Demonym
                && norm.get(m.tokens.end).is_some_and(|w| w == "counterpart");
            // "against Yemen's Houthi rebels": the possessor only qualifies the name after it.
            let possessor = norm
                .get(m.tokens.end)
                .is_some_and(|w| matches!(w.as_str(), "'s" | "’s"))
                && {
                    // Past a title: "with Pakistan's National Security Adviser Sartaj Aziz".
                    let mut j = m.tokens.end + 1;
                    while j < limit && in_title[j] && mention_at[j] == usize::MAX {
                        j += 1;
                    }
                    mention_at.get(j).is_some_and(|&next| {
                        // "Iran's Sistan province": the state is struck, in that place.
                        next != usize::MAX && next != mi && kind_of(next) != EntityType::Place
                    })
                };
            // "by the Somali militant group al-Shabab": the demonym qualifies the name after it.
            let qualifies = m.kind == MentionKind::Demonym
                && (m.tokens.end..(m.tokens.end + 4).min(limit))
                    .find(|&j| {
                        mention_at[j] != usize::MAX
                            || !norm[j].chars().all(char::is_lowercase)
                            || SKIP_AFTER.contains(&norm[j].as_str())
                            || matches!(norm[j].as_str(), "and" | "or" | "by" | "with")
                    })
                    .is_some_and(|j| mention_at[j] != usize::MAX && j > m.tokens.end);
            if counterpart || possessor || qualifies {
                k = m.tokens.end;
                continue;
            }
            // "in Mazar-i-Sharif, Afghanistan", "San Bernardino, Calif.": the state or region
            // after a place only locates it (a locatedIn fact); the event's place is the first.
            let locates = matches!(kind, EntityType::State | EntityType::Place)
                && k >= 2
                && norm[k - 1] == ","
                && mention_at[k - 2] != usize::MAX
                && kind_of(mention_at[k - 2]) == EntityType::Place;
            // "in connection with the Pahalgam attack": a place naming another event is that
            // event's setting.
            let names_event = kind == EntityType::Place
                && m.tokens.end < s.tokens.end
                && lex.cue_at(norm, m.tokens.end, s.tokens.end, |c| {
                    c.class == CueClass::Noun
                });
            if locates || names_event {
                // Neither an argument nor the end of the coordinated group before it.
            } else if matches!(kind, EntityType::Place | EntityType::Operation) {
                right.push((mi, prep));
            } else if !closed {
                // A title before a name belongs to it: "Turkish President Tayyip Erdogan".
                let k = m.title.as_ref().map_or(k, |tt| tt.tokens.start.min(k));
                let coordinated = last_agent_end.is_none_or(|e| {
                    (e..k).all(|j| {
                        // A demonym qualifying the next name: "and German Chancellor X".
                        mention_at[j] != usize::MAX
                            && res.mentions[mention_at[j]].kind == MentionKind::Demonym
                            || matches!(
                                norm[j].as_str(),
                                "and"
                                    | ","
                                    | "or"
                                    | "the"
                                    | "counterpart"
                                    | "his"
                                    | "her"
                                    | "its"
                                    | "their"
                            )
                    })
                });
                if coordinated {
                    right.push((mi, prep));
                    last_agent_end = Some(m.tokens.end);
                } else {
                    closed = true;
                }
            }
            k = m.tokens.end;
            continue;
        }
        // Words of a title belong to the name that follows ("Secretary of State Marco Rubio").
        if in_title[k] {
            k += 1;
            continue;
        }
        if last_agent_end.is_some()
            && matches!(
                w,
                "that" | "which" | "who" | "to" | "after" | "while" | "as"
            )
        {
            closed = true;
        }
        // "condemned the strikes and summoned the Israeli envoy": a second verb with its own
        // object starts another clause.
        if second_verb(norm, mention_at, k, limit) {
            break;
        }
        // "agreed to a ceasefire brokered by Qatar": "by" after another participle names
        // that deed's doer; this deed's doer may still follow ("an attack claimed by X").
        if w == "by"
            && !passive
            && k > span.end
            && k - 1 != trig
            && finite_past(&norm[k - 1])
            && !DOING.contains(&norm[k - 1].as_str())
            && !matches!(
                norm[k - 1].as_str(),
                "claimed"
                    | "perpetrated"
                    | "committed"
                    | "orchestrated"
                    | "masterminded"
                    | "attended"
                    | "hosted"
                    | "chaired"
                    | "joined"
            )
        {
            break;
        }
        if SKIP_AFTER.contains(&w)
            || TARGET_PREPS.contains(&w)
            || matches!(
                w,
                "with" | "by" | "between" | "targeting" | "outside" | "throughout" | "beyond"
            )
        {
            prep = Some(match w {
                "with" => "with",
                "by" => "by",
                "between" => "between",
                "in" => "in",
                "inside" => "inside",
                "at" => "at",
                "from" => "from",
                "of" => "of",
                "to" => "to",
                "on" | "against" | "targeting" | "into" | "toward" | "towards" => "on",
                "near" | "across" | "over" | "within" | "through" | "throughout" | "outside"
                | "beyond" | "under" => "around",
                _ => "other",
            });
        } else if matches!(w, "said" | "says" | "told" | "added")
            // "the attack was claimed by Hamas": the claim names who did it.
            || lex.reporting.contains(w)
                && w != "according"
                && !(w == "claimed"
                    && cue.class == CueClass::Noun
                    && norm.get(k + 1).is_some_and(|n| n == "by"))
            // A finite verb past the object starts the next clause: "the man who killed 49
            // people last month is not representative of Muslim Americans".
            || k > span.end + 1 && matches!(w, "is" | "are" | "was" | "were")
        {
            break;
        }
        k += 1;
    }
    // "arrested 12 people suspected of links to X": the people are arrested, not X.
    if cue.kind == EventType::Arrest
        && right
            .first()
            .is_some_and(|(_, p)| matches!(p, Some("of" | "to" | "from" | "with" | "other")))
        && noun_phrase(t, info, mention_at, lex, span.end, cend).is_some()
    {
        right.retain(|(mi, _)| kind_of(*mi) == EntityType::Place);
    }
    // "targeted a bakery on the central street Rue Victor Hugo": after a direct object, a
    // name on or at something says where, not what was hit.
    if cue.kind.is_violent()
        && cue.class == CueClass::Verb
        && right
            .first()
            .is_some_and(|(_, p)| matches!(p, Some("on" | "at" | "around")))
        && noun_phrase(t, info, mention_at, lex, span.end, cend).is_some()
    {
        right.retain(|(mi, p)| {
            kind_of(*mi) == EntityType::Place || !matches!(p, Some("on" | "at" | "around"))
        });
    }
    // In symmetric events a state right before a person only qualifies them
    // ("Minister of Foreign Affairs of Turkiye Hakan Fidan").
    if symmetric {
        let persons: Vec<usize> = right
            .iter()
            .filter(|(mi, _)| kind_of(*mi).is_person())
            .flat_map(|(mi, _)| {
                let m = &res.mentions[*mi];
                [
                    Some(m.tokens.start),
                    m.title.as_ref().map(|tt| tt.tokens.start),
                ]
            })
            .flatten()
            .collect();
        right.retain(|(mi, _)| {
            kind_of(*mi).is_person() || !persons.contains(&res.mentions[*mi].tokens.end)
        });
    }

    if passive {
        if let Some(mi) = left.first().copied() {
            push(&mut args, Role::Target, mi);
        }
        if let Some((mi, _)) = right.iter().find(|(_, p)| *p == Some("by")) {
            push(&mut args, Role::Actor, *mi);
        } else if !under
            && let Some(actor) = reporting_subject(
                info,
                res,
                mention_at,
                s.tokens.start,
                left.first()
                    .map(|&mi| res.mentions[mi].tokens.start)
                    .unwrap_or(span.start),
            )
        {
            push(&mut args, Role::Actor, actor);
        }
    } else {
        // Whoever convenes or hosts a meeting acts; the others take part.
        let convenes = cue.kind == EventType::Meeting
            && (span.start.saturating_sub(3).max(cstart)..=trig).any(|k| {
                ["summon", "conven", "host", "chair", "organi", "call"]
                    .iter()
                    .any(|p| norm[k].starts_with(p))
            });
        // "his arrest", "Besigye's detention": whose arrest it is was held, unless an "of"
        // phrase names who was ("Iran's detention of ten sailors").
        let held = cue.kind == EventType::Arrest
            && cue.class == CueClass::Noun
            && span.start > s.tokens.start
            && (possessor.is_some()
                || matches!(norm[span.start - 1].as_str(), "his" | "her" | "their"))
            && norm.get(span.end).is_none_or(|w| w != "of");
        let role = if convenes {
            Role::Actor
        } else if held {
            Role::Target
        } else {
            agent_role
        };
        for &mi in &left {
            push(&mut args, role, mi);
        }
    }

    // "officers X and Y, killed in an attack by rebels": who suffered the attack was its
    // target.
    if let Some(prep) = suffered {
        for mi in left_agent(t, info, res, mention_at, cstart, prep - 1, si) {
            push(&mut args, Role::Target, mi);
        }
    }

    // An event noun that is what someone is blamed for: "blamed the deadly attack on".
    let blamed_on = cue.class == CueClass::Noun && {
        let mut k = span.start;
        while k > cstart
            && (mention_at[k - 1] != usize::MAX
                || matches!(
                    norm[k - 1].as_str(),
                    "the" | "a" | "an" | "this" | "that" | "these"
                )
                || norm[k - 1].chars().all(|c| c.is_lowercase() || c == '-')
                    && !SKIP_AFTER.contains(&norm[k - 1].as_str())
                    && !norm[k - 1].starts_with("blam"))
        {
            k -= 1;
        }
        k > cstart
            && matches!(
                norm[k - 1].as_str(),
                "blamed" | "blames" | "blame" | "blaming"
            )
    };
    // States an attack happened in ("workers were attacked in Kenya"): the target only when
    // nothing else in the clause was hit.
    let mut merely_in: Vec<usize> = Vec::new();
    for &(mi, p) in &right {
        let kind = kind_of(mi);
        let m = &res.mentions[mi];
        // "his Iranian counterpart, X": the demonym qualifies the person who follows.
        if m.kind == MentionKind::Demonym
            && m.tokens.end < n_of(t)
            && norm[m.tokens.end] == "counterpart"
        {
            continue;
        }
        if symmetric {
            if kind == EntityType::Place {
                push(&mut args, Role::Place, mi);
            } else if matches!(
                p,
                Some("with") | Some("between") | Some("and") | Some("of") | None
            ) || kind.is_person()
            {
                push(&mut args, Role::Participant, mi);
            }
            continue;
        }
        match (kind, p) {
            (EntityType::Place, _) => push(&mut args, Role::Place, mi),
            (_, Some("by")) if !passive && cue.class == CueClass::Noun => {
                push(&mut args, Role::Actor, mi)
            }
            (_, Some("with"))
                if matches!(cue.kind, EventType::IntentToCooperate | EventType::Visit) =>
            {
                push(&mut args, Role::Target, mi)
            }
            // "clashed with Taliban fighters": the other side ("fighting with Turkish forces"
            // may be fighting beside them).
            (_, Some("with"))
                if cue.kind.is_violent()
                    && ["clash", "battl", "skirmish", "exchang"]
                        .iter()
                        .any(|p| norm[trig].starts_with(p)) =>
            {
                push(&mut args, Role::Target, mi)
            }
            (_, Some("with")) => {}
            (EntityType::Operation, _) => {}
            (_, Some("between")) if cue.kind == EventType::MediationOffer => {
                push(&mut args, Role::Target, mi)
            }
            // "came under fire from Islamic State".
            (k, Some("from")) if under && k.is_agent() => push(&mut args, Role::Actor, mi),
            _ if passive => {}
            (_, Some("from")) if matches!(cue.kind, EventType::RecallAmbassador) => {
                push(&mut args, Role::Place, mi)
            }
            // "blamed the attack on the Taliban": whom it is blamed on is who is said to
            // have done it, as with "accused Iran of carrying out the strike".
            (_, Some("on")) if blamed_on => push(&mut args, Role::Actor, mi),
            // "rocket fire from Hamas": an armed group a blow comes from dealt it.
            (EntityType::MilitantGroup, Some("from"))
                if cue.class == CueClass::Noun && cue.kind.is_violent() =>
            {
                push(&mut args, Role::Actor, mi)
            }
            // Where a strike came from is not what it hit ("fired from Lebanon").
            (_, Some("from")) => {}
            // Force used in or across a state ("strikes in Syria", "targets inside Iran")
            // strikes the state, there; anything else done in a state only happens there.
            (EntityType::State, Some(prep @ ("in" | "inside" | "around"))) => {
                if cue.kind.is_violent() {
                    push(&mut args, Role::Target, mi);
                    if prep == "in" {
                        merely_in.push(res.entity_of[mi]);
                    }
                }
                push(&mut args, Role::Place, mi);
            }
            // Around anyone else ("a raid near the Hezbollah office") it is not what was hit.
            (_, Some("around")) => {}
            _ => push(&mut args, Role::Target, mi),
        }
    }
    // Without a place in its clause, the event happened where the sentence says it did
    // further on: "is detained by security officers ahead of a march … in Havana, Cuba".
    // A call has two ends, so it takes no place from afar.
    // Not past a deed this one answers: "the strike was meant as retaliation for the
    // attacks in Tehran" did not happen in Tehran.
    if cue.kind != EventType::Call && !args.iter().any(|a| a.role == Role::Place) {
        // Nor past a second verb with its own object: "condemned the strikes and summoned
        // the envoy in Cairo".
        let upto = (span.end..s.tokens.end)
            .find(|&k| {
                ANSWERS.contains(&norm[k].as_str())
                    || second_verb(norm, mention_at, k, s.tokens.end)
            })
            .unwrap_or(s.tokens.end);
        let far = (span.end..upto).find(|&k| {
            k > span.start + 1
                && matches!(norm[k - 1].as_str(), "in" | "at")
                && mention_at[k] != usize::MAX
                && res.mentions[mention_at[k]].tokens.start == k
                && kind_of(mention_at[k]) == EntityType::Place
        });
        if let Some(k) = far {
            push(&mut args, Role::Place, mention_at[k]);
        }
    }
    // A place that names a noun event says where it happened: "the Dallas shooting", "the
    // Brussels terrorist attacks".
    if cue.class == CueClass::Noun {
        let mut k = span.start;
        while k > cstart + 1
            && k + 3 > span.start
            && mention_at[k - 1] == usize::MAX
            && info.norm[k - 1]
                .chars()
                .all(|c| c.is_lowercase() || c == '-')
            && !matches!(
                info.norm[k - 1].as_str(),
                "the" | "a" | "an" | "of" | "in" | "and"
            )
        {
            k -= 1;
        }
        if k > cstart
            && mention_at[k - 1] != usize::MAX
            && kind_of(mention_at[k - 1]) == EntityType::Place
            && res.mentions[mention_at[k - 1]].tokens.end == k
        {
            push(&mut args, Role::Place, mention_at[k - 1]);
        }
    }
    // Symmetric events with nobody on the left: the subject after an opening phrase
    // ("In a call with X, FM Y said …").
    if symmetric && left.is_empty() {
        let after_comma = (span.end..s.tokens.end).find(|&k| norm[k] == ",");
        if let Some(c) = after_comma
            && let Some(k) = (c + 1..s.tokens.end.min(c + 6))
                .find(|&k| mention_at[k] != usize::MAX && kind_of(mention_at[k]).is_agent())
        {
            push(&mut args, Role::Participant, mention_at[k]);
        }
    }
    // A capital named as the place of a diplomatic act stands for its state.
    if matches!(cue.kind, EventType::RecallAmbassador | EventType::Expulsion)
        && !args.iter().any(|a| a.role == Role::Target)
    {
        let g = super::gazetteer::Gazetteer::bundled();
        let capital_state = args.iter().find_map(|a| match a.filler {
            Filler::Entity { entity, .. } if a.role == Role::Place => res.entities[entity]
                .entry
                .and_then(|e| g.entries[e].capital_of),
            _ => None,
        });
        if let Some(state) = capital_state
            && let Some(ei) = res.entities.iter().position(|e| e.entry == Some(state))
            && let Some(&mi) = res.entities[ei].mentions.first()
        {
            push(&mut args, Role::Target, mi);
        }
    }
    // Unnamed people who act: "Police officers detained …", "gunmen attacked …", "was shot by
    // police", "an attack by gunmen".
    if !symmetric && !args.iter().any(|a| a.role == Role::Actor) {
        // "by" may come after a place or time: "shot in Dallas last week by a sniper".
        let by = |from: usize| {
            (from..cend.min(from + 8))
                .take_while(|&k| {
                    !matches!(
                        norm[k].as_str(),
                        "," | ";" | "and" | "after" | "while" | "when"
                    )
                })
                .find(|&k| norm[k] == "by")
                .and_then(|k| nominal_after(info, mention_at, k + 1, cend))
        };
        // "the man who attacked the officers": the antecedent of "who" acts.
        let antecedent = || {
            let who = cstart
                .checked_sub(1)
                .filter(|&k| k > s.tokens.start && norm[k] == "who" && inside_relative)?;
            let before = if norm[who - 1] == "," { who - 1 } else { who };
            nominal_before(info, mention_at, s.tokens.start, before, PEOPLE)
                .or_else(|| nominal_before(info, mention_at, s.tokens.start, before, PATIENTS))
        };
        // "Police raided the house and arrested two men": the second verb shares the subject.
        let shared = in_series.then_some(prev_nominal).flatten();
        let actor = if passive {
            by(span.end)
        } else if let Some(r) = shared.filter(|_| cue.class == CueClass::Verb) {
            Some(r)
        } else if cue.class == CueClass::Verb {
            nominal_before(info, mention_at, cstart, span.start, PEOPLE)
                .or_else(antecedent)
                // "Police in Sanaa arrested dozens": a short place phrase after the subject.
                .or_else(|| {
                    (span.start.saturating_sub(4).max(cstart + 1)..span.start)
                        .rev()
                        .find(|&k| SUBJECT_PPS.contains(&norm[k].as_str()))
                        .and_then(|k| nominal_before(info, mention_at, cstart, k, PEOPLE))
                })
                .or_else(|| {
                    // Anyone may march or protest: "people across the nation marched".
                    (cue.kind == EventType::Protest)
                        .then(|| protest_subject(info, mention_at, cstart, span.start))?
                })
        } else {
            by(span.end).or_else(|| nominal_modifier(info, mention_at, cstart, span.start))
        };
        if let Some(r) = actor {
            args.push(Arg {
                role: Role::Actor,
                filler: Filler::Span(r.start, r.end),
            });
            // The place phrase of "police in Sanaa arrested" says where, when no other does.
            let place = (r.end + 1 < span.start
                && matches!(norm[r.end].as_str(), "in" | "across" | "throughout")
                && mention_at[r.end + 1] != usize::MAX
                && matches!(
                    kind_of(mention_at[r.end + 1]),
                    EntityType::Place | EntityType::State
                ))
            .then(|| mention_at[r.end + 1]);
            if let Some(mi) = place
                && !args.iter().any(|a| a.role == Role::Place)
            {
                push(&mut args, Role::Place, mi);
            }
        }
    }
    // An unnamed subject of a passive is what was hit or held: "some students were detained".
    // "targets in Syria" still strike Syria: a generic military objective stands for the
    // state it is in.
    let real_target = |args: &[Arg]| {
        args.iter().any(|a| match a.filler {
            _ if a.role != Role::Target => false,
            Filler::Span(_, e) => !OBJECTIVES.contains(&norm[e - 1].as_str()),
            Filler::Entity { entity, .. } => !merely_in.contains(&entity),
        })
    };
    let (subject_from, subject_to) = match antecedent_end {
        Some(p) => (s.tokens.start, p),
        None => (cstart, span.start),
    };
    if passive
        && !real_target(&args)
        && let Some(r) = nominal_before(info, mention_at, subject_from, subject_to, PEOPLE)
            .or_else(|| nominal_before(info, mention_at, subject_from, subject_to, PATIENTS))
    {
        args.push(Arg {
            role: Role::Target,
            filler: Filler::Span(r.start, r.end),
        });
    }
    // An unnamed target right after the trigger: "striking militant targets".
    if !symmetric
        && !real_target(&args)
        && matches!(
            cue.kind,
            EventType::Attack
                | EventType::MilitaryCampaign
                | EventType::Arrest
                | EventType::Sanction
        )
        // After a noun only a preposition introduces the target ("an attack on a convoy");
        // what follows a bare noun is usually the verb of its own clause.
        && (cue.class != CueClass::Noun
            || span.end < cend && TARGET_PREPS.contains(&norm[span.end].as_str()))
        && let Some(np) = noun_phrase(t, info, mention_at, lex, span.end, cend)
        // "in the southwestern city of Quetta", "shot on the spot": a setting, not a target.
        && !(matches!(norm[span.end].as_str(), "in" | "at" | "on")
            && SETTINGS.contains(&norm[np.end - 1].as_str()))
        // "fired tear gas canisters": what a fire verb takes is what it shoots.
        && !(norm[trig].starts_with("fir") && np.start == span.end)
    {
        args.push(Arg {
            role: Role::Target,
            filler: Filler::Span(np.start, np.end),
        });
    }
    // Instruments near the trigger: "missile and drone attack", "its drones and missiles struck".
    // What was shot down is the target, not the weapon: "a drone shot down by a jet".
    let downed = passive && (span.start..(span.end + 1).min(cend)).any(|k| norm[k] == "down");
    // Only force and its threat have weapons: the boats of "boarded the vessels and
    // detained" are no instrument of the arrest.
    let armed = cue.kind.is_violent() || cue.kind == EventType::Threat;
    let window_end = cend.min(trig + 6);
    let mut k = cstart.max(trig.saturating_sub(5));
    while armed && k < window_end {
        // The longest weapon named: "a car bomb" is one weapon, not a car and a bomb.
        let len = if k + 1 < window_end
            && lex
                .instruments
                .contains(&format!("{} {}", norm[k], norm[k + 1]))
        {
            2
        } else {
            1
        };
        let named = (k..k + len).any(|j| mention_at[j] != usize::MAX);
        // What fire is aimed at is hit, not used: "launched missiles at ships".
        let aimed_at = (k.saturating_sub(3).max(span.end)..k)
            .rev()
            .take_while(|&j| !lex.instruments.contains(&norm[j]))
            .any(|j| matches!(norm[j].as_str(), "at" | "on" | "against" | "targeting"));
        // What a blow lands on is hit: "attacked a tanker", "struck two warships"; what is
        // fired, launched or dropped is used.
        let object = cue.class == CueClass::Verb
            && k >= span.end
            && k <= span.end + 2
            && (span.end..k).all(|j| {
                mention_at[j] == usize::MAX
                    && !SKIP_AFTER.contains(&norm[j].as_str())
                    && !TARGET_PREPS.contains(&norm[j].as_str())
                    && !matches!(norm[j].as_str(), "with" | "by" | "and" | "," | "using")
            })
            && ![
                "fir", "launch", "drop", "use", "deploy", "detonat", "lob", "hurl", "throw",
                "threw", "unleash", "rain", "sent", "send", "flew", "fly",
            ]
            .iter()
            .any(|p| norm[trig].starts_with(p));
        if (len == 2 || k != trig && lex.instruments.contains(&norm[k]))
            && !named
            && !aimed_at
            && !object
        {
            args.push(Arg {
                role: if downed && k < trig {
                    Role::Target
                } else {
                    Role::Instrument
                },
                filler: Filler::Span(k, k + len),
            });
        }
        k += len;
    }
    if real_target(&args) {
        args.retain(|a| {
            a.role != Role::Target || a.filler_entity().is_none_or(|e| !merely_in.contains(&e))
        });
    }
    // Nobody attacks or targets themselves.
    let actors: Vec<usize> = args
        .iter()
        .filter(|a| a.role == Role::Actor)
        .filter_map(Arg::filler_entity)
        .collect();
    args.retain(|a| {
        a.role != Role::Target || a.filler_entity().is_none_or(|e| !actors.contains(&e))
    });
    args.sort();
    args.dedup();

    // Cues with other common senses need their event's context.
    let named = |roles: &[Role]| {
        args.iter()
            .filter(|a| roles.contains(&a.role) && a.filler_entity().is_some())
            .count()
    };
    if cue.ambiguous {
        let ok = match cue.kind {
            EventType::Attack | EventType::MilitaryCampaign => true,
            EventType::Call => {
                // Another word of the conversation besides the cue itself, and someone in it;
                // "phoned X" is a call by itself.
                let phoned = matches!(
                    norm[trig].as_str(),
                    "phoned" | "telephoned" | "phones" | "telephones" | "phoning" | "telephoning"
                );
                (phoned
                    || (cstart..cend).any(|k| {
                        k != trig
                            && matches!(
                                norm[k].as_str(),
                                "phone"
                                    | "call"
                                    | "telephone"
                                    | "telephonic"
                                    | "telephoned"
                                    | "phoned"
                                    | "spoke"
                                    | "speak"
                                    | "talked"
                                    | "conversation"
                                    | "discussed"
                                    | "video"
                            )
                    }))
                    && named(&[Role::Participant]) >= 1
            }
            // "recalled Terry Mack, an officer" after a quote remembers; a recall is of a
            // diplomat or from a post.
            EventType::RecallAmbassador => (span.end..cend).any(|k| {
                let w = norm[k].as_str();
                [
                    "ambassador",
                    "envoy",
                    "diplomat",
                    "consul",
                    "chargé",
                    "commissioner",
                    "embass",
                ]
                .iter()
                .any(|p| w.starts_with(p))
            }),
            // "called on the emir" is a courtesy call; "called on the attorney general's office
            // to investigate" is an appeal.
            EventType::Meeting if norm[trig].starts_with("call") => {
                !(span.end..cend).any(|k| {
                    norm[k] == "to"
                        && norm
                            .get(k + 1)
                            .is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()))
                }) && named(&[Role::Actor, Role::Target, Role::Participant]) >= 1
            }
            // "consulted with Tehran", "consulted the emir"; not "consulting court papers".
            EventType::Meeting if norm[trig].starts_with("consult") => {
                norm.get(span.end).is_some_and(|w| w == "with")
                    || (span.end..(span.end + 3).min(cend)).any(|k| {
                        mention_at[k] != usize::MAX
                            || in_title[k]
                            || PEOPLE.contains(&norm[k].as_str())
                    })
            }
            // "hosted Putin" is a meeting; "will host the semi-finals" and "their hosts" are not.
            EventType::Meeting if norm[trig].starts_with("host") => {
                !(trig > s.tokens.start
                    && matches!(
                        norm[trig - 1].as_str(),
                        "the" | "a" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
                    ))
                    && (span.end..(span.end + 4).min(cend))
                        .any(|k| mention_at[k] != usize::MAX && kind_of(mention_at[k]).is_agent())
            }
            // "picks up a weapon", "captured two party caucuses": an arrest takes someone, and
            // someone named (or unnamed people) takes part.
            EventType::Arrest if cue.class == CueClass::Verb => {
                args.iter().any(|a| a.role == Role::Target)
                    && (named(&[Role::Actor, Role::Target]) >= 1
                        || args.iter().any(|a| a.role == Role::Actor))
            }
            EventType::IntentToCooperate => (cstart..trig).any(|k| {
                matches!(
                    norm[k].as_str(),
                    "ready"
                        | "readiness"
                        | "willing"
                        | "willingness"
                        | "agreed"
                        | "agree"
                        | "pledged"
                        | "vowed"
                        | "will"
                        | "intend"
                        | "intends"
                        | "committed"
                        | "commitment"
                )
            }),
            // Someone named takes part, or unnamed people act ("students protested"); troops
            // that march parade.
            _ => {
                let armed_marchers = cue.kind == EventType::Protest
                    && args.iter().any(|a| match a.filler {
                        Filler::Span(_, e) if a.role == Role::Actor => {
                            UNIFORMED.contains(&norm[e - 1].as_str())
                        }
                        _ => false,
                    });
                !armed_marchers
                    && (named(&[Role::Actor, Role::Target, Role::Participant]) >= 1
                        || args.iter().any(|a| a.role == Role::Actor))
            }
        };
        if !ok {
            return None;
        }
    }
    // A visit goes somewhere.
    if cue.kind == EventType::Visit && named(&[Role::Target, Role::Place]) == 0 {
        return None;
    }

    // The date named in the clause, else in the sentence. A possessive date dates only its
    // own noun: "the strikes targeted camps it blames for last month's attack" did not
    // happen last month.
    let words = |r: Range<usize>| -> Vec<&str> { r.map(|k| norm[k].as_str()).collect() };
    let dated = |r: Range<usize>| {
        let mut from = r.start;
        while from < r.end {
            let (when, at) = dates::find_date(&words(from..r.end), published)?;
            let at = from + at;
            let owner = (at + 1..(at + 4).min(r.end))
                .find(|&k| matches!(norm[k].as_str(), "'s" | "’s"))
                .map(|k| k + 1);
            match owner {
                Some(o) if !(o..o + 3).contains(&trig) => from = o,
                _ => return Some(when),
            }
        }
        None
    };
    // A known event ("the Pahalgam attack") takes only a date of its own phrase ("the attack
    // on Tuesday"); the one of its sentence belongs to what the sentence reports.
    let known = cue.class == CueClass::Noun
        && (span.start.saturating_sub(4).max(s.tokens.start)..span.start)
            .any(|k| matches!(norm[k].as_str(), "the" | "this"));
    let date = if known {
        dated(span.start.saturating_sub(4).max(cstart)..(span.end + 4).min(cend))
    } else {
        dated(cstart..cend).or_else(|| dated(s.tokens.clone()))
    };
    Some(Event {
        kind: cue.kind,
        cameo: cue.cameo.clone(),
        triggers: vec![trig],
        args,
        date,
        sentences: BTreeSet::from([si]),
        bare_noun: cue.class == CueClass::Noun && span.len() == 1,
        definite: span.start > s.tokens.start
            && matches!(
                norm[span.start - 1].as_str(),
                "the" | "this" | "these" | "those" | "that" | "such"
            ),
        background: cstart > s.tokens.start
            && matches!(
                norm[cstart - 1].as_str(),
                "after" | "following" | "before" | "since" | "amid" | "despite"
            )
            || cue.class == CueClass::Noun && answered(norm, cstart, span.start),
        // Only a clause on an event tells more of it: "the attacks in Tehran that killed 17",
        // not "camps of the group, which it blames for last month's attack".
        relative: opener.is_some_and(|w| matches!(w, "that" | "which")) && {
            let mut k = cstart - 1;
            while k > s.tokens.start && norm[k - 1] == "," {
                k -= 1;
            }
            (k.saturating_sub(8).max(s.tokens.start)..k)
                .rev()
                .take_while(|&j| norm[j] != ",")
                .any(|j| {
                    lex.cue_at(norm, j, k, |c| {
                        c.class == CueClass::Noun && c.kind == cue.kind
                    })
                })
        },
    })
}

/// A verb in the past tense that can head a clause ("summoned", "struck"), not a participle
/// that describes a noun ("armed", "alleged").
fn finite_past(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ed")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            w,
            "armed"
                | "unarmed"
                | "alleged"
                | "suspected"
                | "banned"
                | "outlawed"
                | "proscribed"
                | "designated"
                | "displaced"
                | "disputed"
                | "occupied"
                | "based"
                | "backed"
                | "united"
        )
        || matches!(
            w,
            "struck"
                | "hit"
                | "met"
                | "held"
                | "shot"
                | "took"
                | "sent"
                | "told"
                | "left"
                | "fled"
                | "made"
                | "gave"
                | "said"
                | "began"
                | "won"
                | "lost"
                | "drew"
        )
}

/// Whether "and" at `k` joins a second verb with its own object ("… and summoned the envoy"),
/// which starts another clause.
fn second_verb(norm: &[String], mention_at: &[usize], k: usize, end: usize) -> bool {
    norm[k] == "and"
        && k + 2 < end
        && finite_past(&norm[k + 1])
        && (QUANTITY.contains(&norm[k + 2].as_str())
            || matches!(norm[k + 2].as_str(), "his" | "her" | "its" | "their")
            || mention_at[k + 2] != usize::MAX)
}

/// Words naming a deed done in answer to an earlier one.
const ANSWERS: &[&str] = &[
    "retaliation",
    "response",
    "revenge",
    "reprisal",
    "reprisals",
    "retribution",
    "avenge",
    "answer",
];

/// Whether the noun phrase opening at `noun` names what another deed answers: "retaliation
/// for the twin attacks in Tehran", "in response to the bombing", "to avenge the raid".
fn answered(norm: &[String], cstart: usize, noun: usize) -> bool {
    let from = noun.saturating_sub(7).max(cstart);
    (from..noun)
        .rev()
        .find(|&k| {
            matches!(
                norm[k].as_str(),
                "for" | "to" | "of" | "on" | "in" | "at" | "by" | "against"
            ) || ANSWERS.contains(&norm[k].as_str())
        })
        .is_some_and(|k| {
            ANSWERS.contains(&norm[k].as_str())
                || k > from
                    && matches!(norm[k].as_str(), "for" | "to")
                    && ANSWERS.contains(&norm[k - 1].as_str())
                // "the group blamed for last month's bombing", "arrested in connection with
                // the attack": the deed behind the one the clause reports.
                || k > from
                    && matches!(norm[k].as_str(), "for" | "of" | "with")
                    && matches!(
                        norm[k - 1].as_str(),
                        "blamed"
                            | "blames"
                            | "blame"
                            | "responsible"
                            | "connection"
                            | "accused"
                            | "convicted"
                            | "charged"
                            | "suspected"
                    )
        })
}

impl Arg {
    fn filler_entity(&self) -> Option<usize> {
        match self.filler {
            Filler::Entity { entity, .. } => Some(entity),
            Filler::Span(..) => None,
        }
    }
}

fn n_of(t: &Tokenized<'_>) -> usize {
    t.tokens.len()
}

/// The acting entities left of the trigger in its clause: the nearest agent not governed by a
/// preposition, with coordinated ones ("the UN and the US"); a pronoun resolves to the nearest
/// agent before it in the sentence, then in the sentences before.
fn left_agent(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    res: &Resolved,
    mention_at: &[usize],
    cstart: usize,
    trig: usize,
    si: usize,
) -> Vec<usize> {
    let norm = &info.norm;
    let kind_of = |mi: usize| res.entities[res.entity_of[mi]].kind;
    // A verb coordinated with one before it: "… and detained".
    let mut coordinated = trig > cstart + 1 && norm[trig - 1] == "and";
    let mut k = trig;
    while k > cstart {
        k -= 1;
        let w = norm[k].as_str();
        if PRONOUNS.contains(&w) {
            return resolve_pronoun(t, res, mention_at, k, si)
                .into_iter()
                .collect();
        }
        // An apposition before the verb group qualifies the subject before it: "Besigye,
        // runner-up to President Museveni, was arrested".
        if w == ","
            && (k + 1..trig).all(|j| BETWEEN_SUBJECT_AND_VERB.contains(&norm[j].as_str()))
            && let Some(open) = (cstart..k).rev().find(|&j| norm[j] == ",")
            && open > cstart
            && mention_at[open - 1] != usize::MAX
        {
            k = open;
            continue;
        }
        // Past a reporting verb is the speaker, not the subject of what is reported: "X said
        // the group has an interest in attacking Y".
        if matches!(w, "said" | "says" | "told" | "added" | "stated") {
            return Vec::new();
        }
        let mi = mention_at[k];
        // The nearest noun before the verb is its subject: "Iran said militants attacked",
        // "(Photo/AFP) Onlookers splashed water on the students marching". A head that a
        // name qualifies ("Russian forces", "Iran's troops") leads on to that name.
        if mi == usize::MAX
            && PEOPLE.contains(&w)
            && !matches!(w, "thousands" | "hundreds" | "dozens")
        {
            let mut q = k;
            while q > cstart
                && (PEOPLE_MODIFIERS.contains(&norm[q - 1].as_str())
                    || matches!(norm[q - 1].as_str(), "'s" | "’s"))
                && mention_at[q - 1] == usize::MAX
            {
                q -= 1;
            }
            if q > cstart
                && (mention_at[q - 1] != usize::MAX
                    || matches!(norm[q - 1].as_str(), "its" | "their" | "his" | "her"))
            {
                continue;
            }
            return Vec::new();
        }
        if mi == usize::MAX {
            continue;
        }
        let m = &res.mentions[mi];
        k = m.tokens.start;
        let mut p = k;
        while p > cstart && matches!(norm[p - 1].as_str(), "the" | "a" | "an") {
            p -= 1;
        }
        let governed = p > cstart && SKIP_AFTER.contains(&norm[p - 1].as_str())
            || (p >= 2 && norm[p - 1] == "to" && norm[p - 2] == "according");
        // "Iranian forces boarded the U.S. vessels and detained …": the name is the first
        // verb's object; both verbs share the subject before it.
        if coordinated
            && p > cstart + 1
            && finite_past(&norm[p - 1])
            && !matches!(
                norm[p - 2].as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "and" | "or" | ","
            )
        {
            coordinated = false;
            k = p - 1;
            continue;
        }
        // A dateline ("CAIRO —") says where the story was filed, not who acted; whatever
        // stands before it is a headline.
        let dateline = norm
            .get(m.tokens.end)
            .is_some_and(|w| matches!(w.as_str(), "—" | "–" | "-"))
            && (m.tokens.clone()).all(|j| !t.token_text(j).chars().any(char::is_lowercase));
        if dateline {
            break;
        }
        if governed || !kind_of(mi).is_agent() {
            continue;
        }
        // A demonym acts only as "Russian forces", "Iranian officials" or right before the
        // event ("Iranian strikes"); "an Indian diplomat" is not the state acting.
        if m.kind == MentionKind::Demonym
            && m.tokens.end < trig
            && !AGENT_NOUNS.contains(&norm[m.tokens.end].as_str())
        {
            continue;
        }
        let mut found = vec![mi];
        // Coordination: "X and (the) Y", "X, Y and Z".
        let mut j = k;
        loop {
            let mut p = j;
            if p > cstart && matches!(norm[p - 1].as_str(), "the" | "their" | "its") {
                p -= 1;
            }
            if p > cstart && matches!(norm[p - 1].as_str(), "and" | ",") && p >= 2 {
                // Past the head a name qualifies: "Syrian government forces and their allies".
                let mut e = p - 1;
                while e > cstart + 1
                    && e + 3 > p
                    && mention_at[e - 1] == usize::MAX
                    && (AGENT_NOUNS.contains(&norm[e - 1].as_str())
                        || PEOPLE_MODIFIERS.contains(&norm[e - 1].as_str()))
                {
                    e -= 1;
                }
                let q = mention_at[e - 1];
                if q != usize::MAX && kind_of(q).is_agent() {
                    found.push(q);
                    j = res.mentions[q].tokens.start;
                    continue;
                }
            }
            break;
        }
        return found;
    }
    Vec::new()
}

fn resolve_pronoun(
    t: &Tokenized<'_>,
    res: &Resolved,
    mention_at: &[usize],
    k: usize,
    si: usize,
) -> Option<usize> {
    let kind_of = |mi: usize| res.entities[res.entity_of[mi]].kind;
    let w = t.token_text(k).to_lowercase();
    let personal = matches!(w.as_str(), "he" | "his" | "she" | "her" | "him");
    let fits = |mi: usize| {
        let kind = kind_of(mi);
        if personal {
            kind.is_person()
        } else {
            kind.is_agent() && !kind.is_person()
        }
    };
    let sent_start = t.sentences[si].tokens.start;
    // "Police said they arrested …": a pronoun opening what is reported is its speaker,
    // named or not.
    let lower = |j: usize| t.token_text(j).to_lowercase();
    let mut v = k;
    if v > sent_start && lower(v - 1) == "that" {
        v -= 1;
    }
    if v > sent_start + 1
        && matches!(
            lower(v - 1).as_str(),
            "said" | "says" | "say" | "told" | "added" | "stated"
        )
        && !personal
    {
        // The speaker's phrase: "Pakistan said it", "Iranian officials said they".
        return (sent_start.max(v.saturating_sub(6))..v - 1)
            .rev()
            .take_while(|&j| !matches!(lower(j).as_str(), "," | "that" | "and" | ";"))
            .map(|j| mention_at[j])
            .find(|&mi| mi != usize::MAX && fits(mi));
    }
    // Same sentence, nearest first.
    if let Some(mi) = (sent_start..k)
        .rev()
        .map(|j| mention_at[j])
        .find(|&mi| mi != usize::MAX && fits(mi))
    {
        return Some(mi);
    }
    // Earlier sentences: their first fitting mention (the subject).
    for sj in (si.saturating_sub(3)..si).rev() {
        let s = &t.sentences[sj];
        if let Some(mi) = s
            .tokens
            .clone()
            .map(|j| mention_at[j])
            .find(|&mi| mi != usize::MAX && fits(mi))
        {
            return Some(mi);
        }
    }
    None
}

/// For a passive without "by": who said it ("Pakistan … said Iran’s envoy has been expelled").
fn reporting_subject(
    info: &TokenInfo,
    res: &Resolved,
    mention_at: &[usize],
    start: usize,
    before: usize,
) -> Option<usize> {
    let say = (start..before).rev().find(|&k| {
        matches!(
            info.norm[k].as_str(),
            "said" | "says" | "announced" | "stated" | "confirmed"
        )
    })?;
    let kind_of = |mi: usize| res.entities[res.entity_of[mi]].kind;
    (start..say)
        .rev()
        .map(|k| mention_at[k])
        .find(|&mi| mi != usize::MAX && kind_of(mi).is_agent())
}

/// A short unnamed noun phrase at `from`: determiners skipped, up to four words, no names.
/// Words that cannot open a target noun phrase.
const NOT_NP_START: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "that",
    "there",
    "here",
    "during",
    "outside",
    "after",
    "before",
    "while",
    "when",
    "since",
    "this",
    "it",
    "more",
    "than",
    "also",
    "saying",
    "said",
    "says",
    "came",
    "comes",
    "left",
    "seen",
    "down",
    "up",
    "back",
    "off",
    "out",
    "again",
    "last",
    "next",
    "earlier",
    "later",
    "time",
    "times",
    "part",
    "parts",
    "deaths",
    "death",
    "warning",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "both",
    "would",
    "will",
    "could",
    "may",
    "might",
    "can",
    "not",
    "today",
    "yesterday",
    "tonight",
    "night",
    "morning",
    "evening",
    "afternoon",
    "week",
    "month",
    "year",
    "days",
    "hours",
    "minutes",
    "recent",
    "past",
    "coming",
    "years",
    "weeks",
    "months",
    "decades",
    "downtown",
    "uptown",
    "midtown",
    "nearby",
    // "arrested 20 activists ahead of the rally", "detained them overnight".
    "ahead",
    "overnight",
    "despite",
    "amid",
    "until",
    "throughout",
];

/// People named by what they are rather than who: the heads of unnamed actors.
const PEOPLE: &[&str] = &[
    "police",
    "policemen",
    "officers",
    "officer",
    "gunmen",
    "gunman",
    "militants",
    "militant",
    "troops",
    "soldiers",
    "soldier",
    "forces",
    "rebels",
    "insurgents",
    "fighters",
    "attackers",
    "attacker",
    "assailants",
    "assailant",
    "bombers",
    "bomber",
    "protesters",
    "protestors",
    "demonstrators",
    "students",
    "workers",
    "supporters",
    "islamists",
    "jihadists",
    "extremists",
    "terrorists",
    "guards",
    "authorities",
    "agents",
    "militiamen",
    "militias",
    "militia",
    "mob",
    "crowd",
    "crowds",
    "residents",
    "villagers",
    "marchers",
    "rioters",
    "mourners",
    "activists",
    "army",
    "military",
    "navy",
    "commandos",
    "paratroopers",
    "warplanes",
    "jets",
    "snipers",
    "sniper",
    "separatists",
    "coalition",
    "alliance",
    "pilots",
    "opponents",
    "thousands",
    "hundreds",
    "dozens",
];

/// The preposition that makes the noun at `noun` where someone suffered harm: "killed in an
/// attack", "were wounded in the deadly bombing".
fn suffered_in(norm: &[String], start: usize, noun: usize) -> Option<usize> {
    let prep = (start..noun)
        .rev()
        .take(4)
        .find(|&k| matches!(norm[k].as_str(), "in" | "during" | "by"))?;
    (prep > start
        && matches!(
            norm[prep - 1].as_str(),
            "killed"
                | "wounded"
                | "injured"
                | "hurt"
                | "died"
                | "perished"
                | "slain"
                | "dead"
                | "damaged"
                | "destroyed"
        ))
    .then_some(prep)
}

/// Generic military objectives, which stand for the state they are in ("targets in Syria").
const OBJECTIVES: &[&str] = &[
    "target",
    "targets",
    "position",
    "positions",
    "site",
    "sites",
    "hideout",
    "hideouts",
    "camp",
    "camps",
    "base",
    "bases",
    "facility",
    "facilities",
    "installations",
    "infrastructure",
    "stronghold",
    "strongholds",
];

/// Heads of armed or uniformed bodies, who parade rather than protest when they march.
const UNIFORMED: &[&str] = &[
    "troops",
    "soldiers",
    "forces",
    "army",
    "military",
    "navy",
    "commandos",
    "paratroopers",
    "policemen",
    "cadets",
    "guards",
];

/// People to whom things are done, as heads of an unnamed passive subject.
const PATIENTS: &[&str] = &[
    "woman",
    "women",
    "man",
    "men",
    "people",
    "person",
    "persons",
    "civilians",
    "children",
    "boys",
    "girls",
    "journalist",
    "journalists",
    "reporters",
    "activist",
    "protester",
    "demonstrator",
    "sailors",
    "crew",
    "members",
    "suspect",
    "suspects",
    "leader",
    "leaders",
    "official",
    "officials",
    "dissidents",
    "detainees",
    "prisoners",
    "worshipers",
    "worshippers",
    "pilgrims",
    "tourists",
    "migrants",
    "refugees",
    "passengers",
    "hostages",
    "citizens",
    "youths",
    "farmers",
    "lawyers",
    "teachers",
    "doctors",
    "nurses",
    "employees",
    "fans",
    "voters",
    "locals",
];

/// Words that qualify such a head ("security forces", "riot police", "armed men").
const PEOPLE_MODIFIERS: &[&str] = &[
    "security",
    "armed",
    "riot",
    "special",
    "government",
    "pro-government",
    "federal",
    "local",
    "state",
    "border",
    "paramilitary",
    "unidentified",
    "unknown",
    "masked",
    "suspected",
    "rebel",
    "opposition",
    "student",
    "anti-government",
    "air",
    "naval",
    "ground",
    "coalition",
    "allied",
    "militia",
    "police",
    "army",
    "military",
    "islamist",
    "angry",
    "suicide",
    "shiite",
    "sunni",
    "kurdish",
    "of",
];

/// Auxiliaries and adverbs between a subject and its verb.
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "is",
    "are",
    "been",
    "being",
    "had",
    "have",
    "has",
    "were",
    "was",
    "reportedly",
    "allegedly",
    "then",
    "also",
    "later",
    "again",
    "twice",
    "repeatedly",
    "on",
    "had",
    "'ve",
    "’ve",
    "recently",
    "first",
];

/// The end of a phrase that an agent head closes, starting at `from`: "forces" in "Russian
/// forces", "security forces" in "Syrian security forces". `None` when no such head follows.
pub fn agent_phrase_end(norm: impl Fn(usize) -> String, from: usize, end: usize) -> Option<usize> {
    let mut head = None;
    for k in from..end.min(from + 3) {
        let w = norm(k);
        if PEOPLE.contains(&w.as_str()) && w != "of" {
            head = Some(k + 1);
        }
        if !(PEOPLE.contains(&w.as_str()) || PEOPLE_MODIFIERS.contains(&w.as_str()) && w != "of") {
            break;
        }
    }
    head
}

/// An unnamed agent right before a verb: "police officers", "gunmen", "the security forces".
fn nominal_before(
    info: &TokenInfo,
    mention_at: &[usize],
    cstart: usize,
    verb: usize,
    heads: &[&str],
) -> Option<Range<usize>> {
    let mut k = verb;
    while k > cstart
        && (BETWEEN_SUBJECT_AND_VERB.contains(&info.norm[k - 1].as_str())
            || info.norm[k - 1].ends_with("ly") && info.norm[k - 1].len() > 4)
    {
        k -= 1;
    }
    // "The militants, armed with rifles, attacked": an aside set off by commas after the
    // subject that opens the clause.
    let aside = k > cstart + 1 && info.norm[k - 1] == ",";
    if aside {
        k = (cstart + 1..k - 1).rev().find(|&j| info.norm[j] == ",")?;
    }
    let end = k;
    // "supporters of Imran Khan were arrested": people of someone named.
    if k > cstart && mention_at[k - 1] != usize::MAX {
        let mut m = k - 1;
        while m > cstart && mention_at[m - 1] == mention_at[k - 1] {
            m -= 1;
        }
        if m > cstart && info.norm[m - 1] == "the" {
            m -= 1;
        }
        if m >= cstart + 2
            && info.norm[m - 1] == "of"
            && mention_at[m - 2] == usize::MAX
            && heads.contains(&info.norm[m - 2].as_str())
        {
            k = m - 1;
        }
    }
    if k == cstart || !heads.contains(&info.norm[k - 1].as_str()) || mention_at[k - 1] != usize::MAX
    {
        return None;
    }
    let head_end = k;
    let mut start = k - 1;
    while start > cstart
        && start + 4 > head_end
        && mention_at[start - 1] == usize::MAX
        && (PEOPLE_MODIFIERS.contains(&info.norm[start - 1].as_str())
            || PEOPLE.contains(&info.norm[start - 1].as_str()))
    {
        start -= 1;
    }
    // "Tens of thousands of protesters": the count is part of the phrase, which never opens
    // with "of".
    while start > cstart
        && info.norm[start] == "of"
        && mention_at[start - 1] == usize::MAX
        && matches!(
            info.norm[start - 1].as_str(),
            "tens" | "dozens" | "hundreds" | "thousands" | "millions" | "scores"
        )
    {
        start -= 1;
    }
    if info.norm[start] == "of" && start + 1 < end {
        start += 1;
    }
    if aside
        && !(cstart..start).all(|j| {
            QUANTITY.contains(&info.norm[j].as_str())
                || info.norm[j].starts_with(|c: char| c.is_ascii_digit())
        })
    {
        return None;
    }
    Some(start..end)
}

/// Prepositions of a short phrase between a subject and its verb ("students across the
/// country marched").
const SUBJECT_PPS: &[&str] = &[
    "across",
    "from",
    "in",
    "throughout",
    "around",
    "outside",
    "near",
];

/// The unnamed subject of a protest verb: any people ("thousands of people", "women",
/// "students"), possibly followed by a short place phrase ("people across the nation").
fn protest_subject(
    info: &TokenInfo,
    mention_at: &[usize],
    cstart: usize,
    verb: usize,
) -> Option<Range<usize>> {
    let at = |end: usize| {
        nominal_before(info, mention_at, cstart, end, PATIENTS)
            .or_else(|| nominal_before(info, mention_at, cstart, end, PEOPLE))
    };
    at(verb).or_else(|| {
        // Back over "across the (whole) nation" to the head before it.
        (verb.saturating_sub(5).max(cstart + 1)..verb)
            .rev()
            .find(|&k| SUBJECT_PPS.contains(&info.norm[k].as_str()))
            .and_then(at)
    })
}

/// An unnamed agent starting at `from`: "police", "the security forces", "about 20 gunmen".
fn nominal_after(
    info: &TokenInfo,
    mention_at: &[usize],
    from: usize,
    end: usize,
) -> Option<Range<usize>> {
    let mut k = from;
    while k < end
        && (info.norm[k].chars().all(|c| c.is_ascii_digit() || c == ',')
            || matches!(
                info.norm[k].as_str(),
                "the"
                    | "a"
                    | "an"
                    | "about"
                    | "some"
                    | "several"
                    | "two"
                    | "three"
                    | "unidentified"
            ))
    {
        k += 1;
    }
    // Up to two plain qualifiers may precede the head ("a lone gunman", "white police
    // officers", "a knife-wielding assailant").
    (k..end.min(k + 3))
        .take_while(|&j| {
            j == k || {
                let w = info.norm[j - 1].as_str();
                mention_at[j - 1] == usize::MAX
                    && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !matches!(w, "and" | "or" | "of" | "in" | "at" | "on" | "to")
            }
        })
        .find_map(|from| {
            let stop = agent_phrase_end(|j| info.norm[j].clone(), from, end)?;
            (from..stop)
                .all(|j| mention_at[j] == usize::MAX)
                .then_some(from..stop)
        })
}

/// Heads that act when they modify a noun cue: "police raid", "rebel attack", "coalition
/// airstrikes".
const NOUN_AGENTS: &[&str] = &[
    "police",
    "army",
    "military",
    "militia",
    "coalition",
    "rebel",
    "rebels",
    "militant",
    "insurgent",
    "guerrilla",
];

/// The unnamed agent that modifies a noun cue, ending right before it ("the fatal police
/// shooting", "a rebel attack").
fn nominal_modifier(
    info: &TokenInfo,
    mention_at: &[usize],
    cstart: usize,
    noun: usize,
) -> Option<Range<usize>> {
    let end = noun;
    if end == cstart
        || mention_at[end - 1] != usize::MAX
        || !NOUN_AGENTS.contains(&info.norm[end - 1].as_str())
    {
        return None;
    }
    let mut start = end - 1;
    while start > cstart
        && start + 3 > end
        && mention_at[start - 1] == usize::MAX
        && (PEOPLE_MODIFIERS.contains(&info.norm[start - 1].as_str())
            && info.norm[start - 1] != "of")
    {
        start -= 1;
    }
    Some(start..end)
}

fn noun_phrase(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    mention_at: &[usize],
    lex: &Lexicon,
    from: usize,
    end: usize,
) -> Option<Range<usize>> {
    let mut k = from;
    if k < end && TARGET_PREPS.contains(&info.norm[k].as_str()) {
        k += 1;
    }
    while k < end
        && (info.norm[k].chars().all(|c| c.is_ascii_digit() || c == ',')
            || QUANTITY.contains(&info.norm[k].as_str())
            || info.norm[k] == "of" && k > from && QUANTITY.contains(&info.norm[k - 1].as_str()))
    {
        k += 1;
    }
    let start = k;
    // Verbs, auxiliaries, adverbs and times do not start a noun phrase.
    if start < end {
        let w = info.norm[start].as_str();
        if NOT_NP_START.contains(&w)
            || (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly")) && w.len() > 4
            || super::dates::is_weekday(w)
            || super::dates::is_month(w)
        {
            return None;
        }
    }
    while k < end && k < start + 4 {
        let s = t.token_text(k);
        let w = info.norm[k].as_str();
        if mention_at[k] != usize::MAX
            || !s.chars().all(|c| c.is_alphabetic() || c == '-')
            || k > start
                && (NOT_NP_START.contains(&w)
                    || BE.contains(&w)
                    || (w.ends_with("ly") || w.ends_with("ed")) && w.len() > 3)
            || SKIP_AFTER.contains(&w)
            || TARGET_PREPS.contains(&w)
            || matches!(
                w,
                "and"
                    | "or"
                    | "what"
                    | "which"
                    | "who"
                    | "with"
                    | "by"
                    | "as"
                    | "like"
                    | "than"
                    | "including"
            )
            || lex.instruments.contains(w)
        {
            break;
        }
        k += 1;
    }
    // A phrase ending in a span of time says when: "the first two years".
    let time = k > start
        && matches!(
            info.norm[k - 1].as_str(),
            "year"
                | "years"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "decade"
                | "decades"
                | "day"
                | "days"
                | "hours"
        );
    // "men arrested in a raid", "killed in clashes": a deed is no one's target.
    // An "-ing" word may be a participle after the head ("units fighting separatists").
    let deed = k > start
        && !info.norm[k - 1].ends_with("ing")
        && lex.cue_at(&info.norm, k - 1, end.max(k), |c| {
            c.class == CueClass::Noun && (c.kind.is_violent() || c.kind == EventType::Arrest)
        });
    (k > start && !time && !deed).then_some(start..k)
}

/// One event per real event: same type and the same actors (an official counts as the state
/// they serve) or participants, compatible dates; events naming nobody join an event of their
/// type named elsewhere in the article.
fn merge(events: Vec<Event>, res: &Resolved, norm: &[String]) -> Vec<Event> {
    // Actors by their head words: two sets with none in common are two events ("police
    // fired tear gas and protesters threw stones", "backed by coalition airstrikes, Iraqi
    // forces fought").
    let heads = |e: &Event| -> BTreeSet<&str> {
        e.args
            .iter()
            .filter(|a| a.role == Role::Actor)
            .map(|a| match a.filler {
                Filler::Span(_, y) => norm[y - 1].as_str(),
                Filler::Entity { mention, .. } => {
                    norm[res.mentions[mention].tokens.end - 1].as_str()
                }
            })
            .collect()
    };
    let same_actors = |o: &Event, ev: &Event| {
        let (a, b) = (heads(o), heads(ev));
        a.is_empty() || b.is_empty() || !a.is_disjoint(&b)
    };
    // Officials, and a state's own bodies (its army, its foreign ministry), act for it: "Israel
    // struck the port" and "the Israeli military said its jets hit fuel depots" are one strike.
    let serves: HashMap<usize, usize> = res
        .relations
        .iter()
        .filter(|r| {
            r.predicate == crate::model::Predicate::OfficialOf
                || r.predicate == crate::model::Predicate::BasedIn
                    && res.entities[r.subject].kind == EntityType::Organization
                    && res.entities[r.object].kind == EntityType::State
        })
        .map(|r| (r.subject, r.object))
        .collect();
    let agents_of = |e: &Event| -> BTreeSet<usize> {
        e.entities(&[Role::Actor, Role::Participant])
            .into_iter()
            .map(|x| {
                if e.kind.is_symmetric() {
                    x
                } else {
                    serves.get(&x).copied().unwrap_or(x)
                }
            })
            .collect()
    };
    let mut out: Vec<Event> = Vec::new();
    let mut unnamed: Vec<Event> = Vec::new();
    for mut ev in events {
        // A bare noun in a sentence that already reports an event of its type refers to that
        // event; its own arguments are guesses, so only its trigger is kept.
        if ev.bare_noun
            && let Some(o) = out.iter_mut().find(|o| {
                o.kind == ev.kind
                    && o.background == ev.background
                    && !o.sentences.is_disjoint(&ev.sentences)
            })
        {
            ev.args.clear();
            absorb(o, ev);
            continue;
        }
        if ev
            .entities(&[Role::Actor, Role::Participant, Role::Target])
            .is_empty()
        {
            unnamed.push(ev);
            continue;
        }
        let agents = agents_of(&ev);
        let target = out.iter().position(|o| {
            if o.kind != ev.kind {
                return false;
            }
            let dates_ok = same_time_and_place(o, &ev);
            let o_agents = agents_of(o);
            if ev.kind.is_symmetric() {
                let shared = agents.intersection(&o_agents).count();
                dates_ok
                    && shared >= 2.min(agents.len()).max(1)
                    && shared >= 2.min(o_agents.len()).max(1)
            } else {
                dates_ok && !agents.is_empty() && agents == o_agents
            }
        });
        match target {
            Some(i) => absorb(&mut out[i], ev),
            None => out.push(ev),
        }
    }
    // An event that names nobody is another mention of one that does only when it is referred
    // to as known ("the strikes") or sits in the same sentence.
    for ev in unnamed {
        let first = ev.triggers.first().copied().unwrap_or(0);
        let sentence_of = |o: &Event| !o.sentences.is_disjoint(&ev.sentences);
        // A relative clause tells more of the nearest event before it in the sentence.
        let antecedent = ev.relative.then(|| {
            out.iter()
                .enumerate()
                .filter(|(_, o)| o.kind == ev.kind && sentence_of(o))
                .filter_map(|(i, o)| {
                    o.triggers
                        .iter()
                        .filter(|&&k| k < first)
                        .max()
                        .map(|&k| (k, i))
                })
                .max()
                .map(|(_, i)| i)
        });
        let same = antecedent.flatten().or_else(|| {
            out.iter().position(|o| {
                let same_sentence = sentence_of(o);
                o.kind == ev.kind
                    && same_time_and_place(o, &ev)
                    && same_actors(o, &ev)
                    && (same_sentence && o.background == ev.background
                        || ev.definite && !same_sentence)
            })
        });
        match same {
            Some(i) => absorb(&mut out[i], ev),
            None => out.push(ev),
        }
    }
    out
}

/// Whether two mentions may report one event by when and where: dates that differ, or places
/// named for each with none in common, make two events ("shelled Homs", "shot in Dir el-Zour";
/// "the twin attacks in Tehran on June 7" are not the strike that answered them).
fn same_time_and_place(o: &Event, ev: &Event) -> bool {
    let dates_ok = match (o.date, ev.date) {
        (Some(a), Some(b)) => a.compatible(b),
        _ => true,
    };
    let (p1, p2) = (o.entities(&[Role::Place]), ev.entities(&[Role::Place]));
    dates_ok && (p1.is_empty() || p2.is_empty() || !p1.is_disjoint(&p2))
}

fn absorb(o: &mut Event, ev: Event) {
    o.triggers.extend(ev.triggers);
    o.triggers.sort_unstable();
    o.args.extend(ev.args);
    o.args.sort();
    o.args.dedup_by(|a, b| {
        a == b
            || a.role == b.role
                && a.filler_entity().is_some()
                && a.filler_entity() == b.filler_entity()
    });
    o.sentences.extend(ev.sentences);
    o.date = match (o.date, ev.date) {
        (Some(a), Some(b)) => Some(a.narrower(b)),
        (a, b) => a.or(b),
    };
}

#[cfg(test)]
mod tests;
