//! Event detection: cue phrases from `ontology/lexicon/` matched on tokens, arguments from the
//! clause around the trigger, dates against the publication date, and one event per real event.
//!
//! `lexicon` holds the cues, `reading` decides whether a matched cue reports an event that
//! happened, `args` reads who it involves from its clause; this module assigns the roles,
//! weapons, places and dates, and merges mentions of one event.

use super::dates;
use super::entities::Resolved;
use super::mentions::TokenInfo;
use crate::model::{EntityType, EventType, MentionKind, Role};
use crate::text::{Sentence, Tokenized};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

mod args;
mod lexicon;
mod reading;

pub use args::agent_phrase_end;
use args::{
    Subject, Voice, aims, fires, left_agent, named_counterpart, names_other_event, nominal_after,
    nominal_before, nominal_modifier, noun_phrase, protest_subject, reporting_subject, second_verb,
};
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
    /// Told in the headline, which names the story's main event before the text does.
    pub headline: bool,
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
/// Words that describe a deed already told, between "the" and its noun: "the latest strikes",
/// "the cowardly terrorist attack". Words that classify it ("the chemical attack", "the
/// police shooting") may name another of its kind.
const DESCRIBING: &[&str] = &[
    "latest",
    "recent",
    "previous",
    "earlier",
    "same",
    "overnight",
    "deadly",
    "fatal",
    "cowardly",
    "brutal",
    "heinous",
    "horrific",
    "barbaric",
    "dastardly",
    "senseless",
    "terrorist",
    "terror",
    "unprovoked",
    "checkpoint",
];

/// What a deed is told in: never what it hit.
const MEDIA: &[&str] = &[
    "statement",
    "statements",
    "video",
    "videos",
    "message",
    "interview",
    "speech",
    "letter",
    "broadcast",
    "communique",
    "tweet",
    "report",
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
        // "called on the West to support": a bloc of states, no place anything happens in.
        if m.tokens.len() == 1
            && res.entities[res.entity_of[mi]].kind == EntityType::Place
            && matches!(info.norm[m.tokens.start].as_str(), "west" | "east")
        {
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
                // So is one between a named agent and a named or bare object, as headlines
                // write: "Israel strikes Gaza", "Houthi rebels attack ship".
                let verbal;
                let mut cue = &lex.cues[c];
                let named_agent = i > s.tokens.start
                    && mention_at[i - 1] != usize::MAX
                    && res.mentions[mention_at[i - 1]].kind == MentionKind::Name
                    && res.entities[res.entity_of[mention_at[i - 1]]]
                        .kind
                        .is_agent();
                let objective = |k: usize| {
                    k < s.tokens.end
                        && (OBJECTIVES.contains(&info.norm[k].as_str())
                            || lex.instruments.contains(&info.norm[k]))
                };
                // Not in a title-case headline, where every word looks like a name.
                let bare_object = || {
                    end < s.tokens.end
                        && (mention_at[end] != usize::MAX
                            && res.mentions[mention_at[end]].tokens.start == end
                            || objective(end)
                            || info.norm[end].chars().all(|c| c.is_ascii_lowercase())
                                && objective(end + 1))
                        && !reading::is_headline(info, s.tokens.clone())
                        && !reading::is_headline_prefix(t, info, s.tokens.start..end + 1)
                };
                let headline_verb = cue.class == CueClass::Noun
                    && end == i + 1
                    && named_agent
                    && bare_object()
                    && !(end + 1 < s.tokens.end
                        && matches!(info.norm[end + 1].as_str(), "'s" | "’s"));
                let people_verb = i > s.tokens.start
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
                    ) || info.norm[end].chars().all(|c| c.is_ascii_digit()));
                // "have been fighting the army": an -ing word after a form of "be" is a verb.
                let progressive = info.norm[i].ends_with("ing")
                    && i > s.tokens.start
                    && matches!(
                        info.norm[i - 1].as_str(),
                        "is" | "are" | "was" | "were" | "been" | "be"
                    );
                if cue.class == CueClass::Noun
                    && end == i + 1
                    && (headline_verb || people_verb || progressive)
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
                let named = |role: Role| {
                    ev.args.iter().filter_map(move |a| match a.filler {
                        Filler::Entity { mention, .. } if a.role == role => Some(mention),
                        _ => None,
                    })
                };
                // Of a meeting or call, the party named before the verb is its subject.
                let subject = named(Role::Actor).next().or_else(|| {
                    named(Role::Participant)
                        .filter(|&m| {
                            let m = &res.mentions[m].tokens;
                            m.start >= s.tokens.start && m.end <= trig
                        })
                        .min_by_key(|&m| res.mentions[m].tokens.start)
                });
                if let Some(a) = subject
                    && verb
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
                if let Some((a, b)) = reciprocal_pair(&cx, s, trig, &events) {
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
        no_self_target(ev, res);
    }
    events
}

/// Nobody acts on themselves, once mentions are merged: "Somalia expelled Ethiopia's envoy"
/// and "Barre gave the envoy 72 hours to leave the country" do not make Somalia a target of
/// its own expulsion. An official acts for the state served.
fn no_self_target(ev: &mut Event, res: &Resolved) {
    if ev.kind.is_symmetric() {
        return;
    }
    let mut own: Vec<usize> = ev
        .args
        .iter()
        .filter(|a| a.role == Role::Actor)
        .filter_map(Arg::filler_entity)
        .collect();
    let served: Vec<usize> = res
        .relations
        .iter()
        .filter(|r| r.predicate == crate::model::Predicate::OfficialOf && own.contains(&r.subject))
        .map(|r| r.object)
        .collect();
    own.extend(served);
    ev.args
        .retain(|a| a.role != Role::Target || a.filler_entity().is_none_or(|e| !own.contains(&e)));
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

/// Words of diplomatic posts (their starts: "ambassadors", "diplomatic"), as written before
/// a name or in an official's role.
const DIPLOMATS: &[&str] = &[
    "ambassador",
    "envoy",
    "diplomat",
    "consul",
    "chargé",
    "charge d",
    "commissioner",
    "attaché",
];

/// Where a phrase naming a pair of parties starts at `k` ("both sides", "the two countries",
/// "both leaders"), its end.
fn pair_phrase(norm: &[String], k: usize) -> Option<usize> {
    let noun = |j: usize| {
        norm.get(j).is_some_and(|w| {
            PAIR_NOUNS.contains(&w.as_str())
                || matches!(
                    w.as_str(),
                    "leaders" | "ministers" | "presidents" | "premiers" | "counterparts"
                )
        })
    };
    // "both foreign ministers", "the two prime ministers": one word may say which.
    let head = |j: usize| {
        if noun(j) {
            Some(j + 1)
        } else {
            (norm
                .get(j)
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()))
                && noun(j + 1))
            .then_some(j + 2)
        }
    };
    match norm[k].as_str() {
        "both" => head(k + 1),
        "the" if norm.get(k + 1).is_some_and(|w| w == "two") => head(k + 2),
        _ => None,
    }
}

/// The story's two states as of token `before`: the two named most often before it (ties to
/// the first named), each at least twice, leaving out those acting and the states they serve.
/// Each is given by its latest mention, by name if it has one. Diplomatic news is told
/// between states; an armed group counted in would make "both sides" of a row between two
/// states the group and one of them.
fn story_pair(res: &Resolved, acting: &[usize], before: usize) -> Vec<usize> {
    let served: BTreeSet<usize> = res
        .relations
        .iter()
        .filter(|r| {
            r.predicate == crate::model::Predicate::OfficialOf && acting.contains(&r.subject)
        })
        .map(|r| r.object)
        .chain(acting.iter().copied())
        .collect();
    // entity -> (mentions, first mention's start, latest mention)
    let mut seen: HashMap<usize, (usize, usize, usize)> = HashMap::new();
    for (mi, m) in res.mentions.iter().enumerate() {
        let e = res.entity_of[mi];
        if m.tokens.start >= before
            || res.entities[e].kind != EntityType::State
            || res.entities[e].mentions.is_empty()
            || served.contains(&e)
        {
            continue;
        }
        let slot = seen.entry(e).or_insert((0, m.tokens.start, mi));
        slot.0 += 1;
        slot.1 = slot.1.min(m.tokens.start);
        // Its name rather than a demonym phrase ("Israeli jets") where it has one.
        let rank = |x: usize| {
            let m = &res.mentions[x];
            (m.kind == MentionKind::Name, m.tokens.start)
        };
        if rank(mi) > rank(slot.2) {
            slot.2 = mi;
        }
    }
    let mut ranked: Vec<(usize, usize, usize)> =
        seen.into_values().filter(|&(n, ..)| n >= 2).collect();
    ranked.sort_by_key(|&(n, first, _)| (std::cmp::Reverse(n), first));
    if ranked.len() < 2 {
        return Vec::new();
    }
    ranked[..2].iter().map(|&(.., mi)| mi).collect()
}

/// The two parties of a reciprocal event: a subject such as "both countries" or "the two
/// sides" before the trigger and "each other" or "one another" after it, resolved to the two
/// last distinct agents named before the subject (in its sentence, else the one before).
/// Whoever mediated between them in `events` so far is neither.
fn reciprocal_pair(
    cx: &Ctx<'_, '_>,
    s: &Sentence,
    trig: usize,
    events: &[Event],
) -> Option<(usize, usize)> {
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
    let go_between: BTreeSet<usize> = events
        .iter()
        .flat_map(|e| {
            e.args.iter().filter_map(move |a| {
                let mediates = a.role == Role::Mediator
                    || a.role == Role::Actor && e.kind == EventType::MediationOffer;
                mediates.then(|| a.filler_entity()).flatten()
            })
        })
        .collect();
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
        if fits && !go_between.contains(&e) && found.iter().all(|&f| cx.res.entity_of[f] != e) {
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

/// A cue matched in a sentence: what the readings and argument finders look at.
struct Site<'n> {
    cue: &'n Cue,
    /// The trigger token.
    trig: usize,
    /// The tokens the cue covers.
    span: Range<usize>,
    /// The sentence.
    si: usize,
    clause: Clause<'n>,
}

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
        ..
    } = *cx;
    let s = &t.sentences[si];
    let norm = &info.norm;
    let clause = reading::clause_of(norm, cue, &span, s);
    let site = Site {
        cue,
        trig,
        span: span.clone(),
        si,
        clause,
    };
    if reading::ruled_out(cx, &site) {
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

    let voice = args::voice(cx, &site);
    let Voice { passive, under, .. } = voice;
    if reading::reports_deaths(cx, &site, passive) {
        return None;
    }
    let Subject {
        mentions: left,
        possessor,
        in_series,
        inside_relative,
        antecedent_end,
        suffered,
    } = args::subject(cx, &site, voice, prev_actor);
    let right = args::objects(cx, &site, passive);
    if passive {
        if let Some(mi) = left.first().copied() {
            push(&mut args, Role::Target, mi);
        }
        // "mediated by Qatar and Turkey": every doer named after "by".
        let by: Vec<usize> = right
            .iter()
            .filter(|(_, p)| *p == Some("by"))
            .map(|&(mi, _)| mi)
            .collect();
        if !by.is_empty() {
            for mi in by {
                push(&mut args, Role::Actor, mi);
            }
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
        // "mediators from Qatar": who mediates is named after the noun.
        let from_after = cue.kind == EventType::MediationOffer
            && norm[trig].starts_with("mediator")
            && norm.get(span.end).is_some_and(|w| w == "from");
        for &mi in left.iter().filter(|_| !from_after) {
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
        if named_counterpart(mention_at, norm, m.tokens.end) {
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
            // "Israel struck Gaza", "invaded Crimea": a place a blow lands on is hit, there.
            (EntityType::Place, None)
                if cue.class == CueClass::Verb && cue.kind.is_violent() && !passive =>
            {
                push(&mut args, Role::Target, mi);
                push(&mut args, Role::Place, mi);
            }
            (EntityType::Place, _) => push(&mut args, Role::Place, mi),
            (_, Some("by")) if !passive && cue.class == CueClass::Noun => {
                push(&mut args, Role::Actor, mi)
            }
            // "mediators from Qatar, Egypt and the United States" mediate.
            (_, Some("from"))
                if cue.kind == EventType::MediationOffer && norm[trig].starts_with("mediator") =>
            {
                push(&mut args, Role::Actor, mi)
            }
            // "severed diplomatic ties with Rwanda".
            (_, Some("with"))
                if matches!(
                    cue.kind,
                    EventType::IntentToCooperate | EventType::Visit | EventType::RecallAmbassador
                ) =>
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
            // "recalled its ambassador from Rwanda": the state the envoy leaves is the one
            // the recall is aimed at; a city left is a place (and its capital's state, below).
            (EntityType::State, Some("from")) if cue.kind == EventType::RecallAmbassador => {
                push(&mut args, Role::Target, mi)
            }
            (_, Some("from")) if matches!(cue.kind, EventType::RecallAmbassador) => {
                push(&mut args, Role::Place, mi)
            }
            // "blamed the attack on the Taliban": whom it is blamed on is who is said to
            // have done it, as with "accused Iran of carrying out the strike".
            (_, Some("on")) if blamed_on => push(&mut args, Role::Actor, mi),
            // "rocket fire from Hamas": an armed group a blow comes from dealt it.
            // Right after the noun: "pressure from al-Qaida" after "the onslaught of a
            // campaign and" is another thing's source.
            (EntityType::MilitantGroup, Some("from"))
                if cue.class == CueClass::Noun
                    && cue.kind.is_violent()
                    && m.tokens.start <= span.end + 2 =>
            {
                push(&mut args, Role::Actor, mi)
            }
            // Where a strike came from is not what it hit ("fired from Lebanon").
            (_, Some("from")) => {}
            // Force used in or across a state ("strikes in Syria", "targets inside Iran")
            // strikes the state, there; anything else done in a state only happens there.
            // A demonym names whose people or things, not where: "two Chinese engineers".
            (EntityType::State, Some(prep @ ("in" | "inside" | "around"))) => {
                if cue.kind.is_violent() {
                    push(&mut args, Role::Target, mi);
                    if prep == "in" {
                        merely_in.push(res.entity_of[mi]);
                    }
                }
                if m.kind != MentionKind::Demonym {
                    push(&mut args, Role::Place, mi);
                }
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
        // Nor into a clause with its own subject and time: "hours before negotiators were due
        // to meet in Cairo"; one opened by "when" or "as" happens there and then.
        let upto = (span.end..s.tokens.end)
            .find(|&k| {
                ANSWERS.contains(&norm[k].as_str())
                    || second_verb(norm, mention_at, k, s.tokens.end)
                    || matches!(
                        norm[k].as_str(),
                        "before" | "after" | "while" | "until" | "because"
                    ) && args::subject_and_verb(cx, k + 1, s.tokens.end)
                    || k > span.end && reading::meanwhile(norm, s, k)
                    // "… over an attack by militants that killed seven soldiers in North
                    // Waziristan": a relative clause with its own verb tells of another deed.
                    || k > span.end
                        && matches!(norm[k].as_str(), "that" | "which")
                        && norm.get(k + 1).is_some_and(|w| args::finite_past(w))
                        && (span.end..k).any(|j| names_other_event(lex, norm, &span, j, k))
                    // "summoned the envoy to protest over the killing of civilians in Kotli":
                    // where the deed protested took place.
                    || norm[k] == "over"
                        && (k + 1..(k + 4).min(s.tokens.end))
                            .any(|j| names_other_event(lex, norm, &span, j, s.tokens.end))
                    // "Oman, which had been mediating talks, said the talks in Muscat …": a
                    // relative clause closes at its comma before the main verb.
                    || k > span.end
                        && norm[k] == ","
                        && norm.get(k + 1).is_some_and(|w| args::said(w))
                    // ", accusing the West of failing to rein in Kigali": a participle after a
                    // comma adds another deed of the subject.
                    || k > span.end
                        && norm[k] == ","
                        && norm.get(k + 1).is_some_and(|w| {
                            w.len() > 4
                                && w.ends_with("ing")
                                && w.chars().all(|c| c.is_ascii_lowercase())
                                && !matches!(
                                    w.as_str(),
                                    "during"
                                        | "including"
                                        | "according"
                                        | "regarding"
                                        | "concerning"
                                        | "excluding"
                                        | "pending"
                                        | "barring"
                                )
                        })
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
    // "summoned Afghanistan's charge d'affaires to lodge a strong protest": the protest is
    // lodged with the envoy's state.
    if cue.kind == EventType::Protest
        && !args.iter().any(|a| a.role == Role::Target)
        && span.start > cstart + 1
        && norm[span.start - 1] == "to"
        && let Some(summon) = (cstart..span.start).find(|&k| norm[k].starts_with("summon"))
        && let Some(k) = (summon + 1..span.start)
            .find(|&k| mention_at[k] != usize::MAX && kind_of(mention_at[k]) == EntityType::State)
    {
        push(&mut args, Role::Target, mention_at[k]);
    }
    // A capital named as the place of a diplomatic act or a visit stands for its state.
    if matches!(
        cue.kind,
        EventType::RecallAmbassador | EventType::Expulsion | EventType::Visit
    ) && !args.iter().any(|a| a.role == Role::Target)
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
                // "against the killing of two men by police": past another event noun, "by"
                // names that event's doer.
                .filter(|&k| !(from..k).any(|j| names_other_event(lex, norm, &span, j, k)))
                .filter(|&k| passive || !args::by_other_deed(norm, span.end, k))
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
        // "Police raided the house and arrested two men": the second verb shares the subject,
        // also when the first verb reports no event ("the troops responded and killed four").
        let shared = in_series.then_some(prev_nominal).flatten().or_else(|| {
            let and = (span.start.saturating_sub(2).max(cstart)..span.start)
                .rev()
                .find(|&k| norm[k] == "and")
                .filter(|_| in_series)?;
            let verb = (cstart..and).rev().find(|&k| args::finite_past(&norm[k]))?;
            nominal_before(info, mention_at, cstart, verb, PEOPLE)
        });
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
                // "Terrorists operating from Afghan soil opened fire", "gunmen riding
                // motorcycles": a participle phrase after the subject.
                .or_else(|| {
                    (span.start.saturating_sub(6).max(cstart + 1)..span.start)
                        .find(|&k| {
                            let w = norm[k].as_str();
                            w.len() > 4 && w.ends_with("ing")
                                || matches!(w, "armed" | "based" | "dressed")
                        })
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
        // What is fired is used; what it is fired at comes after its aiming word ("fired tear
        // gas and rubber bullets at protesters").
        && let from = if fires(&norm[trig]) {
            (span.end..cend.min(span.end + 8))
                .find(|&k| aims(norm, k))
                .unwrap_or(span.end)
        } else {
            span.end
        }
        && let Some(np) = noun_phrase(
            t,
            info,
            mention_at,
            lex,
            from,
            cend,
            cue.kind.is_violent() && cue.class == CueClass::Verb && !fires(&norm[trig]),
        )
        // "a missile launched from a drone struck a convoy": a verb after the cue is the
        // clause's own verb, not what was hit.
        && !(lex.verb_only(&norm[np.start]) && args::finite_past(&norm[np.start]))
        // "in the southwestern city of Quetta", "shot on the spot": a setting, not a target.
        && !(matches!(norm[span.end].as_str(), "in" | "at" | "on")
            && SETTINGS.contains(&norm[np.end - 1].as_str()))
        // "claimed the attack in a statement", "in a video": where it was told.
        && !(matches!(norm[span.end].as_str(), "in" | "through" | "via")
            && MEDIA.contains(&norm[np.end - 1].as_str()))
        // "fired tear gas canisters": what a fire verb takes is what it shoots; what it is
        // fired at is hit ("fired tear gas at protesters").
        && (!norm[trig].starts_with("fir")
            || aims(norm, span.end - 1)
            || (span.end..np.start).any(|k| aims(norm, k)))
    {
        args.push(Arg {
            role: Role::Target,
            filler: Filler::Span(np.start, np.end),
        });
        // "hit a school and a hospital": what is coordinated with it was hit too, unless a
        // verb of its own follows ("… and killed three").
        let mut end = np.end;
        while !fires(&norm[trig])
            && end + 1 < cend
            && norm[end] == "and"
            && mention_at[end + 1] == usize::MAX
            && let Some(more) = noun_phrase(t, info, mention_at, lex, end + 1, cend, false)
            && !SETTINGS.contains(&norm[more.end - 1].as_str())
        {
            args.push(Arg {
                role: Role::Target,
                filler: Filler::Span(more.start, more.end),
            });
            end = more.end;
        }
    }
    args.extend(args::weapons(cx, &site, passive));
    if real_target(&args) {
        args.retain(|a| {
            a.role != Role::Target || a.filler_entity().is_none_or(|e| !merely_in.contains(&e))
        });
    }
    // "Oman mediated talks between Iran and the US", "talks brokered by Qatar": whoever
    // mediates talks is their mediator, not a party to them.
    if matches!(cue.kind, EventType::Meeting | EventType::Negotiation) {
        let mediates = |k: usize| {
            ["mediat", "broker", "facilitat"]
                .iter()
                .any(|p| norm[k].starts_with(p))
        };
        let before = (cstart..span.start).find(|&k| mediates(k));
        let after = (span.end..cend.min(span.end + 4))
            .find(|&k| mediates(k) && norm.get(k + 1).is_some_and(|w| w == "by"));
        for a in &mut args {
            let Filler::Entity { mention, .. } = a.filler else {
                continue;
            };
            let at = res.mentions[mention].tokens.start;
            if a.role == Role::Participant
                && (before.is_some_and(|v| at < v) || after.is_some_and(|v| at > v))
            {
                a.role = Role::Mediator;
            }
        }
        // "brokered by Saudi Arabia and the United States": each one named.
        if let Some(v) = after {
            let mut k = v + 2;
            while let Some(&mi) = mention_at.get(k).filter(|&&mi| mi != usize::MAX)
                && kind_of(mi).is_agent()
            {
                push(&mut args, Role::Mediator, mi);
                k = res.mentions[mi].tokens.end;
                while k < cend && matches!(norm[k].as_str(), "and" | "," | "the") {
                    k += 1;
                }
            }
        }
    }
    // "the TTP, which it accuses of carrying out attacks": in an object relative clause the
    // pronoun after the relative pronoun acts, on the antecedent; the pronoun stands for an
    // agent named before the antecedent.
    if !symmetric
        && cue.class == CueClass::Verb
        && trig >= s.tokens.start + 3
        && matches!(norm[trig - 1].as_str(), "it" | "they" | "he" | "she" | "we")
        && matches!(norm[trig - 2].as_str(), "which" | "who" | "whom")
    {
        let rel = trig - 2;
        let ante_end = if norm[rel - 1] == "," { rel - 1 } else { rel };
        let ante = mention_at[ante_end - 1];
        if ante != usize::MAX
            && res.mentions[ante].tokens.end == ante_end
            && kind_of(ante).is_agent()
        {
            let personal = matches!(norm[trig - 1].as_str(), "he" | "she");
            // The sentence's subject, as a rule: "Pakistan demanded that Kabul act against
            // the TTP, which it accuses of …".
            // One opening the sentence ("It took the opportunity to press for the extradition
            // of X, who it accuses …") is whom that pronoun stands for.
            let speaker = if norm[s.tokens.start] == norm[trig - 1] {
                args::resolve_pronoun(t, res, mention_at, s.tokens.start, si)
            } else {
                (s.tokens.start..res.mentions[ante].tokens.start)
                    .map(|k| mention_at[k])
                    .filter(|&mi| mi != usize::MAX)
                    .find(|&mi| {
                        let k = kind_of(mi);
                        if personal {
                            k.is_person()
                        } else {
                            k.is_agent() && !k.is_person()
                        }
                    })
            };
            let undergoes = entity_of(ante);
            args.retain(|a| !(a.role == Role::Actor && a.filler_entity() == Some(undergoes)));
            if let Some(sp) = speaker {
                push(&mut args, Role::Actor, sp);
            }
            push(&mut args, Role::Target, ante);
        }
    }
    // "called on both sides to show restraint", "offered to mediate between the two
    // countries", "had spoken with both leaders": the two whom the phrase asks, offers or
    // speaks to are the story's two states.
    let pair_role = match cue.kind {
        EventType::Appeal | EventType::MediationOffer => Some(Role::Target),
        k if k.is_symmetric() => Some(Role::Participant),
        _ => None,
    };
    if let Some(role) = pair_role
        && args
            .iter()
            .filter(|a| a.role == role && a.filler_entity().is_some())
            .count()
            <= usize::from(role == Role::Participant)
        && let Some(k) = (trig + 1..cend.min(trig + 8)).find(|&k| {
            matches!(norm[k].as_str(), "," | ";" | "said") || pair_phrase(norm, k).is_some()
        })
        && pair_phrase(norm, k).is_some()
    {
        let acting: Vec<usize> = args
            .iter()
            .filter(|a| matches!(a.role, Role::Actor | Role::Participant))
            .filter_map(Arg::filler_entity)
            .collect();
        for mi in story_pair(res, &acting, k) {
            push(&mut args, role, mi);
        }
    }
    // "urged him to cease", "urged them to resolve the dispute": an object pronoun of an
    // appeal is the person just named, not the one appealing, or the pair just named.
    if cue.kind == EventType::Appeal
        && !args
            .iter()
            .any(|a| a.role == Role::Target && a.filler_entity().is_some())
        && let Some(w) = {
            // "urged him", "called on them"
            let k = if matches!(norm.get(trig + 1).map(String::as_str), Some("on" | "upon")) {
                trig + 2
            } else {
                trig + 1
            };
            norm.get(k).filter(|_| k < s.tokens.end)
        }
    {
        let acting: Vec<usize> = args
            .iter()
            .filter(|a| a.role == Role::Actor)
            .filter_map(Arg::filler_entity)
            .collect();
        match w.as_str() {
            "him" | "her" => {
                if let Some(mi) = (s.tokens.start..span.start)
                    .rev()
                    .map(|k| mention_at[k])
                    .find(|&mi| {
                        mi != usize::MAX
                            && kind_of(mi).is_person()
                            && !acting.contains(&entity_of(mi))
                    })
                {
                    push(&mut args, Role::Target, mi);
                }
            }
            "them" => {
                let from = t.sentences[si.saturating_sub(1)].tokens.start;
                if let Some(k) = (from..span.start)
                    .rev()
                    .find(|&k| pair_phrase(norm, k).is_some())
                {
                    for mi in story_pair(res, &acting, k) {
                        push(&mut args, Role::Target, mi);
                    }
                }
            }
            _ => {}
        }
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
    // An official the story calls an ambassador, envoy or other diplomat, named at `k`.
    let named_envoy = |k: usize| {
        mention_at.get(k).is_some_and(|&mi| {
            mi != usize::MAX
                && res.mentions[mi].tokens.start == k
                && res.entities[entity_of(mi)].roles.iter().any(|r| {
                    let r = r.to_lowercase();
                    DIPLOMATS.iter().any(|d| r.contains(d))
                })
        })
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
                    })
                    || remote_talk(norm, trig, s.tokens.clone(), &args, res))
                    && named(&[Role::Participant]) >= 1
            }
            // "summoned Wheeler": a summons of an envoy the story has named as one.
            EventType::Meeting if norm[trig].starts_with("summon") && span.len() == 1 => {
                named_envoy(span.end)
            }
            // "recalled Terry Mack, an officer" after a quote remembers; a recall is of a
            // diplomat or from a post.
            EventType::RecallAmbassador => (span.end..cend).any(|k| {
                let w = norm[k].as_str();
                w.starts_with("embass") || DIPLOMATS.iter().any(|p| w.starts_with(p))
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
            // "spoke with his British counterpart", "talked with Putin": consulting a party named
            // after the verb; "talked to reporters" and "spoke to VOA" are speech to the press.
            EventType::Meeting if cue.class == CueClass::Verb && speaking(&norm[trig]) => {
                // The object of "with" or "to", past its determiner, title and the demonym
                // that qualifies it ("Iranian Foreign Minister X").
                let party = |j: usize| {
                    mention_at[j] != usize::MAX
                        && args.iter().any(|a| {
                            a.role == Role::Participant
                                && a.filler_entity() == Some(res.entity_of[mention_at[j]])
                        })
                };
                let mut j = span.end;
                while j < cend
                    && !party(j)
                    && (in_title[j]
                        || matches!(norm[j].as_str(), "the" | "his" | "her" | "their" | "its")
                        || mention_at[j] != usize::MAX
                            && res.mentions[mention_at[j]].kind == MentionKind::Demonym)
                {
                    j += 1;
                }
                let gaz = super::gazetteer::Gazetteer::bundled();
                j < cend
                    && party(j)
                    && res.entities[res.entity_of[mention_at[j]]]
                        .entry
                        .is_none_or(|x| gaz.entries[x].sub_kind != "media")
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
    // "recalled its ambassador in protest against the decision": what a government protests
    // it says; it does not demonstrate (CAMEO 140, as for a protest lodged, not 141).
    let mut cameo = cue.cameo.clone();
    if cue.kind == EventType::Protest && span.start > s.tokens.start && norm[span.start - 1] == "in"
    {
        let mut actors = args.iter().filter(|a| a.role == Role::Actor).peekable();
        let official = actors.peek().is_some()
            && actors.all(|a| {
                a.filler_entity().is_some_and(|e| {
                    matches!(
                        res.entities[e].kind,
                        EntityType::State | EntityType::Official
                    )
                })
            });
        if official {
            cameo = "140".to_string();
        }
    }

    let date = event_date(cx, &site);
    Some(Event {
        kind: cue.kind,
        cameo,
        triggers: vec![trig],
        args,
        date,
        sentences: BTreeSet::from([si]),
        bare_noun: cue.class == CueClass::Noun && span.len() == 1,
        // Past words that only describe it: "the latest strikes", "the \"cowardly terrorist
        // attack\"", "the checkpoint attack".
        definite: {
            let mut k = span.start;
            while cue.class == CueClass::Noun
                && k > s.tokens.start + 1
                && k + 4 > span.start
                && mention_at[k - 1] == usize::MAX
                && (matches!(norm[k - 1].as_str(), "\"" | "“" | "‘")
                    || DESCRIBING.contains(&norm[k - 1].as_str()))
            {
                k -= 1;
            }
            k > s.tokens.start
                && matches!(
                    norm[k - 1].as_str(),
                    "the" | "this" | "these" | "those" | "that" | "such"
                )
        },
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
        // On a first line that ends without a full stop before the text.
        headline: t.text.find('\n').is_some_and(|eol| {
            let line = t.text[..eol].trim_end();
            t.tokens[s.tokens.end - 1].end <= eol
                && !line.ends_with(['.', '!', '?'])
                && !t.text[eol..].trim().is_empty()
        }),
    })
}

/// The date named in the clause, else in the sentence. A possessive date dates only its own
/// noun: "the strikes targeted camps it blames for last month's attack" did not happen last
/// month.
fn event_date(cx: &Ctx<'_, '_>, site: &Site<'_>) -> Option<dates::When> {
    let Ctx {
        t, info, published, ..
    } = *cx;
    let Site {
        cue,
        trig,
        ref span,
        si,
        ref clause,
    } = *site;
    let s = &t.sentences[si];
    let norm = &info.norm;
    let (cstart, cend) = (clause.start, clause.args_end);
    let words = |r: Range<usize>| -> Vec<&str> { r.map(|k| norm[k].as_str()).collect() };
    let dated = |r: Range<usize>| {
        let mut from = r.start;
        while from < r.end {
            let (when, at) = dates::find_date(&words(from..r.end), published)?;
            let at = from + at;
            // "would return to their posts by January 26": a deadline, not when it happened.
            if at > 0 && matches!(norm[at - 1].as_str(), "by" | "until" | "till") {
                from = at + 1;
                continue;
            }
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
    if known {
        dated(span.start.saturating_sub(4).max(cstart)..(span.end + 4).min(cend))
    } else {
        dated(cstart..cend).or_else(|| dated(s.tokens.clone()))
    }
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
    // Which place each place lies in: "Nabatieh" in Lebanon, a capital in its state.
    let within: HashMap<usize, usize> = res
        .relations
        .iter()
        .filter(|r| {
            matches!(
                r.predicate,
                crate::model::Predicate::LocatedIn | crate::model::Predicate::CapitalOf
            )
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
    let mut recalled: Vec<Event> = Vec::new();
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
        // A known deed that names only whom it hit waits until every event that names its
        // doers or nobody is in place.
        if agents.is_empty() && ev.definite && !ev.kind.is_symmetric() {
            recalled.push(ev);
            continue;
        }
        let target = {
            out.iter().position(|o| {
                if o.kind != ev.kind {
                    return false;
                }
                let dates_ok = same_time_and_place(o, &ev, &within);
                let o_agents = agents_of(o);
                if ev.kind.is_symmetric() {
                    let shared = agents.intersection(&o_agents).count();
                    // In one sentence, a call or meeting naming some of another's parties is that
                    // one: "In a phone call, Blinken talked with Faisal".
                    let nested = !o.sentences.is_disjoint(&ev.sentences)
                        && (agents.is_subset(&o_agents) || o_agents.is_subset(&agents));
                    // "Pakistan summons Afghan envoy" and "Pakistan's Foreign Office summoned
                    // Afghanistan's charge d'affaires": the same parties once bodies and
                    // officials stand for their states.
                    let for_states = |xs: &BTreeSet<usize>| -> BTreeSet<usize> {
                        xs.iter().map(|x| *serves.get(x).unwrap_or(x)).collect()
                    };
                    let same_states = shared >= 1 && {
                        let a = for_states(&agents);
                        a.len() >= 2 && a == for_states(&o_agents)
                    };
                    dates_ok
                        && (nested
                            || same_states
                            || shared >= 2.min(agents.len()).max(1)
                                && shared >= 2.min(o_agents.len()).max(1))
                } else {
                    dates_ok && !agents.is_empty() && agents == o_agents
                }
            })
        };
        match target {
            Some(i) => absorb(&mut out[i], ev),
            None => out.push(ev),
        }
    }
    // An event that names nobody is another mention of one that does only when it is referred
    // to as known ("the strikes"), told in the headline, or sits in the same sentence.
    // The headline's go last, to find the text's events to join.
    unnamed.sort_by_key(|ev| ev.headline);
    for ev in unnamed {
        let known = ev.definite || ev.headline;
        let first = ev.triggers.first().copied().unwrap_or(0);
        let sentence_of = |o: &Event| !o.sentences.is_disjoint(&ev.sentences);
        // A relative clause tells more of the nearest event before it in the sentence.
        let antecedent = ev
            .relative
            .then(|| latest_before(&out, first, |o| o.kind == ev.kind && sentence_of(o)));
        let fits = |o: &Event| {
            o.kind == ev.kind && same_time_and_place(o, &ev, &within) && same_actors(o, &ev)
        };
        // A known deed in another sentence ("Saudi Arabia also condemned the strikes") is the
        // latest one told before it; only a headline, told before any, looks ahead.
        let told_before = || latest_before(&out, first, |o| fits(o) && !sentence_of(o));
        // "A suicide bomber blew himself up … The Islamic State group claimed responsibility
        // for the bombing": a claim names who did the deed told just before.
        let last = ev.triggers.last().copied().unwrap_or(0);
        let last_sentence = ev.sentences.last().copied().unwrap_or(0);
        let claimed = || {
            out.iter()
                .enumerate()
                .filter(|(_, o)| {
                    o.kind == ev.kind
                        && same_time_and_place(o, &ev, &within)
                        && o.sentences
                            .first()
                            .is_some_and(|&f| f > last_sentence && f <= last_sentence + 2)
                        && o.triggers.iter().any(|&k| k > last && claim_of(norm, k))
                })
                .min_by_key(|(_, o)| o.triggers.first().copied())
                .map(|(i, _)| i)
        };
        let same = antecedent
            .flatten()
            .or_else(|| {
                out.iter()
                    .position(|o| fits(o) && sentence_of(o) && o.background == ev.background)
            })
            .or_else(|| known.then(told_before).flatten())
            .or_else(claimed)
            // Else the first told after it, as a headline's is.
            .or_else(|| {
                known
                    .then(|| {
                        out.iter()
                            .enumerate()
                            .filter(|(_, o)| fits(o) && !sentence_of(o))
                            .min_by_key(|(_, o)| o.triggers.first().copied())
                            .map(|(i, _)| i)
                    })
                    .flatten()
            });
        match same {
            Some(i) => absorb(&mut out[i], ev),
            None => out.push(ev),
        }
    }
    // "Iran condemned the strikes on Lebanon": a known deed that names only whom it hit is
    // the latest one reported on them before it.
    for ev in recalled {
        let hit = ev.entities(&[Role::Target]);
        let first = ev.triggers.first().copied().unwrap_or(0);
        let latest = latest_before(&out, first, |o| {
            o.kind == ev.kind
                && o.sentences.is_disjoint(&ev.sentences)
                && same_time_and_place(o, &ev, &within)
                && hit.is_subset(&widen(o.entities(&[Role::Target, Role::Place]), &within))
        });
        match latest {
            Some(i) => absorb(&mut out[i], ev),
            None => out.push(ev),
        }
    }
    out
}

/// Of the events `keep` accepts, the one told last before token `first`.
fn latest_before(out: &[Event], first: usize, keep: impl Fn(&Event) -> bool) -> Option<usize> {
    out.iter()
        .enumerate()
        .filter(|(_, o)| keep(o))
        .filter_map(|(i, o)| {
            o.triggers
                .iter()
                .filter(|&&k| k < first)
                .max()
                .map(|&k| (k, i))
        })
        .max()
        .map(|(_, i)| i)
}

/// Whether the event noun at `k` is one claimed: "claimed responsibility for the bombing",
/// "took credit for the attack".
fn claim_of(norm: &[String], k: usize) -> bool {
    (k.saturating_sub(5)..k).any(|j| {
        matches!(norm[j].as_str(), "responsibility" | "credit")
            && norm.get(j + 1).is_some_and(|w| w == "for")
    })
}

/// Whether two mentions may report one event by when and where: dates that differ, or places
/// named for each with none in common, make two events ("shelled Homs", "shot in Dir el-Zour";
/// "the twin attacks in Tehran on June 7" are not the strike that answered them). A place
/// inside another is in common with it: "in southern Lebanon" and "in Nabatieh".
fn same_time_and_place(o: &Event, ev: &Event, within: &HashMap<usize, usize>) -> bool {
    let dates_ok = match (o.date, ev.date) {
        (Some(a), Some(b)) => a.compatible(b),
        _ => true,
    };
    let (p1, p2) = (o.entities(&[Role::Place]), ev.entities(&[Role::Place]));
    dates_ok
        && (p1.is_empty()
            || p2.is_empty()
            || !p1.is_disjoint(&widen(p2.clone(), within))
            || !widen(p1, within).is_disjoint(&p2))
}

/// Places with all that contain them: Nabatieh with Lebanon, a capital with its state.
fn widen(ps: BTreeSet<usize>, within: &HashMap<usize, usize>) -> BTreeSet<usize> {
    let mut out = ps.clone();
    for mut p in ps {
        // A chain of containment is short; the bound guards against a cycle.
        for _ in 0..4 {
            match within.get(&p) {
                Some(&q) => {
                    out.insert(q);
                    p = q;
                }
                None => break,
            }
        }
    }
    out
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

/// "Ruto said he had spoken with Tshisekedi and Kagame": leaders of states who speak with each
/// other, with no place, visit or gathering in the sentence, do so by phone. Said of the press
/// ("spoke with reporters") or of a meeting ("on the sidelines") it is no call.
fn remote_talk(
    norm: &[String],
    trig: usize,
    sentence: Range<usize>,
    args: &[Arg],
    res: &Resolved,
) -> bool {
    let in_person = |w: &str| {
        matches!(
            w,
            "sidelines"
                | "met"
                | "meet"
                | "meeting"
                | "visit"
                | "visited"
                | "visiting"
                | "summit"
                | "hosted"
                | "hosts"
                | "arrived"
                | "during"
                | "dinner"
                | "lunch"
                | "breakfast"
                | "face-to-face"
                | "conference"
                | "rally"
                | "audience"
                | "crowd"
                | "session"
        )
    };
    let parties: Vec<EntityType> = args
        .iter()
        .filter(|a| a.role == Role::Participant)
        .filter_map(Arg::filler_entity)
        .map(|e| res.entities[e].kind)
        .collect();
    speaking(&norm[trig])
        && norm.get(trig + 1).is_some_and(|w| w == "with" || w == "to")
        && !args.iter().any(|a| a.role == Role::Place)
        // A gathering still to come ("and would convene a summit") says nothing of the talk.
        && !sentence
            .clone()
            .take_while(|&k| k < trig || !matches!(norm[k].as_str(), "would" | "will"))
            .any(|k| in_person(&norm[k]))
        && parties.len() >= 2
        && parties
            .iter()
            .all(|k| matches!(k, EntityType::Official | EntityType::State))
}

/// A verb of speaking: "spoke", "talks", "speaking".
fn speaking(w: &str) -> bool {
    w.starts_with("talk") || w.starts_with("speak") || w == "spoke" || w == "spoken"
}

#[cfg(test)]
mod tests;
