//! Who an event involves, read from its clause: the voice, the subject side (subjects,
//! possessors, relative pronouns' antecedents) and the object side (coordinated names after
//! the trigger, each with the preposition that governs it).

use super::reading::Clause;
use super::{
    Arg, Ctx, Filler, Lexicon, PATIENTS, PEOPLE, SKIP_AFTER, SUBJECT_PPS, Site, TARGET_PREPS,
};
use crate::extract::entities::Resolved;
use crate::extract::events::CueClass;
use crate::extract::mentions::TokenInfo;
use crate::model::{EntityType, EventType, MentionKind, Role};
use crate::text::Tokenized;
use std::collections::BTreeSet;
use std::ops::Range;

/// The voice of the trigger's clause.
#[derive(Clone, Copy, Debug)]
pub(super) struct Voice {
    /// "was attacked by X", "a drone shot down by a jet", "came under attack".
    pub passive: bool,
    /// A form of "be" before the participle ("was attacked"), not a reduced relative.
    pub auxiliary: bool,
    /// "came under attack", "under fire from X".
    pub under: bool,
}

/// The voice of the clause around the trigger.
pub(super) fn voice(cx: &Ctx<'_, '_>, site: &Site<'_>) -> Voice {
    let Site {
        cue,
        trig,
        ref span,
        si,
        ref clause,
    } = *site;
    let Ctx {
        t,
        info,
        mention_at,
        ..
    } = *cx;
    let s = &t.sentences[si];
    let norm = &info.norm;
    let Clause {
        start: cstart,
        args_end: cend,
        ..
    } = *clause;
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
        // "have been attacking" is the active voice.
        k > s.tokens.start && BE.contains(&norm[k - 1].as_str()) && !norm[trig].ends_with("ing")
            // "X was among those arrested": those who were.
            || k > s.tokens.start + 2
                && norm[k - 1] == "those"
                && norm[k - 2] == "among"
                && BE.contains(&norm[k - 3].as_str())
                && finite_past(&norm[trig])
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
    Voice {
        passive,
        auxiliary,
        under,
    }
}

/// The subject side of an event: who stands before the trigger, and how the clause relates
/// to them.
pub(super) struct Subject {
    /// The acting (or, in a passive, suffering) mentions.
    pub mentions: Vec<usize>,
    /// A named possessor or demonym before a noun trigger ("Pakistan’s strikes").
    pub possessor: Option<usize>,
    /// A verb in a series that shares the subject of the one before.
    pub in_series: bool,
    /// No comma stands between the clause's opening and the trigger.
    pub inside_relative: bool,
    /// Where the antecedent of a relative pronoun ends when it is the passive's subject.
    pub antecedent_end: Option<usize>,
    /// The preposition of "killed in an attack" before a violent noun trigger.
    pub suffered: Option<usize>,
}

/// The subject side of the event at `trig`; `prev_actor` acted in the clause before.
pub(super) fn subject(
    cx: &Ctx<'_, '_>,
    site: &Site<'_>,
    voice: Voice,
    prev_actor: Option<usize>,
) -> Subject {
    let Site {
        cue,
        trig,
        ref span,
        si,
        ref clause,
    } = *site;
    let Ctx {
        t,
        info,
        res,
        lex,
        mention_at,
        ..
    } = *cx;
    let s = &t.sentences[si];
    let norm = &info.norm;
    let cstart = clause.start;
    let kind_of = |mi: usize| res.entities[res.entity_of[mi]].kind;
    let symmetric = cue.kind.is_symmetric();
    let Voice {
        passive, auxiliary, ..
    } = voice;
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
    // "and later met Xi": an adverb may stand between.
    let before = if span.start > s.tokens.start + 1 && series_adverb(&norm[span.start - 1]) {
        span.start - 1
    } else {
        span.start
    };
    // ", striking power plants", ", killing 12", ", accusing them of …": a participle after
    // the comma tells more of what the subject just did.
    // A noun cue ending in "-ing" with an object is one too: ", shelling the capital".
    let takes_object = || {
        trig + 1 == span.end
            && norm.get(span.end).is_some_and(|w| {
                matches!(w.as_str(), "the" | "a" | "an" | "its" | "their")
                    || mention_at[span.end] != usize::MAX
            })
    };
    let participle = before == span.start
        && before > s.tokens.start
        && norm[before - 1] == ","
        && (cue.class == CueClass::Verb || takes_object())
        && norm[trig].ends_with("ing");
    let in_series = before > s.tokens.start
        && (norm[before - 1] == "and"
            || participle
            || before == span.start
                && norm[span.start - 1] == ","
                && cue.class == CueClass::Verb
                && norm[trig].ends_with("ed")
                && norm.get(span.end).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "the" | "a" | "an" | "his" | "her" | "their" | "its"
                    ) || QUANTITY.contains(&w.as_str())
                        || w.starts_with(|c: char| c.is_ascii_digit())
                }));
    // "summoned the envoy to lodge a strong protest": who summons lodges the protest.
    let purpose = span.start > cstart + 1
        && norm[span.start - 1] == "to"
        && (cstart..span.start).any(|k| norm[k].starts_with("summon"));
    // "…, the U.N. said, calling for their release": a participle right after the reporting
    // clause is the speaker's.
    let speaker = (participle && before >= s.tokens.start + 3 && said(&norm[before - 2]))
        .then(|| agent_at(before - 3))
        .flatten();
    // With no event before it in the sentence, a participle's subject is the main clause's:
    // "Azerbaijan launched what it called operations …, shelling the capital".
    let main_subject = || {
        let verb = (s.tokens.start + 1..before - 1).find(|&k| finite_past(&norm[k]))?;
        left_agent(t, info, res, mention_at, s.tokens.start, verb, si)
            .first()
            .copied()
    };
    let shared_subject = speaker
        .or((in_series || purpose).then_some(prev_actor).flatten())
        .or_else(|| participle.then(main_subject).flatten());
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
            // "…, have threatened": auxiliaries and adverbs may stand before the verb.
            if cue.class == CueClass::Verb {
                between.clone().all(|k| {
                    matches!(
                        norm[k].as_str(),
                        "also" | "have" | "has" | "had" | "will" | "would" | "did" | "then"
                    ) || norm[k].ends_with("ly")
                })
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
        // "the American and British strikes": coordinated demonyms or names.
        (None, Some(p), ..) => {
            let mut all = vec![p];
            let mut k = res.mentions[p].tokens.start;
            while k >= s.tokens.start + 2
                && matches!(norm[k - 1].as_str(), "and" | ",")
                && let Some(q) = agent_at(k - 2)
                && cue.class == CueClass::Noun
            {
                all.push(q);
                k = res.mentions[q].tokens.start;
            }
            all
        }
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
                                | (
                                    "responded"
                                        | "responds"
                                        | "respond"
                                        | "retaliated"
                                        | "retaliates"
                                        | "retaliate"
                                        | "replied",
                                    "with"
                                )
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
        // "Guterres welcomed the resumption of talks": who reacts to talks, a deal or a
        // visit holds none of them.
        _ if cue.class == CueClass::Noun
            && (cstart..span.start).any(|k| REACTING.contains(&norm[k].as_str())) =>
        {
            Vec::new()
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
    Subject {
        mentions: left,
        possessor,
        in_series,
        inside_relative,
        antecedent_end,
        suffered,
    }
}

/// The object side of the event at `trig`: the first group of coordinated names after it in
/// its clause, and any places or operations, each with the preposition before it.
pub(super) fn objects(
    cx: &Ctx<'_, '_>,
    site: &Site<'_>,
    passive: bool,
) -> Vec<(usize, Option<&'static str>)> {
    let Site {
        cue,
        trig,
        ref span,
        si,
        ref clause,
    } = *site;
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
    let cend = clause.args_end;
    let kind_of = |mi: usize| res.entities[res.entity_of[mi]].kind;
    let symmetric = cue.kind.is_symmetric();
    // Right side: the first group of coordinated entities after the trigger in the clause
    // ("bases of the BLF and BLA"), and any places.
    let mut right: Vec<(usize, Option<&str>)> = Vec::new();
    let mut prep: Option<&str> = None;
    let mut last_agent_end: Option<usize> = None;
    let mut closed = false;
    // "speaks with X through a speaker phone": whom one speaks with may stand inside the cue.
    // So may whose envoy is expelled or recalled: "expelled an Indian diplomat".
    // So may whom an accusation names: "accused Iran of arming the rebels", or an appeal
    // ("urged Rwanda to withdraw its forces").
    // So may what force takes: "captured Goma airport", "seized the Kurram district".
    let mut k = if (symmetric
        || matches!(cue.kind, EventType::Expulsion | EventType::RecallAmbassador)
        || matches!(cue.kind, EventType::Accusation | EventType::Appeal)
            && cue.class == CueClass::Verb
        || cue.kind.is_violent()
            && cue.class == CueClass::Verb
            && span.len() > 1
            && !lex.is_cue_word(&norm[span.end - 1])
            && !lex.instruments.contains(&norm[span.end - 1]))
        && trig == span.start
    {
        trig + 1
    } else {
        span.end
    };
    // "struck what Tehran said were bases of the group", "what it called terrorist hideouts":
    // who names the object is neither hit nor there.
    if norm.get(k).is_some_and(|w| w == "what")
        && let Some(v) = (k + 1..(k + 5).min(cend)).find(|&j| {
            said(&norm[j])
                || matches!(
                    norm[j].as_str(),
                    "called" | "calls" | "described" | "termed"
                )
        })
    {
        k = v + 1;
        while k < cend && matches!(norm[k].as_str(), "were" | "was" | "are" | "is" | "as") {
            k += 1;
        }
    }
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
                    said(w) || lex.reporting.contains(w)
                });
            if speaker {
                break;
            }
            let counterpart = named_counterpart(mention_at, norm, m.tokens.end);
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
                        // The body a name qualifies: "a Houthi delegation and Saudi officials".
                        matches!(norm[j].as_str(), "delegation" | "delegations")
                            || AGENT_NOUNS.contains(&norm[j].as_str())
                            ||
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
        // "attack ship as US strikes rebel sites": "as" before a name that acts opens
        // another clause. So does ", and" before one: "held a meeting, and Guterres urged".
        if as_clause(cx, k, limit)
            || w == "and" && norm[k - 1] == "," && subject_and_verb(cx, k + 1, limit)
        {
            break;
        }
        // "lodged a protest over the killing of civilians in Kotli": who the deed protested
        // hit is no party to the protest.
        if w == "over"
            && !cue.kind.is_violent()
            && (k + 1..(k + 4).min(limit)).any(|j| names_other_event(lex, norm, span, j, limit))
        {
            break;
        }
        // "condemned the strikes and summoned the Israeli envoy": a second verb with its own
        // object starts another clause.
        if second_verb(norm, mention_at, k, limit) {
            break;
        }
        // "agreed to a ceasefire brokered by Qatar": "by" after another participle names
        // that deed's doer; this deed's doer may still follow ("an attack claimed by X").
        if w == "by" && !passive && k - 1 != trig && by_other_deed(norm, span.end, k) {
            break;
        }
        // "a demonstration against the killing of two men by police": past another event
        // noun, "by" names that event's doer.
        if w == "by" && (span.end..k).any(|j| names_other_event(lex, norm, span, j, k)) {
            break;
        }
        // "an attack by militants of the banned TTP": whose people acted acted.
        let whose_people = w == "of"
            && prep == Some("by")
            && k > span.end
            && super::PEOPLE.contains(&norm[k - 1].as_str());
        if whose_people {
            k += 1;
            continue;
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
        } else if said(w)
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
        && noun_phrase(t, info, mention_at, lex, span.end, cend, false).is_some()
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
        && noun_phrase(t, info, mention_at, lex, span.end, cend, false).is_some()
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
    right
}

/// Adverbs between an auxiliary and its participle: "were then shot", "was also detained".
const PASSIVE_ADVERBS: &[&str] = &[
    "then", "also", "later", "first", "again", "all", "both", "still", "since", "just",
];

/// A verb in the past tense that can head a clause ("summoned", "struck"), not a participle
/// that describes a noun ("armed", "alleged").
pub(super) fn finite_past(w: &str) -> bool {
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
                | "spoke"
                | "fought"
                | "led"
                | "sought"
                | "brought"
                | "caught"
                | "threw"
                | "wrote"
                | "withdrew"
                | "overran"
                | "overthrew"
                | "stood"
                | "kept"
                | "broke"
                | "blew"
                | "flew"
                | "went"
                | "came"
                | "became"
        )
}

/// A verb that reports speech: who stands before it speaks, and is no party to what is told.
pub(super) fn said(w: &str) -> bool {
    matches!(w, "said" | "says" | "told" | "added")
}

/// Whether "and" at `k` joins a second verb with its own object ("… and summoned the envoy"),
/// which starts another clause.
pub(super) fn second_verb(norm: &[String], mention_at: &[usize], k: usize, end: usize) -> bool {
    // "and later met Xi": an adverb may stand between.
    let v = if k + 1 < end && series_adverb(&norm[k + 1]) {
        k + 2
    } else {
        k + 1
    };
    // "shelling the capital and demanding that ethnic Armenian forces lay down their arms":
    // a participle of speech starts what the subject says.
    let speech = matches!(
        norm.get(v).map_or("", String::as_str),
        "demanding"
            | "calling"
            | "urging"
            | "saying"
            | "accusing"
            | "warning"
            | "vowing"
            | "claiming"
            | "blaming"
            | "insisting"
            | "asking"
    );
    norm[k] == "and"
        && v + 1 < end
        && (speech
            || finite_past(&norm[v])
                && (QUANTITY.contains(&norm[v + 1].as_str())
                    || matches!(norm[v + 1].as_str(), "his" | "her" | "its" | "their")
                    || mention_at[v + 1] != usize::MAX))
}

/// Whether "by" at `k`, past an event's cue ending at `cue_end`, follows another participle and
/// so names that deed's doer: "a ceasefire brokered by Qatar", "facilities used by the
/// Houthis". This deed's doer may still follow: "an attack claimed by X", "talks held by X"
/// (but "positions held by the rebels" are theirs).
pub(super) fn by_other_deed(norm: &[String], cue_end: usize, k: usize) -> bool {
    let p = norm[k - 1].as_str();
    k > cue_end
        && (finite_past(p)
            || matches!(
                p,
                "used" | "led" | "run" | "held" | "made" | "built" | "sent" | "paid" | "known"
            ))
        && !(DOING.contains(&p) && (p != "held" || k - 1 == cue_end))
        && !matches!(
            p,
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
}

/// An adverb of sequence between "and" and the next verb of a series: "and later met".
fn series_adverb(w: &str) -> bool {
    matches!(
        w,
        "later" | "then" | "also" | "subsequently" | "separately" | "again" | "afterwards"
    )
}

/// The acting entities left of the trigger in its clause: the nearest agent not governed by a
/// preposition, with coordinated ones ("the UN and the US"); a pronoun resolves to the nearest
/// agent before it in the sentence, then in the sentences before.
pub(super) fn left_agent(
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
        if said(w) || w == "stated" {
            return Vec::new();
        }
        let mi = mention_at[k];
        // The nearest noun before the verb is its subject: "Iran said militants attacked",
        // "(Photo/AFP) Onlookers splashed water on the students marching". A head that a
        // name qualifies ("Russian forces", "Iran's troops") leads on to that name.
        // So is a patient right before the verb group: "shows a man being arrested".
        if mi == usize::MAX
            && (PEOPLE.contains(&w)
                || (k + 1..trig).all(|j| BETWEEN_SUBJECT_AND_VERB.contains(&norm[j].as_str()))
                    && PATIENTS.contains(&w))
            && !matches!(w, "thousands" | "hundreds" | "dozens")
        {
            let mut q = k;
            while q > cstart
                && (PEOPLE_MODIFIERS.contains(&norm[q - 1].as_str())
                    || craft_kind(&norm[q - 1])
                    || matches!(norm[q - 1].as_str(), "'s" | "’s"))
                && mention_at[q - 1] == usize::MAX
            {
                q -= 1;
            }
            // "the Popular Mobilization Forces (PMF) members": the name may close a bracket.
            if q > cstart
                && (mention_at[q - 1] != usize::MAX
                    || norm[q - 1] == ")" && q > cstart + 1 && mention_at[q - 2] != usize::MAX
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
        // Normalised, an em dash reads "--".
        let dash = |k: usize| {
            norm.get(k)
                .is_some_and(|w| matches!(w.as_str(), "--" | "-"))
        };
        // So does the agency that filed it: "SANAA, Yemen (AP) —".
        let agency = m.tokens.start > 0
            && norm[m.tokens.start - 1] == "("
            && norm.get(m.tokens.end).is_some_and(|w| w == ")")
            && dash(m.tokens.end + 1);
        let dateline = agency
            || dash(m.tokens.end)
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
            && !agent_noun_at(norm, m.tokens.end)
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

pub(super) fn resolve_pronoun(
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
    let says = |j: usize| {
        let w = lower(j);
        said(&w) || matches!(w.as_str(), "say" | "stated")
    };
    let mut v = k;
    // Past when it was said: "officials said the next day they had agreed".
    while v > sent_start + 1
        && v + 5 > k
        && matches!(
            lower(v - 1).as_str(),
            "that"
                | "the"
                | "next"
                | "following"
                | "day"
                | "later"
                | "earlier"
                | "on"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "yesterday"
                | "today"
        )
    {
        v -= 1;
    }
    // "said it had used … and that it was targeting": the second report has the same speaker.
    if v > sent_start + 1
        && lower(v - 1) == "and"
        && lower(v) == "that"
        && let Some(j) = (sent_start + 1..v - 1).rev().find(|&j| says(j))
    {
        v = j + 1;
    }
    if v > sent_start + 1 && says(v - 1) && !personal {
        // The speaker's phrase: "Pakistan said it", "Iranian officials said they".
        return (sent_start.max(v.saturating_sub(6))..v - 1)
            .rev()
            .take_while(|&j| !matches!(lower(j).as_str(), "," | "that" | "and" | ";"))
            .map(|j| mention_at[j])
            .find(|&mi| mi != usize::MAX && fits(mi));
    }
    // "X met Y, a day after he held talks in Delhi": a subject pronoun opening an adverbial
    // clause is the main clause's subject, not the nearest name.
    if personal
        && matches!(w.as_str(), "he" | "she")
        && k > sent_start
        && matches!(
            lower(k - 1).as_str(),
            "after" | "before" | "when" | "while" | "as" | "because" | "since" | "until" | "once"
        )
        && let Some(mi) = (sent_start..k)
            .map(|j| mention_at[j])
            .find(|&mi| mi != usize::MAX && fits(mi))
    {
        return Some(mi);
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
pub(super) fn reporting_subject(
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
pub(super) fn nominal_before(
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

/// The unnamed subject of a protest verb: any people ("thousands of people", "women",
/// "students"), possibly followed by a short place phrase ("people across the nation").
pub(super) fn protest_subject(
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
pub(super) fn nominal_after(
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

/// The unnamed agent that modifies a noun cue, ending right before it ("the fatal police
/// shooting", "a rebel attack").
pub(super) fn nominal_modifier(
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

pub(super) fn noun_phrase(
    t: &Tokenized<'_>,
    info: &TokenInfo,
    mention_at: &[usize],
    lex: &Lexicon,
    from: usize,
    end: usize,
    hit: bool,
) -> Option<Range<usize>> {
    let mut k = from;
    // What fire is aimed at is hit, weapon or not: "fired a missile at a commercial ship" (the
    // preposition may close the cue).
    let aimed = aims(&info.norm, k) || k > 0 && aims(&info.norm, k - 1);
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
        // A hyphenated participle is an adjective: "a Greek-owned tanker".
        if NOT_NP_START.contains(&w)
            || (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
                && w.len() > 4
                && !w.contains('-')
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
            // A weapon is what was used, unless the verb hits what it takes ("struck a
            // ship").
            || lex.weapon_at(&info.norm, k, end) && !hit && !aimed
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
    // A phrase must end on a noun: "so-called" before a name is none.
    let adjective = k > start && info.norm[k - 1].contains('-') && info.norm[k - 1].ends_with("ed");
    (k > start && !time && !deed && !adjective).then_some(start..k)
}

/// Whether a noun through which a state acts stands at `k`, past at most two words that only
/// say which kind: "Thai F-16 fighter jets", "Russian attack helicopters".
fn agent_noun_at(norm: &[String], k: usize) -> bool {
    (k..norm.len().min(k + 3))
        .take_while(|&j| j == k || craft_kind(&norm[j - 1]))
        .any(|j| AGENT_NOUNS.contains(&norm[j].as_str()))
}

/// A word naming a kind of craft or unit, or a model ("F-16", "Su-24").
fn craft_kind(w: &str) -> bool {
    CRAFT_KINDS.contains(&w)
        || w.bytes().any(|b| b.is_ascii_digit()) && w.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Words naming a kind of craft or unit before its noun: "fighter jets", "combat drones".
const CRAFT_KINDS: &[&str] = &[
    "fighter",
    "attack",
    "combat",
    "military",
    "air",
    "force",
    "naval",
    "army",
    "stealth",
    "armed",
    "unmanned",
    "kamikaze",
    "ballistic",
    "cruise",
    "special",
    "ground",
    "border",
    "security",
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
    "aircraft",
    "bombers",
    "helicopters",
    "warships",
    "artillery",
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

/// Verbs whose subject does the attack or arrest a noun names: "launched an attack", "made
/// arrests", "claimed responsibility for the bombing", "was behind the raid".
/// Verbs of reacting to what others did: "welcomed the talks", "condemned the visit".
const REACTING: &[&str] = &[
    "welcomed",
    "welcomes",
    "hailed",
    "hails",
    "praised",
    "praises",
    "applauded",
    "condemned",
    "condemns",
    "denounced",
    "denounces",
    "criticised",
    "criticized",
    "criticises",
    "criticizes",
    "slammed",
    "rejected",
    "rejects",
];

const DOING: &[&str] = &[
    // "responded with air strikes on two positions".
    "responded",
    "responds",
    "respond",
    "retaliated",
    "retaliates",
    "retaliate",
    "replied",
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
    "late",
    "early",
    "overnight",
    "yesterday",
    "today",
    "tonight",
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

/// Weapons near the trigger: "missile and drone attack", "its drones and missiles struck".
/// What was shot down is the target, not the weapon: "a drone shot down by a jet".
pub(super) fn weapons(cx: &Ctx<'_, '_>, site: &Site<'_>, passive: bool) -> Vec<Arg> {
    let Ctx {
        info,
        lex,
        mention_at,
        ..
    } = *cx;
    let Site {
        cue,
        trig,
        ref span,
        ref clause,
        ..
    } = *site;
    let norm = &info.norm;
    let (cstart, cend) = (clause.start, clause.args_end);
    let mut found = Vec::new();
    // What is shot down or intercepted was hit: "missiles were shot down", and in the active
    // voice what follows ("shot down 37 of the missiles").
    let downing = (span.start..(span.end + 1).min(cend)).any(|k| norm[k] == "down")
        || norm[trig].starts_with("intercept");
    let downed = passive && downing;
    // Only force and its threat have weapons: the boats of "boarded the vessels and
    // detained" are no instrument of the arrest.
    let armed = cue.kind.is_violent() || cue.kind == EventType::Threat;
    // Not across a clause that "as" opens: "jets struck Gaza as Hamas fired rockets".
    let window_end = (trig + 1..cend.min(trig + 6))
        .find(|&k| as_clause(cx, k, cend))
        .unwrap_or(cend.min(trig + 6));
    // Nor back past a reporting verb: "the air force said it shot down" names who speaks.
    let mut k = (cstart.max(trig.saturating_sub(5))..trig)
        .rev()
        .find(|&k| as_clause(cx, k, trig + 1) || said(&norm[k]))
        .map_or(cstart.max(trig.saturating_sub(5)), |k| k + 1);
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
            .any(|j| aims(norm, j));
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
            && !fires(&norm[trig]);
        if (len == 2 || k != trig && lex.weapon_at(norm, k, cend)) && !named && !aimed_at && !object
        {
            found.push(Arg {
                role: if downed && k < trig
                    || downing
                        && !passive
                        && k > trig
                        && !(trig..k).any(|j| matches!(norm[j].as_str(), "with" | "using"))
                {
                    Role::Target
                } else {
                    Role::Instrument
                },
                filler: Filler::Span(k, k + len),
            });
        }
        k += len;
    }
    found
}

/// Whether the noun of another event than the one at `span` opens at `j`: a noun cue, or a
/// death ("the killing of two men"), but not the deed's own ("the shooting death of X").
pub(super) fn names_other_event(
    lex: &Lexicon,
    norm: &[String],
    span: &Range<usize>,
    j: usize,
    end: usize,
) -> bool {
    let death = matches!(
        norm[j].as_str(),
        "killing" | "killings" | "death" | "deaths"
    );
    (death || lex.cue_at(norm, j, end, |c| c.class == CueClass::Noun))
        && !(j == span.end && matches!(norm[j].as_str(), "death" | "deaths"))
}

/// Whether "counterpart" at `k` is followed by the counterpart's name ("his Iranian
/// counterpart, Abbas Araghchi"): the demonym before it then only qualifies that person.
/// Without a name, the counterpart stands for the demonym's state.
pub(super) fn named_counterpart(mention_at: &[usize], norm: &[String], k: usize) -> bool {
    // Past a comma and an honorific: "his Saudi counterpart Prince Faisal bin Farhan".
    norm.get(k).is_some_and(|w| w == "counterpart")
        && (k + 1..(k + 4).min(norm.len()))
            .find(|&j| {
                !matches!(
                    norm[j].as_str(),
                    "," | "prince" | "sheikh" | "king" | "emir" | "dr" | "dr." | "mr" | "mr."
                )
            })
            .is_some_and(|j| mention_at[j] != usize::MAX)
}

/// Whether a verb uses what it takes rather than hitting it: "fired missiles", "launched
/// drones", "dropped bombs".
pub(super) fn fires(verb: &str) -> bool {
    [
        "fir", "launch", "drop", "use", "deploy", "detonat", "lob", "hurl", "throw", "threw",
        "unleash", "rain", "sent", "send", "flew", "fly",
    ]
    .iter()
    .any(|p| verb.starts_with(p))
}

/// Whether "as" at `k` opens a clause of its own: a name that acts follows ("as US strikes
/// rebel sites", "as Hamas fired rockets"), or a short noun phrase and its verb ("as
/// ceasefire talks resume").
pub(super) fn as_clause(cx: &Ctx<'_, '_>, k: usize, end: usize) -> bool {
    let norm = &cx.info.norm;
    norm[k] == "as"
        && (cx.mention_at.get(k + 1).is_some_and(|&mi| {
            mi != usize::MAX && {
                let after = cx.res.mentions[mi].tokens.end;
                after < end && (finite_past(&norm[after]) || cx.lex.is_cue_word(&norm[after]))
            }
        }) || subject_and_verb(cx, k + 1, end))
}

/// Whether a clause with its own subject and verb opens at `k`: "(hours before) negotiators
/// were due to meet", "(as) ceasefire talks resume", "(while) Israeli and Lebanese officials
/// met". The subject is a short noun phrase with no determiner but "the" or a possessive.
pub(super) fn subject_and_verb(cx: &Ctx<'_, '_>, k: usize, end: usize) -> bool {
    let norm = &cx.info.norm;
    let mut j = k;
    if j < end && matches!(norm[j].as_str(), "the" | "its" | "their" | "his" | "her") {
        j += 1;
    }
    let from = j;
    // A headline's present tense: "(as) M23 rebels seize Goma airport".
    let verb = |j: usize| clause_verb(&norm[j]) || j > from && cx.lex.verb_only(&norm[j]);
    while j < end
        && j < from + 5
        && !verb(j)
        && (cx.mention_at[j] != usize::MAX
            || norm[j] == "and"
            || norm[j].chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !NOT_NP_START.contains(&norm[j].as_str()))
    {
        j += 1;
    }
    // One bare singular noun names a role before an auxiliary: "(as) president could be".
    let role = j == from + 1
        && from == k
        && cx.mention_at[from] == usize::MAX
        && !norm[from].ends_with('s')
        && norm
            .get(j)
            .is_some_and(|w| AUXILIARIES.contains(&w.as_str()));
    j > from && j < end && !role && verb(j)
}

/// Auxiliaries and modals, which end the subject before them.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might",
];

/// The present tense of what talks, fighting and protests do: "as talks resume", "as fighting
/// rages".
const GOING_ON: &[&str] = &[
    "continue",
    "continues",
    "resume",
    "resumes",
    "rage",
    "rages",
    "spread",
    "spreads",
    "escalate",
    "escalates",
    "intensify",
    "intensifies",
    "grow",
    "grows",
    "mount",
    "mounts",
    "stall",
    "stalls",
    "begin",
    "begins",
    "loom",
    "looms",
];

/// Whether `w` is the verb of a clause that opens with a subject: an auxiliary, a verb of
/// going on, or a finite past.
fn clause_verb(w: &str) -> bool {
    AUXILIARIES.contains(&w) || GOING_ON.contains(&w) || finite_past(w)
}

/// Whether the word at `p` aims fire at what follows: "at ships", "on protesters", "toward the
/// base"; "at least 20 bombs" aims at nothing.
pub(super) fn aims(norm: &[String], p: usize) -> bool {
    norm.get(p).is_some_and(|w| {
        matches!(
            w.as_str(),
            "at" | "on" | "against" | "targeting" | "toward" | "towards"
        )
    }) && !(norm[p] == "at"
        && norm
            .get(p + 1)
            .is_some_and(|w| matches!(w.as_str(), "least" | "most")))
}
