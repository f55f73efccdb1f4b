//! Whether a cue, where it stands, reports an event that happened: the clause around it, and
//! the negation, modality, idioms and other senses that rule a reading out.

use super::args::{finite_past, said};
use super::{ANSWERS, CLAUSE_BREAKS, Ctx, Cue, CueClass, DIPLOMATS, PEOPLE, SKIP_AFTER, Site};
use crate::extract::mentions::TokenInfo;
use crate::model::{EntityType, EventType};
use crate::text::{Sentence, Tokenized};
use std::ops::Range;

/// The clause a trigger stands in.
#[derive(Clone, Copy, Debug)]
pub(super) struct Clause<'n> {
    /// Its first token.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// Where arguments stop: its end, or the comma that closes a fronted phrase holding a noun
    /// trigger.
    pub args_end: usize,
    /// The word that opened the clause, when a break did ("after", "if", "which").
    pub opener: Option<&'n str>,
}

impl Clause<'_> {
    /// Whether the phrase at `k` is fronted: "After the explosion, …", or the clause's first
    /// word when such a word opened it.
    pub fn fronted(&self, norm: &[String], k: usize) -> bool {
        FRONTED.contains(&norm[k].as_str())
            || k == self.start && self.opener.is_some_and(|w| FRONTED.contains(&w))
    }
}

/// The clause around the trigger phrase `span` in sentence `s`.
pub(super) fn clause_of<'n>(
    norm: &'n [String],
    cue: &Cue,
    span: &Range<usize>,
    s: &Sentence,
) -> Clause<'n> {
    let mut cstart = s.tokens.start;
    for k in (s.tokens.start..span.start).rev() {
        if CLAUSE_BREAKS.contains(&norm[k].as_str())
            || (norm[k] == ","
                && k + 1 < norm.len()
                && norm[k + 1] == "with"
                && !cue.kind.is_symmetric())
        {
            cstart = k + 1;
            break;
        }
    }
    let cend = norm[span.end..s.tokens.end]
        .iter()
        .position(|w| {
            CLAUSE_BREAKS.contains(&w.as_str()) && !matches!(w.as_str(), "that" | "which" | "who")
                // A dash opens an aside: "The strike — the first time Iran fired missiles".
                || matches!(w.as_str(), "—" | "--")
                // "struck Gaza in response to rocket fire from Hamas": another deed follows.
                || ANSWERS.contains(&w.as_str())
        })
        .map_or(s.tokens.end, |p| span.end + p);
    let mut clause = Clause {
        start: cstart,
        end: cend,
        args_end: cend,
        opener: (cstart > s.tokens.start).then(|| norm[cstart - 1].as_str()),
    };
    // A fronted phrase ends at its comma: in "After the explosion, the minister, X, sent
    // instructions" the minister is no target.
    if cue.class == CueClass::Noun && cstart < span.start && clause.fronted(norm, cstart) {
        clause.args_end = (span.end..cend).find(|&k| norm[k] == ",").unwrap_or(cend);
    }
    if let Some(c) = attribution(norm, span.end..clause.args_end, s.tokens.end) {
        clause.args_end = c;
    }
    clause
}

/// ", as mediators opened talks in Doha": set off by a comma, "as" at `k` with a clause of its
/// own tells of what went on meanwhile, maybe elsewhere.
pub(super) fn meanwhile(norm: &[String], s: &Sentence, k: usize) -> bool {
    norm[k] == "as"
        && k > s.tokens.start
        && norm[k - 1] == ","
        && norm.get(k + 1).is_some_and(|w| w != "well" && w != "part")
        && (k + 2..(k + 13).min(s.tokens.end)).any(|j| finite_past(&norm[j]))
}

/// The comma that opens a closing attribution in `range`, which runs to the sentence's `end`:
/// ", military spokesman Nabil Abdallah said.", ", Lebanon's health ministry said on Monday.",
/// ", according to the army." Who tells of the event is no part of it.
fn attribution(norm: &[String], range: Range<usize>, end: usize) -> Option<usize> {
    let c = range.clone().rev().find(|&k| norm[k] == ",")?;
    let tail = &norm[c + 1..end];
    // What follows the reporting verb is short and adds no clause: "told Reuters", "said in
    // a statement on Tuesday".
    let closing = |v: usize| {
        tail.len() - v <= 10
            && !tail[v..]
                .iter()
                .any(|w| matches!(w.as_str(), "," | "that" | "and"))
    };
    if tail.len() > 2 && tail[0] == "according" && tail[1] == "to" {
        return closing(2).then_some(c);
    }
    let v = tail
        .iter()
        .position(|w| said(w) || matches!(w.as_str(), "stated" | "reported"))?;
    // The speaker: a few words naming someone, with no verb or clause of their own.
    let speaker = (1..=8).contains(&v)
        && !tail[..v].iter().any(|w| {
            matches!(
                w.as_str(),
                "," | "and" | "which" | "who" | "that" | "as" | "when" | "while" | "where"
            ) || w.ends_with("ing") && w.starts_with(|c: char| c.is_lowercase())
        });
    (speaker && closing(v + 1)).then_some(c)
}

/// Whether something rules out the event: it is negated or denied, put in the future or made
/// a condition, or the cue is read in another sense or lacks the context its sense needs.
pub(super) fn ruled_out(cx: &Ctx<'_, '_>, site: &Site<'_>) -> bool {
    unreal(cx, site)
        || other_sense(cx, site)
        || site.cue.ambiguous && site.cue.kind.is_violent() && unarmed(cx, site)
}

/// Negation, denial, modality, plans and conditions: the event did not happen.
fn unreal(cx: &Ctx<'_, '_>, site: &Site<'_>) -> bool {
    let Site {
        cue,
        trig,
        ref span,
        si,
        ref clause,
    } = *site;
    let Ctx { t, info, lex, .. } = *cx;
    let s = &t.sentences[si];
    let norm = &info.norm;
    let Clause {
        start: cstart,
        opener,
        ..
    } = *clause;
    // Negation, denial and modality right before the trigger phrase.
    let window = span.start.saturating_sub(3).max(cstart)..span.start;
    for k in window.clone() {
        let w = norm[k].as_str();
        if lex.negations.contains(w) || w == "n't" {
            return true;
        }
        // "was nearly downed", "almost arrested": it did not happen.
        if matches!(w, "nearly" | "almost") && k + 1 == span.start && cue.class == CueClass::Verb {
            return true;
        }
        let two = if k + 1 < span.start {
            format!("{w} {}", norm[k + 1])
        } else {
            String::new()
        };
        // "later met", "soon arrested": a time word before a past tense is past.
        let past = matches!(w, "later" | "soon") && k + 1 == trig && finite_past(&norm[trig]);
        if lex.modals.contains(w) && !matches!(w, "will" | "ready" | "to") && !past
            || lex.modals.contains(&two) && cue.kind.is_violent()
        {
            return true;
        }
        // "will strike", "will be arrested": force still to come has not been used. Speech
        // acts ("will respond") are the saying itself, a meeting or visit announced is a
        // scheduled one, and "will condemn the attack" says nothing of the attack.
        if matches!(w, "will" | "'ll" | "shall")
            && is_forcible(cue.kind)
            && (k + 1..span.start).all(|j| FUTURE_LINKS.contains(&norm[j].as_str()))
        {
            return true;
        }
        if matches!(
            w,
            "threatened"
                | "threatens"
                | "threaten"
                | "threatening"
                | "vowed"
                | "vows"
                | "vowing"
                | "warned"
                | "warns"
                | "warning"
        ) && cue.kind.is_violent()
        {
            return true;
        }
    }
    // "would convene an emergency summit", "could launch a new offensive": a modal before the
    // verb that takes the event noun.
    let reach = span.start.saturating_sub(5).max(cstart)..window.start;
    if reach.clone().any(|m| {
        matches!(
            norm[m].as_str(),
            "would" | "could" | "may" | "might" | "should"
        ) && (m + 1..span.start).all(|j| {
            // A preposition ("may act on the demands") takes the noun from another verb.
            let w = norm[j].as_str();
            !info.cap[j]
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && (w == "to" || !SKIP_AFTER.contains(&w))
                && !matches!(
                    w,
                    "and"
                        | "or"
                        | "but"
                        | "that"
                        | "which"
                        | "who"
                        | "after"
                        | "before"
                        | "with"
                        | "by"
                )
        })
    }) {
        return true;
    }
    // "Rwanda denied that its troops were fighting alongside the M23", "Iran denied carrying out
    // the attack": what a denial governs did not happen as told, up to where the sentence turns.
    // An event noun with no verb of doing it ("denied any part in attacks") is known to have
    // happened; only the denier's part in it is denied, and a noun gives no actor anyway.
    let denial = |w: &str| matches!(w, "deny" | "denies" | "denied" | "denying");
    if let Some(d) = (s.tokens.start.max(span.start.saturating_sub(12))..window.start)
        .rev()
        .find(|&k| denial(&norm[k]))
        && (cue.class == CueClass::Verb
            || (d + 1..span.start).any(|k| {
                [
                    "carr",
                    "launch",
                    "conduct",
                    "stag",
                    "mount",
                    "perpetrat",
                    "commit",
                ]
                .iter()
                .any(|p| norm[k].starts_with(p))
            }))
        && !(d + 1..span.start).any(|k| {
            matches!(
                norm[k].as_str(),
                "but"
                    | "while"
                    | "although"
                    | "though"
                    | "whereas"
                    | ";"
                    | ","
                    | "after"
                    | "as"
                    | "saying"
            )
        })
    {
        return true;
    }
    // "the talks scheduled for Sunday would not take place", "the meeting was postponed": a
    // noun whose own predicate calls it off.
    if cue.class == CueClass::Noun {
        let called_off = (span.end..s.tokens.end.min(span.end + 12))
            .take_while(|&k| !matches!(norm[k].as_str(), "," | ";" | "but" | "after"))
            .any(|k| {
                let next = |d: usize| norm.get(k + d).map_or("", String::as_str);
                matches!(norm[k].as_str(), "not" | "n't" | "never")
                    && (matches!(
                        next(1),
                        "take"
                            | "go"
                            | "happen"
                            | "proceed"
                            | "occur"
                            | "materialise"
                            | "materialize"
                    ) || next(1) == "be" && next(2) == "held")
                    || matches!(
                        norm[k].as_str(),
                        "cancelled" | "canceled" | "postponed" | "scrapped" | "called"
                    ) && (norm[k] != "called" || next(1) == "off")
                        && k > span.end
                        && matches!(
                            norm[k - 1].as_str(),
                            "was" | "were" | "been" | "be" | "is" | "are"
                        )
            });
        if called_off {
            return true;
        }
    }
    // "recalled its ambassador for consultations": why the envoy goes home, not a meeting.
    if cue.kind == EventType::Meeting
        && norm[trig].starts_with("consultation")
        && trig > s.tokens.start
        && norm[trig - 1] == "for"
    {
        return true;
    }
    // "a future meeting", "hold any talks", "any attack on our soil": a plan or a kind of
    // event, not one that happened ("the future of the talks" is another matter). The words
    // may sit inside a cue ("hold a future bilateral meeting"); the verb reading of the same
    // word ("attack") is no way out.
    if (window.start..trig).any(|k| {
        norm[k] == "future" && norm[k + 1] != "of"
            || norm[k] == "any"
                && (k + 1..trig).all(|j| !info.cap[j] && !SKIP_AFTER.contains(&norm[j].as_str()))
    }) {
        return true;
    }
    // What an appeal asks to begin has not begun: "called on both sides to exercise restraint
    // and return to negotiations", "urged Iran to join the talks". What it asks to stop has
    // happened ("urged Israel to halt the strikes").
    let appeal = (cstart..span.start).find(|&k| {
        let w = norm[k].as_str();
        [
            "urg", "call", "ask", "demand", "appeal", "press", "encourag", "invit",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    });
    // Nor has what it asks done outright: "urged Pakistan to arrest them", "urged both
    // countries to resolve their differences through dialogue". A known event it names ("to
    // investigate the attack") or one told in a clause of its own has happened.
    if let Some(a) = appeal
        && let Some(to) = (a + 1..span.start).find(|&k| norm[k] == "to")
        && ((to + 1..span.start).any(|k| BEGIN.contains(&norm[k].as_str()))
            || !(to + 1..span.start).any(|k| {
                STOP.contains(&norm[k].as_str())
                    || matches!(norm[k].as_str(), "who" | "which" | "that" | "," | "after")
            }) && (cue.class == CueClass::Verb
                || !(span.start.saturating_sub(2)..span.start).any(|k| {
                    matches!(
                        norm[k].as_str(),
                        "the"
                            | "this"
                            | "these"
                            | "those"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "'s"
                            | "’s"
                    )
                })))
    {
        return true;
    }
    // Conditions and open questions report no event: "if we hesitated in case of such an
    // attack", "unclear whether the strike happened".
    if (cstart..span.start).any(|k| matches!(norm[k].as_str(), "if" | "unless" | "whether"))
        || opener.is_some_and(|w| matches!(w, "if" | "unless" | "whether"))
        || span.start >= s.tokens.start + 2
            && norm[span.start - 1] == "of"
            && matches!(norm[span.start - 2].as_str(), "case" | "event")
        || span.start >= s.tokens.start + 3
            && matches!(norm[span.start - 1].as_str(), "an" | "a")
            && norm[span.start - 2] == "of"
            && norm[span.start - 3] == "case"
    {
        return true;
    }
    false
}

/// Verbs that end an event: what an appeal asks them to end is going on.
const STOP: &[&str] = &[
    "halt",
    "stop",
    "end",
    "cease",
    "suspend",
    "avoid",
    "investigate",
    "probe",
    "condemn",
    "prevent",
    "curb",
    "limit",
    "scale",
    "wind",
    "de-escalate",
];

/// Verbs that begin or take up an event: what an appeal asks them to do is still to come.
const BEGIN: &[&str] = &[
    "return", "resume", "hold", "begin", "start", "enter", "engage", "join", "launch", "convene",
    "attend", "restart", "open", "reopen",
];

/// Other senses of a cue word: an adjective, a name, an idiom, a heading, a kind of thing.
fn other_sense(cx: &Ctx<'_, '_>, site: &Site<'_>) -> bool {
    let Site {
        cue,
        trig,
        ref span,
        si,
        ..
    } = *site;
    let Ctx {
        t,
        info,
        res,
        mention_at,
        ..
    } = *cx;
    let s = &t.sentences[si];
    let norm = &info.norm;
    // A participle between a determiner and its noun is an adjective: "a negotiated
    // solution", "the besieged complex", "the extradited suspect".
    let participle = cue.class == CueClass::Verb
        && span.len() == 1
        && trig > s.tokens.start
        && (norm[trig].ends_with("ed") || norm[trig].ends_with("ing"));
    // Whether the word at `j` is a noun the participle qualifies; "the occupied West Bank":
    // a place's name too.
    let noun_at = |j: usize| {
        j < s.tokens.end
            && norm[j].chars().all(|c| c.is_alphabetic() || c == '-')
            && (!info.cap[j]
                || mention_at[j] != usize::MAX
                    && res.entities[res.entity_of[mention_at[j]]].kind == EntityType::Place)
            && !SKIP_AFTER.contains(&norm[j].as_str())
            && !matches!(norm[j].as_str(), "and" | "or" | "by" | "with" | "as")
    };
    if participle
        && matches!(
            norm[trig - 1].as_str(),
            "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
        )
        && noun_at(trig + 1)
    {
        return true;
    }
    // "decided to withdraw its envoy" recalls the envoy; it is no intent to de-escalate.
    if cue.kind == EventType::IntentToCooperate
        && matches!(
            norm[span.end - 1].as_str(),
            "withdraw" | "withdraws" | "withdrew" | "pull"
        )
        && (span.end..(span.end + 4).min(s.tokens.end))
            .any(|k| DIPLOMATS.iter().any(|p| norm[k].starts_with(p)))
    {
        return true;
    }
    // So is one in scare quotes before a noun: "other \"targeted\" diplomats".
    let quote = |k: usize| {
        norm.get(k)
            .is_some_and(|w| matches!(w.as_str(), "\"" | "“" | "”" | "‘" | "’" | "'"))
    };
    if participle && quote(trig - 1) && quote(trig + 1) && noun_at(trig + 2) {
        return true;
    }
    // "accused Washington of complicity in the attacks": the noun is what the accusation
    // says, not a second one.
    if cue.kind == EventType::Accusation
        && cue.class == CueClass::Noun
        && (s.tokens.start.max(span.start.saturating_sub(6))..span.start).any(|k| {
            ["accus", "blam", "charg", "alleg"]
                .iter()
                .any(|p| norm[k].starts_with(p))
        })
    {
        return true;
    }
    // "called Putin" is a call; "called the attacks barbarous", "a forum called ISIS and the
    // Digital War" and "what Cubans call a policy" name things.
    if cue.kind == EventType::Call
        && cue.class == CueClass::Verb
        && span.len() == 1
        && norm[trig].starts_with("call")
        && !norm.get(span.end).is_some_and(|w| {
            matches!(w.as_str(), "him" | "her" | "them" | "me" | "us")
                || mention_at[span.end] != usize::MAX
                    && res.entities[res.entity_of[mention_at[span.end]]]
                        .kind
                        .is_agent()
        })
    {
        return true;
    }
    // "a joint panel, called Hamas and the Gaza Truce": a participle after a thing's noun
    // and its comma gives its name, whatever the name is.
    if cue.kind == EventType::Call
        && span.len() == 1
        && norm[trig] == "called"
        && trig >= s.tokens.start + 2
        && norm[trig - 1] == ","
        && mention_at[trig - 2] == usize::MAX
        && norm[trig - 2].chars().all(|c| c.is_ascii_lowercase())
    {
        return true;
    }
    // "met all conditions", "meet the requirements", "meet their fate": meeting a demand or
    // an end is not meeting anyone.
    if cue.kind == EventType::Meeting
        && cue.class == CueClass::Verb
        && matches!(norm[trig].as_str(), "meet" | "meets" | "met" | "meeting")
        && (span.end..(span.end + 4).min(s.tokens.end))
            .take_while(|&k| mention_at[k] == usize::MAX && norm[k] != "with")
            // "met opposition leaders" meets people: the word is then only a modifier.
            .any(|k| {
                SATISFIED.contains(&norm[k].as_str())
                    && norm.get(k + 1).is_none_or(|n| {
                        !PEOPLE.contains(&n.as_str())
                            && !matches!(
                                n.as_str(),
                                "leader"
                                    | "leaders"
                                    | "figures"
                                    | "members"
                                    | "lawmakers"
                                    | "politicians"
                                    | "activists"
                                    | "representatives"
                                    | "groups"
                                    | "parties"
                                    | "delegation"
                                    | "delegates"
                            )
                    })
            })
    {
        return true;
    }
    // A numeral makes a noun of a verb cue: "4,000 pounds of ammonium nitrate", "five shells".
    if cue.class == CueClass::Verb
        && span.len() == 1
        && trig > s.tokens.start
        && norm[trig - 1].starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    // An accident is not an attack: "the device detonated accidentally", "two accidental
    // explosions".
    if cue.kind.is_violent()
        && (trig.saturating_sub(2).max(s.tokens.start)..(trig + 3).min(s.tokens.end))
            .any(|k| matches!(norm[k].as_str(), "accidental" | "accidentally" | "accident"))
    {
        return true;
    }
    if cue.kind.is_violent() && cue.ambiguous && not_force(norm, &info.cap, s, span.clone()) {
        return true;
    }
    // "picks up a rifle", "captured two state primaries": what is taken is no person.
    if cue.kind == EventType::Arrest
        && (norm[trig].starts_with("pick") || norm[trig].starts_with("captur"))
        && (span.end..(span.end + 4).min(s.tokens.end))
            .take_while(|&k| {
                mention_at[k] == usize::MAX && !matches!(norm[k].as_str(), "," | "and")
            })
            .any(|k| {
                TAKEN_THINGS.contains(&norm[k].as_str()) || cx.lex.instruments.contains(&norm[k])
            })
    {
        return true;
    }
    // A section heading a scraped page glued to its paragraph ("Details of attack-Dallas
    // Mayor Rawlings confirmed …") names a topic, not an event; the story's own headline is
    // sentence 0.
    if si > 0 && s.tokens.len() <= 10 && matches!(t.token_text(s.tokens.end - 1), "-" | "–") {
        return true;
    }
    // So does a wiki or markdown heading ("==Responses and arrests==", "## The attack").
    let first = t.token_text(s.tokens.start);
    if s.tokens.len() <= 12
        && (first.starts_with('=') && t.token_text(s.tokens.end - 1).ends_with('=')
            || first.starts_with('#'))
    {
        return true;
    }
    // "footage shot on June 18", "a video shot in Aleppo": filmed, not fired at.
    if cue.kind == EventType::Attack
        && norm[trig].starts_with("shot")
        && trig > s.tokens.start
        && matches!(
            norm[trig - 1].as_str(),
            "footage"
                | "video"
                | "videos"
                | "film"
                | "films"
                | "photo"
                | "photos"
                | "picture"
                | "pictures"
                | "image"
                | "images"
                | "photograph"
                | "photographs"
                | "scenes"
        )
    {
        return true;
    }
    // "pleaded not guilty": a plea in court asks nothing of anyone.
    if cue.kind == EventType::Appeal
        && (norm[trig].starts_with("plea") || norm[trig] == "pled")
        && (span.end..(span.end + 3).min(s.tokens.end))
            .any(|k| matches!(norm[k].as_str(), "guilty" | "innocent" | "contest"))
    {
        return true;
    }
    // "it strikes me that": a thought, not a blow.
    if cue.kind == EventType::Attack
        && norm[trig].starts_with("str")
        && norm
            .get(span.end)
            .is_some_and(|w| matches!(w.as_str(), "me" | "us" | "you"))
    {
        return true;
    }
    // "call for", "call on … to": an appeal, never a telephone call.
    if cue.kind == EventType::Call
        && norm[trig].starts_with("call")
        && trig + 1 < s.tokens.end
        && matches!(norm[trig + 1].as_str(), "for" | "on" | "upon")
    {
        return true;
    }
    // A capitalised cue inside a sentence is part of a name or a month ("March", "Rally
    // Party"), unless the whole line is a title-case headline.
    if info.cap[trig]
        && trig > s.tokens.start
        && !is_headline(info, s.tokens.clone())
        && !is_headline_prefix(t, info, s.tokens.start..trig + 1)
    {
        return true;
    }
    // A capitalised cue beside a number is a date ("March 31", "15 March"), headline or not,
    // and in a dateline ("KYIV, March 22 (Reuters)") that reads as one.
    let numeric = |k: usize| norm[k].chars().next().is_some_and(|c| c.is_ascii_digit());
    if t.token_text(trig).starts_with(|c: char| c.is_uppercase())
        && (trig + 1 < s.tokens.end && numeric(trig + 1)
            || trig > s.tokens.start && numeric(trig - 1))
    {
        return true;
    }
    // A noun cue that modifies the noun after it names a kind of thing, not an event: "riot
    // police", "attack helicopters", "arrest warrant", "protest leaders".
    if cue.class == CueClass::Noun
        && span.end == trig + 1
        && trig + 1 < s.tokens.end
        && MODIFIED.contains(&norm[trig + 1].as_str())
    {
        return true;
    }
    // "Poroshenko talks to reporters" is the verb: someone speaking, not a round of talks
    // ("peace talks to settle the conflict").
    if matches!(cue.kind, EventType::Meeting | EventType::Negotiation)
        && norm[trig] == "talks"
        && trig > s.tokens.start
        && norm.get(span.end).is_some_and(|w| w == "to")
        && (matches!(norm[trig - 1].as_str(), "he" | "she")
            || mention_at[trig - 1] != usize::MAX
                && res.entities[res.entity_of[mention_at[trig - 1]]]
                    .kind
                    .is_person())
    {
        return true;
    }
    // Idioms of the attack words: "a plane on fire", "under fire for refusing" (criticised),
    // "strike a blow", "struck a deal".
    if cue.kind == EventType::Attack {
        let before =
            |k: usize, words: &[&str]| k > s.tokens.start && words.contains(&norm[k - 1].as_str());
        let fire = norm[trig] == "fire";
        if fire && before(trig, &["on", "caught", "catch", "catches", "set"])
            || fire
                && before(trig, &["under"])
                && norm
                    .get(trig + 1)
                    .is_some_and(|w| matches!(w.as_str(), "for" | "over"))
            || matches!(
                norm[trig].as_str(),
                "strike" | "strikes" | "struck" | "striking"
            ) && (trig + 1..(trig + 4).min(s.tokens.end))
                .any(|k| STRUCK_FIGURES.contains(&norm[k].as_str()))
        {
            return true;
        }
    }
    // "a demonstration of power", "demonstrations of the new drone".
    if cue.kind == EventType::Protest
        && norm[trig].starts_with("demonstration")
        && norm.get(span.end).is_some_and(|w| w == "of")
    {
        return true;
    }
    // Campaign and victory rallies are not demonstrations.
    if cue.kind == EventType::Protest
        && matches!(norm[trig].as_str(), "rally" | "rallies")
        && (trig.saturating_sub(3).max(s.tokens.start)..trig)
            .any(|k| CAMPAIGN.contains(&norm[k].as_str()))
    {
        return true;
    }
    false
}

/// A violent cue with other common senses needs an armed context near the trigger: a weapon,
/// armed people, or a state or armed group acting in the same clause.
fn unarmed(cx: &Ctx<'_, '_>, site: &Site<'_>) -> bool {
    let Site {
        trig,
        ref span,
        si,
        ref clause,
        ..
    } = *site;
    let Ctx {
        t,
        info,
        res,
        lex,
        mention_at,
        violent_doc,
        ..
    } = *cx;
    let s = &t.sentences[si];
    let norm = &info.norm;
    let Clause {
        start: cstart,
        end: clause_end,
        ..
    } = *clause;
    // Violence needs an armed context near the trigger: a weapon, armed people, or a
    // state or armed group acting in the same clause.
    let window = cstart.max(trig.saturating_sub(8))..clause_end.min(trig + 9);
    let armed = window
        .clone()
        .any(|k| ARMED.contains(&norm[k].as_str()) || lex.instruments.contains(&norm[k]))
        || window.clone().any(|k| {
            mention_at[k] != usize::MAX
                && matches!(
                    res.entities[res.entity_of[mention_at[k]]].kind,
                    EntityType::MilitantGroup | EntityType::State
                )
        });
    // A bare "operation" is military only when it is named.
    let operation_word = matches!(norm[trig].as_str(), "operation" | "operations");
    let named_operation = (trig + 1..(trig + 3).min(s.tokens.end)).any(|k| {
        mention_at[k] != usize::MAX
            && res.entities[res.entity_of[mention_at[k]]].kind == EntityType::Operation
    });
    // "Protesters stormed the parliament building": storming a building is force, armed
    // or not.
    let stormed_building = norm[trig].starts_with("storm")
        && (span.end..(span.end + 4).min(clause_end)).any(|k| {
            matches!(
                norm[k].as_str(),
                "building"
                    | "buildings"
                    | "parliament"
                    | "embassy"
                    | "consulate"
                    | "palace"
                    | "compound"
                    | "headquarters"
                    | "office"
                    | "offices"
                    | "station"
                    | "prison"
                    | "jail"
                    | "base"
                    | "airport"
                    | "ministry"
                    | "capitol"
                    | "court"
                    | "courthouse"
            )
        });
    if !(armed || violent_doc || stormed_building) || (operation_word && !named_operation) {
        return true;
    }
    // A state that retaliates may do so in kind, by expelling diplomats or by tariffs: force
    // only when its clause names force.
    if norm[trig].starts_with("retaliat")
        && !window.clone().any(|k| {
            k != trig
                && (ARMED.contains(&norm[k].as_str())
                    || matches!(
                        norm[k].as_str(),
                        "positions" | "targets" | "bases" | "posts"
                    )
                    || mention_at[k] != usize::MAX
                        && res.entities[res.entity_of[mention_at[k]]].kind
                            == EntityType::MilitantGroup
                    || lex.instruments.contains(&norm[k])
                    || lex.cue_at(norm, k, clause_end, |c| c.kind.is_violent() && !c.ambiguous))
        })
    {
        return true;
    }
    // What erupts is violence only when the text says so: "fighting erupted", not "the
    // demonstrations erupted".
    if norm[trig].starts_with("erupt")
        && !(trig.saturating_sub(3).max(cstart)..trig).any(|k| {
            matches!(
                norm[k].as_str(),
                "fighting"
                    | "clashes"
                    | "clash"
                    | "violence"
                    | "gunfire"
                    | "gunbattle"
                    | "gunbattles"
                    | "battle"
                    | "battles"
                    | "hostilities"
                    | "firefight"
                    | "firefights"
                    | "skirmishes"
                    | "shooting"
                    | "shelling"
                    | "war"
            )
        })
    {
        return true;
    }
    false
}

const ARMED: &[&str] = &[
    "military",
    "army",
    "troops",
    "forces",
    "militants",
    "militant",
    "fighters",
    "soldiers",
    "jets",
    "warplanes",
    "drones",
    "drone",
    "missiles",
    "missile",
    "rockets",
    "rocket",
    "artillery",
    "terrorists",
    "terrorist",
    "insurgents",
    "rebels",
    "police",
    "gunmen",
    "killed",
    "wounded",
    "dead",
    "bomb",
    "bombs",
    "shelling",
    "war",
    "air",
    "armed",
    "strikes",
    "knife",
    "knife-wielding",
    "knives",
    "machete",
    "acid",
    "assailant",
    "assailants",
    "attacker",
    "attackers",
    "gunman",
    "gun",
    "guns",
    "rifle",
    "rifles",
    "weapons",
    "militia",
    "militias",
    "soldier",
    "injured",
    "stabbing",
];

/// Nouns that a cue noun before them only modifies ("riot police", "attack helicopter").
const MODIFIED: &[&str] = &[
    "police",
    "policeman",
    "policemen",
    "gear",
    "helmets",
    "shields",
    "vehicles",
    "vehicle",
    "truck",
    "trucks",
    "squad",
    "squads",
    "unit",
    "units",
    "team",
    "teams",
    "force",
    "forces",
    "helicopter",
    "helicopters",
    "aircraft",
    "jets",
    "jet",
    "submarine",
    "submarines",
    "dog",
    "dogs",
    "warrant",
    "warrants",
    "cell",
    "cells",
    "room",
    "rooms",
    "hall",
    "venue",
    "leader",
    "leaders",
    "organizer",
    "organizers",
    "organiser",
    "organisers",
    "movement",
    "movements",
    "group",
    "groups",
    "site",
    "sites",
    "techniques",
    "tactics",
    "video",
    "videos",
    "footage",
    "law",
    "laws",
    "plan",
    "plans",
    "capability",
    "capabilities",
    "control",
    "survivor",
    "survivors",
    "victim",
    "victims",
    "suspect",
    "suspects",
    "song",
    "songs",
    "slogan",
    "slogans",
    "sign",
    "signs",
    "banner",
    "banners",
    "placards",
    "camp",
    "camps",
    "center",
    "centers",
    "centre",
    "centres",
    "facility",
    "facilities",
    "rifle",
    "rifles",
    "coverage",
    "report",
    "reports",
    "season",
];

/// Words that open a fronted phrase ending at its comma: "After the explosion, …", "With
/// targeted strikes mounting, IS appears …", "Backed by coalition airstrikes, Iraqi forces …".
const FRONTED: &[&str] = &[
    "with",
    "backed",
    "supported",
    "after",
    "following",
    "before",
    "during",
    "since",
    "amid",
    "despite",
    "in",
    "within",
    "upon",
    "on",
    "until",
];

/// Words that make a rally a campaign event.
const CAMPAIGN: &[&str] = &[
    "campaign",
    "election",
    "electoral",
    "primary",
    "victory",
    "re-election",
    "night",
    "political",
    "pep",
    "fundraising",
    "party",
];

/// Words that may stand between "will" and the deed it puts in the future: "will also meet",
/// "will hold talks", "will be arrested", "will carry out strikes".
const FUTURE_LINKS: &[&str] = &[
    "be",
    "have",
    "also",
    "soon",
    "then",
    "again",
    "now",
    "finally",
    "jointly",
    "hold",
    "host",
    "attend",
    "stage",
    "launch",
    "carry",
    "conduct",
    "mount",
    "make",
    "out",
    "a",
    "an",
    "the",
    "new",
    "another",
    "further",
    "more",
    "fresh",
    "formal",
    "joint",
    "direct",
    "face-to-face",
];

/// Deeds done to someone against their will: put in the future they have not happened, and
/// stating them as done would be a false charge. ("X will respond" is itself a threat.)
fn is_forcible(kind: EventType) -> bool {
    kind.is_violent()
        || matches!(
            kind,
            EventType::Arrest
                | EventType::Expulsion
                | EventType::Sanction
                | EventType::RecallAmbassador
        )
}

/// What one meets in the sense of satisfying or suffering it, never a person.
const SATISFIED: &[&str] = &[
    "requirement",
    "requirements",
    "condition",
    "conditions",
    "demand",
    "demands",
    "need",
    "needs",
    "target",
    "targets",
    "goal",
    "goals",
    "criteria",
    "criterion",
    "standard",
    "standards",
    "obligation",
    "obligations",
    "expectations",
    "deadline",
    "deadlines",
    "threshold",
    "commitments",
    "challenge",
    "challenges",
    "cost",
    "costs",
    "quota",
    "terms",
    "fate",
    "end",
    "death",
    "resistance",
    "opposition",
    "criticism",
];

/// Forces of nature: what they hit or strike is no attack.
const NATURAL: &[&str] = &[
    "storm",
    "storms",
    "typhoon",
    "hurricane",
    "cyclone",
    "tornado",
    "earthquake",
    "quake",
    "tsunami",
    "flood",
    "floods",
    "flooding",
    "famine",
    "drought",
    "epidemic",
    "pandemic",
    "outbreak",
    "disease",
    "virus",
    "lightning",
    "winds",
    "waves",
    "heatwave",
    "wildfire",
    "wildfires",
    "recession",
];
/// Traffic: what hits as it drives ("hit by a car") is an accident; what is attacked may
/// well be a bus.
const VEHICLES: &[&str] = &[
    "car", "cars", "bus", "buses", "truck", "trucks", "train", "trains", "vehicle", "vehicles",
];
/// What is struck in a figure of speech: "strike a blow", "struck a deal", "the deal the
/// government struck with them".
const STRUCK_FIGURES: &[&str] = &[
    "blow",
    "deal",
    "deals",
    "agreement",
    "agreements",
    "accord",
    "bargain",
    "compromise",
    "balance",
    "chord",
    "note",
    "tone",
    "pose",
];
/// What is attacked in words: "attacked a federal program", "an assault on the
/// environment".
const ABSTRACT_TARGETS: &[&str] = &[
    "program",
    "programme",
    "programs",
    "programmes",
    "policy",
    "policies",
    "plan",
    "plans",
    "law",
    "laws",
    "bill",
    "decision",
    "ruling",
    "idea",
    "ideas",
    "record",
    "environment",
    "report",
    "remarks",
    "comments",
    "proposal",
    "freedom",
    "freedoms",
    "democracy",
    "values",
    "credibility",
    "reputation",
];
/// What is picked up or captured that is no detainee.
const TAKEN_THINGS: &[&str] = &[
    "weapon",
    "weapons",
    "gun",
    "guns",
    "caucus",
    "caucuses",
    "primary",
    "primaries",
    "votes",
    "seats",
    "seat",
    "states",
    "nomination",
    "title",
    "attention",
    "imagination",
    "momentum",
    "pieces",
    "migrants",
    "survivors",
    "passengers",
];

/// An ambiguous word of force in another sense: a storm or a car hits ("cyclone Idai hit the
/// port", "the drought that struck", "was hit by a truck", "crews battled strong
/// winds"); a bargain told before the verb is struck ("the deal they struck"); words attack
/// a policy or the environment.
fn not_force(norm: &[String], cap: &[bool], s: &Sentence, span: Range<usize>) -> bool {
    let end = (span.end + 5).min(s.tokens.end);
    // The object or passive agent: the first words after, past a preposition or article.
    let object = (span.end..end)
        .take_while(|&k| {
            !matches!(
                norm[k].as_str(),
                "," | ";" | "and" | "as" | "while" | "when"
            )
        })
        .skip_while(|&k| {
            matches!(
                norm[k].as_str(),
                "by" | "on" | "against" | "the" | "a" | "an"
            )
        });
    // A head noun: not the modifier of the next word ("law enforcement officers"), though a
    // participle may follow it ("a program focused on").
    let head = |k: usize| {
        norm.get(k + 1).is_none_or(|n| {
            k + 1 >= s.tokens.end
                || !n.chars().all(|c| c.is_ascii_lowercase())
                || n.ends_with("ed")
                || n.ends_with("ing")
                || SKIP_AFTER.contains(&n.as_str())
                || matches!(n.as_str(), "that" | "which" | "and" | "as")
        })
    };
    let by = span.end < end && norm[span.end] == "by";
    let object_is = |k: usize| {
        let w = norm[k].as_str();
        NATURAL.contains(&w)
            || by && VEHICLES.contains(&w)
            || ABSTRACT_TARGETS.contains(&w) && head(k)
    };
    if object.take(3).any(object_is) {
        return true;
    }
    // The subject just before, past auxiliaries, a relative pronoun and a name ("cyclone Idai
    // hit", "the drought that struck").
    let subject = (s.tokens.start.max(span.start.saturating_sub(4))..span.start)
        .rev()
        .find(|&k| {
            !cap[k]
                && !matches!(
                    norm[k].as_str(),
                    "has" | "had" | "have" | "was" | "were" | "is" | "that" | "which" | "also"
                )
        });
    subject.is_some_and(|k| {
        let w = norm[k].as_str();
        NATURAL.contains(&w) || VEHICLES.contains(&w)
    }) || norm[span.start].starts_with("stru")
        && (span.start.saturating_sub(4).max(s.tokens.start)..span.start)
            .any(|k| STRUCK_FIGURES.contains(&norm[k].as_str()))
}

/// A title-case run from the start of a sentence to a word: a headline glued to the first
/// sentence of its story ("Kyiv Says Russian Military Attacked Its Forces …-Ukraine said").
/// Written capitals count, also on the words truecasing reads in lower case.
pub(super) fn is_headline_prefix(t: &Tokenized<'_>, info: &TokenInfo, r: Range<usize>) -> bool {
    let mut words = 0;
    for k in r {
        if !info.norm[k].starts_with(char::is_alphabetic) {
            continue;
        }
        // Stops at the first word in lower case, which most sentences have early.
        if !(t.token_text(k).starts_with(char::is_uppercase)
            || matches!(
                info.norm[k].as_str(),
                "of" | "in" | "at" | "to" | "for" | "the" | "a" | "an" | "on" | "and" | "as"
            ))
        {
            return false;
        }
        words += 1;
    }
    words >= 3
}

/// A title-case line (a headline): most of its words are capitalised.
pub(super) fn is_headline(info: &TokenInfo, r: Range<usize>) -> bool {
    let words: Vec<usize> = r
        .filter(|&k| info.norm[k].chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let caps = words.iter().filter(|&&k| info.cap[k]).count();
    words.len() >= 3 && caps * 10 >= words.len() * 6
}

/// Killing is an attack only as someone's act on someone: "the gunman who killed 49 people".
/// "Were killed", "killed in the blast" and "the strike killed 20" report deaths, the last of
/// an attack the sentence already names.
pub(super) fn reports_deaths(cx: &Ctx<'_, '_>, site: &Site<'_>, passive: bool) -> bool {
    let Site {
        cue,
        trig,
        ref span,
        si,
        ref clause,
    } = *site;
    let Ctx { t, info, lex, .. } = *cx;
    let s = &t.sentences[si];
    let norm = &info.norm;
    let cstart = clause.start;
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
            return true;
        }
    }

    false
}
