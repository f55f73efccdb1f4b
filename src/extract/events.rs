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
use std::sync::OnceLock;

const CUES: &str = include_str!("../../ontology/lexicon/event_cues.tsv");
const WORDS: &str = include_str!("../../ontology/lexicon/event_words.tsv");

/// Whether the cue's head is a verb (subject acts) or an event noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    Verb,
    Noun,
    Adj,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Slot {
    Words(Vec<String>),
    Gap(usize),
}

/// One cue of the lexicon.
#[derive(Clone, Debug)]
pub struct Cue {
    pub kind: EventType,
    pub cameo: String,
    pub class: CueClass,
    slots: Vec<Slot>,
    trigger: usize,
    pub ambiguous: bool,
    /// An event only in the active voice with an object ("killed 49 people", not "were
    /// killed"): the lexicon row's note says "active voice".
    active_only: bool,
}

/// The event lexicon: cues indexed by their first word, and the closed word lists.
pub struct Lexicon {
    cues: Vec<Cue>,
    by_first: HashMap<String, Vec<usize>>,
    instruments: HashSet<String>,
    negations: HashSet<String>,
    modals: HashSet<String>,
    reporting: HashSet<String>,
}

impl Lexicon {
    pub fn bundled() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::parse(CUES, WORDS))
    }

    pub fn parse(cues_src: &str, words_src: &str) -> Self {
        let mut cues = Vec::new();
        for line in cues_src.lines().skip(1) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(kind), Some(cue)) = (
                cols.first().and_then(|t| EventType::parse(t.trim())),
                cols.get(3),
            ) else {
                continue;
            };
            let class = match cols.get(2).map(|c| c.trim()) {
                Some("noun") => CueClass::Noun,
                Some("adj") => CueClass::Adj,
                _ => CueClass::Verb,
            };
            let mut slots = Vec::new();
            let mut trigger = None;
            for part in cue.split_whitespace() {
                if let Some(n) = part.strip_prefix('~') {
                    slots.push(Slot::Gap(n.parse().unwrap_or(1)));
                    continue;
                }
                let part = match part.strip_prefix('*') {
                    Some(p) => {
                        trigger = Some(slots.len());
                        p
                    }
                    None => part,
                };
                let alts = part
                    .split('|')
                    .filter(|a| !a.is_empty())
                    .map(super::gazetteer::norm_token)
                    .collect();
                slots.push(Slot::Words(alts));
            }
            if !matches!(slots.first(), Some(Slot::Words(_))) {
                continue;
            }
            let cameo = cols.get(1).map(|c| c.trim()).filter(|c| !c.is_empty());
            cues.push(Cue {
                kind,
                cameo: cameo.unwrap_or(kind.default_cameo()).to_string(),
                class,
                trigger: trigger.unwrap_or(0),
                slots,
                ambiguous: cols.get(4).is_some_and(|n| n.contains("ambiguous")),
                active_only: cols.get(4).is_some_and(|n| n.contains("active voice")),
            });
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in cues.iter().enumerate() {
            if let Slot::Words(ws) = &c.slots[0] {
                for w in ws {
                    by_first.entry(w.clone()).or_default().push(i);
                }
            }
        }
        let mut lists: HashMap<String, HashSet<String>> = HashMap::new();
        for line in words_src.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 || line.starts_with('#') {
                continue;
            }
            let set = lists.entry(cols[0].trim().to_string()).or_default();
            for w in cols[1].split('|') {
                let w = w.trim().to_lowercase();
                if !w.is_empty() {
                    set.insert(w);
                }
            }
        }
        let mut take = |k: &str| lists.remove(k).unwrap_or_default();
        Lexicon {
            cues,
            by_first,
            instruments: take("instrument"),
            negations: take("negation"),
            modals: take("modality"),
            reporting: take("reporting"),
        }
    }

    pub fn len(&self) -> usize {
        self.cues.len()
    }

    /// Whether `w` (normalised) is an event cue by itself ("strike", "protests", "detain").
    pub fn is_cue_word(&self, w: &str) -> bool {
        self.by_first
            .get(w)
            .is_some_and(|cs| cs.iter().any(|&c| self.cues[c].slots.len() == 1))
    }

    /// Whether a cue that `pred` accepts matches the tokens from `i` (before `end`).
    fn cue_at(&self, norm: &[String], i: usize, end: usize, pred: impl Fn(&Cue) -> bool) -> bool {
        self.by_first.get(&norm[i]).is_some_and(|cs| {
            cs.iter().any(|&c| {
                let cue = &self.cues[c];
                pred(cue) && self.match_cue(cue, norm, i, end).is_some()
            })
        })
    }

    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }

    /// Matches the cue against the tokens from `i`; returns the trigger token and the end.
    fn match_cue(
        &self,
        cue: &Cue,
        norm: &[String],
        i: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        fn go(
            slots: &[Slot],
            norm: &[String],
            pos: usize,
            end: usize,
            trigger_slot: usize,
            slot_idx: usize,
            trig: &mut usize,
        ) -> Option<usize> {
            let Some(slot) = slots.first() else {
                return Some(pos);
            };
            match slot {
                Slot::Words(ws) => {
                    if pos < end && ws.iter().any(|w| *w == norm[pos]) {
                        // A last word in a compound of such words is its head: "exchanged
                        // artillery fire" ends at "fire".
                        let mut pos = pos;
                        while slots.len() == 1
                            && pos + 1 < end
                            && ws.iter().any(|w| *w == norm[pos + 1])
                        {
                            pos += 1;
                        }
                        if slot_idx == trigger_slot {
                            *trig = pos;
                        }
                        go(
                            &slots[1..],
                            norm,
                            pos + 1,
                            end,
                            trigger_slot,
                            slot_idx + 1,
                            trig,
                        )
                    } else {
                        None
                    }
                }
                Slot::Gap(n) => (0..=*n).find_map(|skip| {
                    let p = pos + skip;
                    // Gaps do not cross punctuation that closes a phrase, nor a relative
                    // clause ("has what analysts call a … approach").
                    if norm[pos..p.min(end)].iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "." | ";" | ":" | "what" | "which" | "who" | "whom" | "whose"
                        )
                    }) {
                        return None;
                    }
                    go(&slots[1..], norm, p, end, trigger_slot, slot_idx + 1, trig)
                }),
            }
        }
        let mut trig = i;
        let end_pos = go(&cue.slots, norm, i, end, cue.trigger, 0, &mut trig)?;
        Some((trig, end_pos))
    }
}

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
        violent_doc,
    } = *cx;
    let s = &t.sentences[si];
    let norm = &info.norm;
    // Clause around the trigger.
    let mut cstart = s.tokens.start;
    for k in (s.tokens.start..span.start).rev() {
        if CLAUSE_BREAKS.contains(&norm[k].as_str())
            || (norm[k] == ","
                && k + 1 < n_of(t)
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
    // The word that opened the clause, when a break did ("after", "if", "which").
    let opener = (cstart > s.tokens.start).then(|| norm[cstart - 1].as_str());
    let fronted = |k: usize| {
        FRONTED.contains(&norm[k].as_str())
            || k == cstart && opener.is_some_and(|w| FRONTED.contains(&w))
    };
    // A fronted phrase ends at its comma: in "After the explosion, the minister, X, sent
    // instructions" the minister is no target.
    let clause_end = cend;
    let cend = if cue.class == CueClass::Noun && cstart < span.start && fronted(cstart) {
        (span.end..cend).find(|&k| norm[k] == ",").unwrap_or(cend)
    } else {
        cend
    };
    // Negation, denial and modality right before the trigger phrase.
    let window = span.start.saturating_sub(3).max(cstart)..span.start;
    for k in window.clone() {
        let w = norm[k].as_str();
        if lex.negations.contains(w) || w == "n't" {
            return None;
        }
        // "was nearly downed", "almost arrested": it did not happen.
        if matches!(w, "nearly" | "almost") && k + 1 == span.start && cue.class == CueClass::Verb {
            return None;
        }
        let two = if k + 1 < span.start {
            format!("{w} {}", norm[k + 1])
        } else {
            String::new()
        };
        if lex.modals.contains(w) && !matches!(w, "will" | "ready" | "to")
            || lex.modals.contains(&two) && cue.kind.is_violent()
        {
            return None;
        }
        // "will strike", "will be arrested": force still to come has not been used. Speech
        // acts ("will respond") are the saying itself, a meeting or visit announced is a
        // scheduled one, and "will condemn the attack" says nothing of the attack.
        if matches!(w, "will" | "'ll" | "shall")
            && is_forcible(cue.kind)
            && (k + 1..span.start).all(|j| FUTURE_LINKS.contains(&norm[j].as_str()))
        {
            return None;
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
            return None;
        }
    }
    // "recalled its ambassador for consultations": why the envoy goes home, not a meeting.
    if cue.kind == EventType::Meeting
        && norm[trig].starts_with("consultation")
        && trig > s.tokens.start
        && norm[trig - 1] == "for"
    {
        return None;
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
        return None;
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
        return None;
    }
    // A participle between a determiner and its noun is an adjective: "a negotiated
    // solution", "the besieged complex", "the extradited suspect".
    if cue.class == CueClass::Verb
        && span.len() == 1
        && trig > s.tokens.start
        && trig + 1 < s.tokens.end
        && (norm[trig].ends_with("ed") || norm[trig].ends_with("ing"))
        && matches!(
            norm[trig - 1].as_str(),
            "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
        )
        && norm[trig + 1]
            .chars()
            .all(|c| c.is_alphabetic() || c == '-')
        && !info.cap[trig + 1]
        && !SKIP_AFTER.contains(&norm[trig + 1].as_str())
        && !matches!(norm[trig + 1].as_str(), "and" | "or" | "by" | "with" | "as")
    {
        return None;
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
        return None;
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
        return None;
    }
    // A numeral makes a noun of a verb cue: "4,000 pounds of ammonium nitrate", "five shells".
    if cue.class == CueClass::Verb
        && span.len() == 1
        && trig > s.tokens.start
        && norm[trig - 1].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // An accident is not an attack: "the device detonated accidentally", "two accidental
    // explosions".
    if cue.kind.is_violent()
        && (trig.saturating_sub(2).max(s.tokens.start)..(trig + 3).min(s.tokens.end))
            .any(|k| matches!(norm[k].as_str(), "accidental" | "accidentally" | "accident"))
    {
        return None;
    }
    // A section heading a scraped page glued to its paragraph ("Details of attack-Dallas
    // Mayor Rawlings confirmed …") names a topic, not an event; the story's own headline is
    // sentence 0.
    if si > 0 && s.tokens.len() <= 10 && matches!(t.token_text(s.tokens.end - 1), "-" | "–") {
        return None;
    }
    // So does a wiki or markdown heading ("==Responses and arrests==", "## The attack").
    let first = t.token_text(s.tokens.start);
    if s.tokens.len() <= 12
        && (first.starts_with('=') && t.token_text(s.tokens.end - 1).ends_with('=')
            || first.starts_with('#'))
    {
        return None;
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
        return None;
    }
    // "pleaded not guilty": a plea in court asks nothing of anyone.
    if cue.kind == EventType::Appeal
        && (norm[trig].starts_with("plea") || norm[trig] == "pled")
        && (span.end..(span.end + 3).min(s.tokens.end))
            .any(|k| matches!(norm[k].as_str(), "guilty" | "innocent" | "contest"))
    {
        return None;
    }
    // "it strikes me that": a thought, not a blow.
    if cue.kind == EventType::Attack
        && norm[trig].starts_with("str")
        && norm
            .get(span.end)
            .is_some_and(|w| matches!(w.as_str(), "me" | "us" | "you"))
    {
        return None;
    }
    // "call for", "call on … to": an appeal, never a telephone call.
    if cue.kind == EventType::Call
        && norm[trig].starts_with("call")
        && trig + 1 < s.tokens.end
        && matches!(norm[trig + 1].as_str(), "for" | "on" | "upon")
    {
        return None;
    }
    // A capitalised cue inside a sentence is part of a name or a month ("March", "Rally
    // Party"), unless the whole line is a title-case headline.
    if info.cap[trig]
        && trig > s.tokens.start
        && !is_headline(info, s.tokens.clone())
        && !is_headline_prefix(info, s.tokens.start..trig + 1)
    {
        return None;
    }
    // A capitalised cue beside a number is a date ("March 31", "15 March"), headline or not.
    let numeric = |k: usize| norm[k].chars().next().is_some_and(|c| c.is_ascii_digit());
    if info.cap[trig]
        && (trig + 1 < s.tokens.end && numeric(trig + 1)
            || trig > s.tokens.start && numeric(trig - 1))
    {
        return None;
    }
    // A noun cue that modifies the noun after it names a kind of thing, not an event: "riot
    // police", "attack helicopters", "arrest warrant", "protest leaders".
    if cue.class == CueClass::Noun
        && span.end == trig + 1
        && trig + 1 < s.tokens.end
        && MODIFIED.contains(&norm[trig + 1].as_str())
    {
        return None;
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
        return None;
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
            ) && (trig + 1..(trig + 4).min(s.tokens.end)).any(|k| {
                matches!(
                    norm[k].as_str(),
                    "blow"
                        | "deal"
                        | "balance"
                        | "chord"
                        | "note"
                        | "tone"
                        | "agreement"
                        | "bargain"
                        | "pose"
                )
            })
        {
            return None;
        }
    }
    // "a demonstration of power", "demonstrations of the new drone".
    if cue.kind == EventType::Protest
        && norm[trig].starts_with("demonstration")
        && norm.get(span.end).is_some_and(|w| w == "of")
    {
        return None;
    }
    // Campaign and victory rallies are not demonstrations.
    if cue.kind == EventType::Protest
        && matches!(norm[trig].as_str(), "rally" | "rallies")
        && (trig.saturating_sub(3).max(s.tokens.start)..trig)
            .any(|k| CAMPAIGN.contains(&norm[k].as_str()))
    {
        return None;
    }
    if cue.ambiguous && cue.kind.is_violent() {
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
            return None;
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
            return None;
        }
    }
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
                && !(fronted(cstart) && (k..trig).any(|j| norm[j] == ","))
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

/// A title-case run from the start of a sentence to a word: a headline glued to the first
/// sentence of its story ("Kyiv Says Russian Military Attacked Its Forces …-Ukraine said").
fn is_headline_prefix(info: &TokenInfo, r: Range<usize>) -> bool {
    let words: Vec<usize> = r
        .filter(|&k| info.norm[k].chars().next().is_some_and(char::is_alphabetic))
        .collect();
    words.len() >= 3
        && words.iter().all(|&k| {
            info.cap[k]
                || matches!(
                    info.norm[k].as_str(),
                    "of" | "in" | "at" | "to" | "for" | "the" | "a" | "an" | "on" | "and" | "as"
                )
        })
}

/// A title-case line (a headline): most of its words are capitalised.
fn is_headline(info: &TokenInfo, r: Range<usize>) -> bool {
    let words: Vec<usize> = r
        .filter(|&k| info.norm[k].chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let caps = words.iter().filter(|&&k| info.cap[k]).count();
    words.len() >= 3 && caps * 10 >= words.len() * 6
}

#[cfg(test)]
mod tests {
    use crate::model::{Document, Extraction};

    fn run(text: &str) -> Extraction {
        crate::extract(&Document {
            id: "t".into(),
            text: text.into(),
            date: Some("2024-03-08".into()),
            title: None,
            url: None,
        })
    }

    /// (type, role, argument text) for every entity argument.
    fn args(ex: &Extraction) -> Vec<(String, String, String)> {
        ex.events
            .iter()
            .flat_map(|e| {
                e.arguments
                    .iter()
                    .filter(|a| a.entity.is_some())
                    .map(move |a| (e.kind.to_string(), a.role.to_string(), a.text.clone()))
            })
            .collect()
    }

    /// (type, role, argument text) for every argument, named or not.
    fn args_all(ex: &Extraction) -> Vec<(String, String, String)> {
        ex.events
            .iter()
            .flat_map(|e| {
                e.arguments
                    .iter()
                    .map(move |a| (e.kind.to_string(), a.role.to_string(), a.text.clone()))
            })
            .collect()
    }

    fn has(ex: &Extraction, kind: &str, role: &str, text: &str) -> bool {
        args_all(ex).contains(&(kind.into(), role.into(), text.into()))
    }

    #[test]
    fn actors_and_targets_from_active_and_passive_clauses() {
        let ex = run(
            "Egypt recalled its ambassador from Addis Ababa and said Ethiopia’s envoy had been expelled.",
        );
        assert!(
            has(&ex, "RecallAmbassador", "actor", "Egypt"),
            "{:?}",
            args(&ex)
        );
        assert!(
            has(&ex, "Expulsion", "target", "Ethiopia"),
            "{:?}",
            args(&ex)
        );
        assert!(has(&ex, "Expulsion", "actor", "Egypt"), "{:?}", args(&ex));
        // Whose envoy is expelled, in the active voice too.
        for text in [
            "Pakistan expelled an Indian diplomat on Thursday.",
            "Pakistan expelled India's envoy.",
        ] {
            let ex = run(text);
            assert!(
                args(&ex)
                    .iter()
                    .any(|a| a.0 == "Expulsion" && a.1 == "target"),
                "{text}: {:?}",
                args(&ex)
            );
        }
    }

    #[test]
    fn negation_and_threats_are_not_attacks() {
        let t = triggers(&run(
            "Pyongyang responded with defiance, threatening nuclear strikes against the South.",
        ));
        assert_eq!(t, [("Threat".to_string(), "threatening".to_string())]);
        // What follows the clause's verb describes its subject.
        let ex = run("The six soldiers killed in the blast were Americans.");
        assert!(
            !has(&ex, "Attack", "target", "Americans"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("The rally by opposition supporters was held in Kampala.");
        assert!(
            has(&ex, "Protest", "place", "Kampala"),
            "{:?}",
            args_all(&ex)
        );
        for text in [
            "All six of the members killed were of American nationality.",
            "Prosecutors say 4,000 pounds of ammonium nitrate were loaded into the truck.",
            "Three militants died when their device detonated accidentally near Kandahar.",
        ] {
            let t = triggers(&run(text));
            assert!(!t.iter().any(|(k, _)| k == "Attack"), "{text}: {t:?}");
        }
        let t = triggers(&run("It strikes me that the visits could become regular."));
        assert!(t.is_empty(), "{t:?}");
        let ex = run("Israel did not attack the convoy, but Hezbollah threatened to strike Haifa.");
        assert!(
            !ex.events.iter().any(|e| e.kind.as_str() == "Attack"),
            "{:?}",
            ex.events
        );
        assert!(ex.events.iter().any(|e| e.kind.as_str() == "Threat"));
    }

    /// (type, trigger text) for every trigger.
    fn triggers(ex: &Extraction) -> Vec<(String, String)> {
        ex.events
            .iter()
            .flat_map(|e| {
                e.triggers
                    .iter()
                    .map(move |t| (e.kind.to_string(), t.text.clone()))
            })
            .collect()
    }

    #[test]
    fn modifiers_dates_and_rallies_are_not_events() {
        let ex = run(
            "Riot police guarded the square on March 31, and the senator spoke at a campaign rally.",
        );
        assert!(ex.events.is_empty(), "{:?}", triggers(&ex));
        // The same words as events.
        let ex = run("Thousands joined a rally in Cairo; the riot lasted until dawn.");
        let t = triggers(&ex);
        assert!(t.contains(&("Protest".into(), "rally".into())), "{t:?}");
        assert!(t.contains(&("Protest".into(), "riot".into())), "{t:?}");
    }

    #[test]
    fn unnamed_actors_and_the_phrase_an_entity_acts_through() {
        let ex = run("Police officers detained a protester in central Moscow.");
        assert!(
            has(&ex, "Arrest", "actor", "Police officers"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("The journalist was shot by security forces in Aleppo.");
        assert!(
            has(&ex, "Attack", "actor", "security forces"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Russian forces attacked Ukrainian positions near Luhansk.");
        assert!(
            has(&ex, "Attack", "actor", "Russian forces"),
            "{:?}",
            args_all(&ex)
        );
        // After a bare noun, the next words are its clause's verb, not a target.
        let ex = run("The attack prompted the defence minister to resign.");
        assert!(
            !args_all(&ex).iter().any(|(_, r, _)| r == "target"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn agents_patients_and_settings_from_the_shape_of_the_clause() {
        type Want = &'static [(&'static str, &'static str, &'static str)];
        let cases: &[(&str, Want)] = &[
            (
                "Two men were shot in Dallas last week by a lone sniper.",
                &[("Attack", "actor", "sniper"), ("Attack", "target", "men")],
            ),
            (
                "Some students were detained late in the day.",
                &[("Arrest", "target", "students")],
            ),
            (
                "Crowds gathered after the fatal police shooting of a teenager.",
                &[("Attack", "actor", "police")],
            ),
            (
                "Airstrikes by a Saudi-led coalition against Yemen's Houthi rebels continued.",
                &[
                    ("Attack", "actor", "coalition"),
                    ("Attack", "target", "Houthi rebels"),
                ],
            ),
            (
                "Iran said militants attacked a police station in Sistan.",
                &[("Attack", "actor", "militants")],
            ),
            (
                "Israel said its jets struck Hamas positions in Gaza.",
                &[("Attack", "actor", "Israel")],
            ),
            (
                "CAIRO — Hundreds of students marched in the capital on Sunday.",
                &[("Protest", "actor", "Hundreds of students")],
            ),
            (
                "Pakistan struck militant hideouts in Iran's Sistan province on Thursday.",
                &[
                    ("Attack", "actor", "Pakistan"),
                    ("Attack", "target", "Iran"),
                ],
            ),
            (
                "Troops arrest two men in Hebron.",
                &[("Arrest", "actor", "Troops"), ("Arrest", "target", "men")],
            ),
            (
                "A bomb exploded at a checkpoint in Mazar-i-Sharif, Afghanistan, on Monday.",
                &[("Attack", "place", "Mazar-i-Sharif")],
            ),
            (
                "Five police officers were then shot at a rally in Texas.",
                &[("Attack", "target", "police officers")],
            ),
            (
                "Officials in Washington said a drone shot down by a Turkish jet was Russian.",
                &[("Attack", "target", "drone")],
            ),
            (
                "Activists mourned five police officers shot in Dallas last week by a sniper.",
                &[
                    ("Attack", "actor", "sniper"),
                    ("Attack", "target", "police officers"),
                ],
            ),
            (
                "An activist is detained by security officers ahead of a march marking Human Rights Day in Havana.",
                &[("Arrest", "place", "Havana")],
            ),
            (
                "Police said they arrested about two dozen protesters in Ferguson.",
                &[("Arrest", "target", "protesters")],
            ),
            (
                "Officials said the sailors were quickly detained near Farsi Island.",
                &[("Arrest", "target", "sailors")],
            ),
            (
                "Valentin Grossu is escorted by a police officer following his arrest in Chisinau.",
                &[("Arrest", "target", "Valentin Grossu")],
            ),
            (
                "Kizza Besigye, runner-up to President Yoweri Museveni, was arrested in Kampala.",
                &[("Arrest", "target", "Kizza Besigye")],
            ),
            (
                "Syrian government forces and their Russian allies attacked civilians.",
                &[
                    ("Attack", "actor", "Syrian government forces"),
                    ("Attack", "actor", "Russian"),
                ],
            ),
        ];
        for (text, want) in cases {
            let ex = run(text);
            for (kind, role, arg) in *want {
                assert!(has(&ex, kind, role, arg), "{text}: {:?}", args_all(&ex));
            }
        }
        // Settings, projectiles and words past the next clause's verb are not targets.
        for (text, wrong) in [
            (
                "Militants bombed a hospital in the southwestern city of Quetta.",
                "southwestern city",
            ),
            (
                "Police fired tear gas canisters at the crowds in Kampala.",
                "tear gas canisters",
            ),
            (
                "The gunman who killed 49 people last month is not representative of Muslim Americans.",
                "Muslim Americans",
            ),
        ] {
            let ex = run(text);
            assert!(
                !args_all(&ex)
                    .iter()
                    .any(|(_, r, a)| r == "target" && a == wrong),
                "{text}: {:?}",
                args_all(&ex)
            );
        }
        // A strike's origin is not its target; an NP ends at the verb of its clause.
        let ex = run("Rockets were fired from Lebanon at Israeli towns overnight.");
        assert!(
            !has(&ex, "Attack", "target", "Lebanon"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("The assault on the army base was a prelude to the offensive.");
        assert!(
            !args_all(&ex).iter().any(|(_, _, t)| t.contains("was")),
            "{:?}",
            args_all(&ex)
        );
        // Neither the speaker nor whoever stands before a reduced relative is the attacker.
        for (text, wrong) in [
            (
                "Schenker said the extremist group has an interest in attacking Egypt.",
                "Schenker",
            ),
            (
                "Officials in Washington said a drone shot down by a Turkish jet was Russian.",
                "Washington",
            ),
        ] {
            let ex = run(text);
            assert!(
                !args_all(&ex)
                    .iter()
                    .any(|(_, r, a)| a == wrong && r != "place"),
                "{text}: {:?}",
                args_all(&ex)
            );
        }
        // The attacks a raid came after are another event, named where it happened.
        let ex = run("Police raided homes after the Brussels terrorist attacks killed 32 people.");
        assert_eq!(ex.events.len(), 2, "{:?}", triggers(&ex));
        assert!(
            has(&ex, "Attack", "place", "Brussels"),
            "{:?}",
            args_all(&ex)
        );
        // Force used in a state strikes it, there, unless the clause names what it hit; an
        // arrest in a state only happens there.
        let ex = run("Turkish jets struck in Syria on Monday.");
        assert!(has(&ex, "Attack", "target", "Syria") && has(&ex, "Attack", "place", "Syria"));
        let ex = run("Turkish jets struck Kurdish militants in Syria on Monday.");
        assert!(has(&ex, "Attack", "place", "Syria") && !has(&ex, "Attack", "target", "Syria"));
        let ex = run("Police arrested two journalists in Egypt on Monday.");
        assert!(
            has(&ex, "Arrest", "place", "Egypt") && !has(&ex, "Arrest", "target", "Egypt"),
            "{:?}",
            args_all(&ex)
        );
        // "talks to reporters" is someone speaking, not a round of talks.
        assert!(triggers(&run("President Poroshenko talks to reporters in Kyiv.")).is_empty());
        // A merged event names each instrument once.
        let ex = run(
            "Iran carried out a missile and drone attack. Its drones and missiles struck militants.",
        );
        let instruments = args_all(&ex)
            .into_iter()
            .filter(|(_, r, _)| r == "instrument")
            .count();
        assert!(instruments <= 2, "{:?}", args_all(&ex));
        // The longest weapon named, and what fire is aimed at is no weapon.
        let ex = run("A car bomb exploded near a checkpoint in Mogadishu, killing eight people.");
        assert!(
            has(&ex, "Attack", "instrument", "car bomb"),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            !has(&ex, "Attack", "instrument", "car"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Houthi rebels launched ballistic missiles at ships in the Red Sea.");
        assert!(
            !has(&ex, "Attack", "instrument", "ships"),
            "{:?}",
            args_all(&ex)
        );
        // What a blow lands on is hit, what is fired is used.
        let ex = run("The Pentagon said U.S. forces destroyed four drones in Yemen.");
        assert!(
            !has(&ex, "Attack", "instrument", "drones"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Police fired tear gas at protesters in Caracas.");
        assert!(
            has(&ex, "Attack", "instrument", "tear gas"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Officials voiced outrage at the chemical weapons attack in Idlib.");
        assert!(
            has(&ex, "Attack", "instrument", "chemical weapons"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn negotiations_are_a_process_apart_from_meetings() {
        let ex = run("Kerry said negotiations with Iran over its nuclear programme will continue.");
        assert_eq!(
            triggers(&ex),
            [("Negotiation".to_string(), "negotiations".to_string())]
        );
        assert!(
            has(&ex, "Negotiation", "participant", "Iran"),
            "{:?}",
            args_all(&ex)
        );
        assert_eq!(ex.events[0].cameo, "046");
        let t = triggers(&run(
            "Peace talks between Kyiv and Moscow dragged on in Minsk.",
        ));
        assert_eq!(t, [("Negotiation".to_string(), "talks".to_string())]);
        let t = triggers(&run("Sharif flew to Delhi for talks with Modi on Friday."));
        assert!(
            t.contains(&("Meeting".to_string(), "talks".to_string())),
            "{t:?}"
        );
        let ex = run("Kerry held talks with Iran's foreign minister Zarif in Geneva on Sunday.");
        assert!(
            triggers(&ex).iter().all(|(k, _)| k == "Meeting"),
            "{:?}",
            triggers(&ex)
        );
    }

    #[test]
    fn demonstrations_are_protests_but_a_demonstration_of_power_is_not() {
        let t = triggers(&run(
            "The demonstrations erupted after the court ruling on Friday.",
        ));
        assert_eq!(t, [("Protest".to_string(), "demonstrations".to_string())]);
        let t = triggers(&run(
            "The missile launch was a demonstration of power by Pyongyang.",
        ));
        assert!(t.iter().all(|(k, _)| k != "Protest"), "{t:?}");
        // Even where blood was spilt, demonstrations that erupt are no violence; fighting is.
        let t = triggers(&run(
            "Police fired tear gas at protesters in Caracas. The demonstrations erupted after \
             the Venezuelan Supreme Court's March 30 announcement that it would strip the \
             National Assembly of its powers.",
        ));
        assert!(!t.iter().any(|(_, w)| w == "erupted"), "{t:?}");
        let t = triggers(&run(
            "Heavy fighting erupted between the army and rebels in Aleppo.",
        ));
        assert!(t.iter().any(|(_, w)| w == "erupted"), "{t:?}");
    }

    #[test]
    fn a_state_an_attack_happened_in_is_its_target_only_for_want_of_another() {
        let ex = run("Gunmen attacked workers from a quarry in Kenya on Tuesday.");
        assert!(
            has(&ex, "Attack", "target", "workers"),
            "{:?}",
            args_all(&ex)
        );
        assert!(has(&ex, "Attack", "place", "Kenya"), "{:?}", args_all(&ex));
        assert!(
            !has(&ex, "Attack", "target", "Kenya"),
            "{:?}",
            args_all(&ex)
        );
        // After a direct object, a name "at" something says where, not what was hit.
        let ex = run("Gunmen attacked a bus at the University of Nairobi on Monday.");
        assert!(has(&ex, "Attack", "target", "bus"), "{:?}", args_all(&ex));
        assert!(
            !has(&ex, "Attack", "target", "University of Nairobi"),
            "{:?}",
            args_all(&ex)
        );
        // Targets in a state stand for it; force used inside a state strikes it.
        for text in [
            "Israeli jets struck targets in Syria on Monday.",
            "Israeli jets struck militants inside Syria on Monday.",
        ] {
            let ex = run(text);
            assert!(
                has(&ex, "Attack", "target", "Syria"),
                "{text}: {:?}",
                args_all(&ex)
            );
        }
    }

    #[test]
    fn who_was_killed_in_an_attack_was_its_target() {
        let ex = run(
            "Police officers Serdar Kazar and Isa Ipek, killed in an attack by Kurdish rebels, were buried.",
        );
        assert!(
            has(&ex, "Attack", "target", "Isa Ipek"),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            !has(&ex, "Attack", "actor", "Isa Ipek"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Two soldiers were killed in a PKK attack near the border.");
        assert!(has(&ex, "Attack", "actor", "PKK"), "{:?}", args_all(&ex));
    }

    #[test]
    fn what_two_parties_do_to_each_other_is_an_event_each_way() {
        let ex = run(
            "India and Pakistan traded fire on Monday. The two sides accused each other of violating the truce.",
        );
        let acc: Vec<_> = ex
            .events
            .iter()
            .filter(|e| e.kind.as_str() == "Accusation")
            .collect();
        assert_eq!(acc.len(), 2, "{:?}", args_all(&ex));
        assert!(
            has(&ex, "Accusation", "actor", "India") && has(&ex, "Accusation", "target", "India")
        );
        assert!(has(&ex, "Accusation", "actor", "Pakistan"));
        // Without "each other" a plural subject is left alone.
        let ex = run(
            "India and Pakistan met in Geneva. Both countries accused militants of the attack.",
        );
        assert!(
            ex.events
                .iter()
                .filter(|e| e.kind.as_str() == "Accusation")
                .count()
                <= 1,
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn anyone_may_march_but_troops_that_march_parade() {
        let ex = run("On Wednesday, people across the nation marched in support of the strikers.");
        assert!(
            has(&ex, "Protest", "actor", "people"),
            "{:?}",
            args_all(&ex)
        );
        let t = triggers(&run("Thousands of women marched in Warsaw on Sunday."));
        assert_eq!(t, [("Protest".to_string(), "marched".to_string())]);
        let t = triggers(&run("Troops marched through the capital on Sunday."));
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn killing_is_an_attack_only_as_an_act_on_someone() {
        // A hedge on a reported attack keeps it; "may" does not.
        let t = triggers(&run(
            "Officials condemned the apparent chemical weapons attack in Syria.",
        ));
        assert_eq!(t, [("Attack".to_string(), "attack".to_string())]);
        let t = triggers(&run(
            "Officials said Iran may attack militant bases in Syria.",
        ));
        assert!(t.iter().all(|(k, _)| k != "Attack"), "{t:?}");
        // Tear gas fired at people is force used on them.
        let ex = run("Police fired tear gas at protesters in Kampala on Monday.");
        assert!(has(&ex, "Attack", "actor", "Police"), "{:?}", args_all(&ex));
        let ex = run("The gunman who killed 49 people at an Orlando nightclub was identified.");
        assert_eq!(
            triggers(&ex),
            [("Attack".to_string(), "killed".to_string())]
        );
        // The active-voice rule belongs to the verbs of killing, not to "targeted killing".
        let t = triggers(&run(
            "The targeted killing of a Hamas commander in Gaza angered Hamas.",
        ));
        assert_eq!(t, [("Attack".to_string(), "killing".to_string())]);
        // The antecedent of "who" acts.
        assert!(has(&ex, "Attack", "actor", "gunman"), "{:?}", args_all(&ex));
        for text in [
            "Five soldiers were killed in the blast near Kabul.",
            "The bombing in Quetta killed 20 people on Monday.",
            "The attack targeting the army's 209th Shaheen Corps killed 140 soldiers.",
            "Twin bombs exploded near the finish line, killing three people.",
        ] {
            let t = triggers(&run(text));
            assert!(
                t.iter().all(|(_, w)| !w.starts_with("kill")),
                "{text}: {t:?}"
            );
        }
    }

    #[test]
    fn campaigns_are_kept_apart_from_single_attacks() {
        let ex = run("Russia and Syria launched an air offensive against rebels in Aleppo.");
        assert_eq!(
            triggers(&ex),
            [("MilitaryCampaign".to_string(), "offensive".to_string())]
        );
        assert!(
            has(&ex, "MilitaryCampaign", "actor", "Russia"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Government forces besieged the city while jets struck a hospital on Monday.");
        let kinds: Vec<String> = triggers(&ex).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, ["MilitaryCampaign", "Attack"], "{:?}", triggers(&ex));
        // The battle for a city and ongoing fighting are sustained combat.
        for text in [
            "Iraqi forces pressed on with the battle for Mosul against Islamic State militants.",
            "Heavy fighting between troops and rebels continued near Donetsk.",
            "Turkey launched military operations against the PKK in northern Iraq.",
        ] {
            let t = triggers(&run(text));
            assert!(
                !t.is_empty() && t.iter().all(|(k, _)| k == "MilitaryCampaign"),
                "{text}: {t:?}"
            );
        }
    }

    #[test]
    fn parts_purposes_devices_and_kinds_are_not_events_of_their_own() {
        for text in [
            "Coalition airstrikes targeting Islamic State positions killed 20 fighters in Mosul.",
            "The U.S. carried out targeted strikes on Islamic State positions in Mosul.",
            "Israel launched airstrikes on Gaza in retaliation for the rocket fire.",
            "NATO ambassadors met in Brussels on Sunday to discuss Ukraine.",
            "The report includes cell phone video recorded by survivors who spoke to HRW.",
            "The draft law would let police in Egypt ban all protests outright.",
            "Soldiers guarded the detention center where Cuba holds dissidents.",
            "Officials defended freedom of speech and assembly in Havana.",
        ] {
            let t = triggers(&run(text));
            assert!(
                t.iter().all(|(_, w)| !w.starts_with("target")
                    && !matches!(
                        w.as_str(),
                        "retaliation" | "discuss" | "phone" | "protests" | "detention" | "assembly"
                    )),
                "{text}: {t:?}"
            );
        }
        for text in [
            "Troops watched a Russian warplane on fire crash on a hill near the border.",
            "The army came under fire for refusing to reveal the number of soldiers killed.",
            "The killings of soldiers strike another blow at a ceasefire brokered by Annan.",
        ] {
            let t = triggers(&run(text));
            assert!(t.iter().all(|(k, _)| k != "Attack"), "{text}: {t:?}");
        }
        let ex = run("Coalition airstrikes targeting Islamic State positions killed 20 fighters.");
        assert!(
            has(&ex, "Attack", "target", "Islamic State"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn calls_are_triggered_by_the_speaking_verb_and_stones_are_an_assault() {
        let ex = run("Erdogan spoke by phone with Putin on Friday.");
        let t = triggers(&ex);
        assert_eq!(t, [("Call".to_string(), "spoke".to_string())], "{t:?}");
        let ex = run("Protesters threw stones at the police in Srinagar.");
        let t = triggers(&ex);
        assert!(t.contains(&("Attack".into(), "threw".into())), "{t:?}");
    }

    #[test]
    fn coordinated_subjects_and_dates() {
        let ex = run("The European Union and Japan urged restraint on Tuesday.");
        assert!(
            has(&ex, "Appeal", "actor", "European Union"),
            "{:?}",
            args(&ex)
        );
        assert!(has(&ex, "Appeal", "actor", "Japan"), "{:?}", args(&ex));
        assert_eq!(ex.events[0].date.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn calls_take_the_counterpart_as_participant() {
        // A call takes no place from further on in the sentence.
        let ex = run(
            "Erdogan spoke by phone with Vladimir Putin, officials said at a briefing in Ankara.",
        );
        assert!(!has(&ex, "Call", "place", "Ankara"), "{:?}", args_all(&ex));
        // Speaking with someone is a call when the clause says it was one.
        let t = triggers(&run(
            "In a much anticipated call, Trump also spoke with Russian President Vladimir Putin.",
        ));
        assert!(
            t.contains(&("Call".to_string(), "spoke".to_string())),
            "{t:?}"
        );
        let t = triggers(&run("Kerry spoke with reporters in Geneva on Monday."));
        assert!(t.is_empty(), "{t:?}");
        // Meeting a demand is not meeting anyone.
        for text in [
            "The agency verified that Iran has met all conditions under the deal.",
            "Members must meet their need for greater investment in their forces.",
        ] {
            let t = triggers(&run(text));
            assert!(t.is_empty(), "{text}: {t:?}");
        }
        // Whom one speaks with may stand inside the cue's words.
        let ex = run(
            "Tsai Ing-wen speaks with U.S. President-elect Donald Trump through a speaker phone.",
        );
        assert!(
            has(&ex, "Call", "participant", "Donald Trump"),
            "{:?}",
            args_all(&ex)
        );
        // A gap of a cue does not cross into a relative clause.
        let t = triggers(&run(
            "The government has what analysts call a slow approach.",
        ));
        assert!(t.is_empty(), "{t:?}");
        // "called" names things unless someone is called.
        let t = triggers(&run(
            "After speaking by phone, Obama and Merkel called the attacks barbarous on Friday.",
        ));
        assert!(!t.iter().any(|(_, w)| w == "called"), "{t:?}");
        let t = triggers(&run(
            "Erdogan called Vladimir Putin on Friday for a phone conversation.",
        ));
        assert!(
            t.contains(&("Call".to_string(), "called".to_string())),
            "{t:?}"
        );
        // "their meeting": the people named before it, not the nearest organisation.
        let ex = run(
            "Vladimir Putin shakes hands with Rex Tillerson of Exxon Mobil Corporation at their meeting outside Moscow.",
        );
        for who in ["Vladimir Putin", "Rex Tillerson"] {
            assert!(
                has(&ex, "Meeting", "participant", who),
                "{:?}",
                args_all(&ex)
            );
        }
        let ex = run(
            "Foreign Minister Sergey Lavrov held a telephone conversation with his Chinese counterpart, Wang Yi.",
        );
        assert!(
            has(&ex, "Call", "participant", "Sergey Lavrov"),
            "{:?}",
            args(&ex)
        );
        assert!(
            has(&ex, "Call", "participant", "Wang Yi"),
            "{:?}",
            args(&ex)
        );
        let wang = ex.entities.iter().find(|e| e.name == "Wang Yi").unwrap();
        assert_eq!(wang.kind.as_str(), "Official");
        assert!(
            ex.relations
                .iter()
                .any(|r| r.subject == wang.id && r.object.ends_with("/state/china"))
        );
    }

    #[test]
    fn mentions_of_one_attack_become_one_event() {
        let ex = run(
            "Russia launched a missile attack on Kharkiv on Monday. Moscow said its missiles struck military targets.",
        );
        let attacks: Vec<_> = ex
            .events
            .iter()
            .filter(|e| e.kind.as_str() == "Attack")
            .collect();
        assert_eq!(attacks.len(), 1, "{attacks:?}");
        assert_eq!(attacks[0].triggers.len(), 2);
        assert_eq!(attacks[0].date.as_deref(), Some("2024-03-04"));
        // A state's army acts for it.
        let ex = run(
            "Israeli warplanes struck the port of Hodeidah in Yemen on Saturday. The Israeli \
             military said its jets hit fuel depots.",
        );
        let attacks: Vec<_> = ex
            .events
            .iter()
            .filter(|e| e.kind.as_str() == "Attack")
            .collect();
        assert_eq!(attacks.len(), 1, "{attacks:?}");
        assert!(
            ex.relations
                .iter()
                .any(|r| r.subject.ends_with("israel-defense-forces")
                    && r.predicate.to_string() == "basedIn"),
            "{:?}",
            ex.relations
        );
    }

    #[test]
    fn who_names_or_suffers_an_event_noun_did_not_do_it() {
        // Naming, suffering or speaking of an attack is not carrying it out.
        for text in [
            "On Friday, the French president, Emmanuel Macron, called the explosion an attack.",
            "Photo by AFP. Dagestan sees frequent attacks on security forces.",
            "In Warsaw, Obama opened his remarks with the aftermath of the Dallas shooting.",
        ] {
            let ex = run(text);
            assert!(
                !args(&ex).iter().any(|(_, role, _)| role == "actor"),
                "{text}: {:?}",
                args(&ex)
            );
        }
        // A verb that does the event, or a possessor, still gives its actor.
        for (text, actor) in [
            (
                "Hamas claimed responsibility for the attack on Tuesday.",
                "Hamas",
            ),
            ("Russia launched a series of attacks on Kharkiv.", "Russia"),
            ("Iran's brief detention of ten sailors ended.", "Iran"),
        ] {
            let ex = run(text);
            assert!(
                args(&ex).iter().any(|(_, r, a)| r == "actor" && a == actor),
                "{text}: {:?}",
                args(&ex)
            );
        }
    }

    #[test]
    fn conditions_fronted_phrases_and_spans_of_time_bound_the_clause() {
        // A condition reports no event, whether it opens the sentence or follows.
        for text in [
            "If Iran attacks Israel, the US will respond.",
            "Israel said it would respond if Iran attacked its territory.",
        ] {
            let t = triggers(&run(text));
            assert!(t.is_empty(), "{text}: {t:?}");
        }
        // A fronted phrase ends at its comma; the main clause is its own.
        let ex = run(
            "After the explosion, the interior minister, Christophe Castaner, sent instructions to police.",
        );
        assert!(
            !args(&ex).iter().any(|(_, _, a)| a == "Christophe Castaner"),
            "{:?}",
            args(&ex)
        );
        let ex = run("In an attack on Monday, Taliban militants killed five soldiers in Kabul.");
        assert!(
            has(&ex, "Attack", "actor", "Taliban militants"),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            has(&ex, "Attack", "target", "soldiers"),
            "{:?}",
            args_all(&ex)
        );
        // "With" opens a fronted phrase too; "like" ends a target phrase.
        let ex = run("With targeted strikes mounting, IS appears ever more concerned about spies.");
        assert!(!has(&ex, "Attack", "target", "IS"), "{:?}", args_all(&ex));
        let ex = run(
            "Militants said blowing up a soft target like a civilian airliner would send a signal.",
        );
        assert!(
            !args_all(&ex).iter().any(|(_, _, a)| a.contains("like")),
            "{:?}",
            args_all(&ex)
        );
        // A span of time or a verb is no target.
        let ex = run(
            "Islamic State fighters carried out a spate of attacks in recent years, and during the bombing at least 11 people died.",
        );
        assert!(
            !args_all(&ex)
                .iter()
                .any(|(_, r, a)| r == "target" && (a.contains("years") || a.contains("died"))),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn hosting_a_leader_is_a_meeting_hosting_a_match_is_not() {
        let t = triggers(&run(
            "Obama hosted Japanese Prime Minister Shinzo Abe at the White House.",
        ));
        assert!(
            t.contains(&("Meeting".to_string(), "hosted".to_string())),
            "{t:?}"
        );
        for text in [
            "Lyon will host the semi-finals and the final.",
            "They tried to help their hosts retrieve the bodies of Pakistan's soldiers.",
            "“I was in shock,” recalled Terry Mack, an officer with the Dallas transit police.",
        ] {
            let t = triggers(&run(text));
            assert!(t.is_empty(), "{text}: {t:?}");
        }
    }

    #[test]
    fn asides_answers_and_speakers_stay_out_of_an_event() {
        // A dash opens an aside: Iran is not what the strike hit.
        let ex = run(
            "The strike — the first time Iran fired missiles outside its borders — was a warning.",
        );
        assert!(!has(&ex, "Attack", "target", "Iran"), "{:?}", args_all(&ex));
        assert!(has(&ex, "Attack", "actor", "Iran"), "{:?}", args_all(&ex));
        // The deed answered is another event, with its own place, and a relative clause
        // tells more of it.
        let ex = run(
            "The strike was meant as retaliation for the IS-claimed twin terror attacks in Tehran on June 7 that killed 17 people and wounded 50.",
        );
        let attacks: Vec<_> = ex
            .events
            .iter()
            .filter(|e| e.kind.to_string() == "Attack")
            .collect();
        assert_eq!(attacks.len(), 2, "{:?}", ex.events);
        let strike = attacks
            .iter()
            .find(|e| e.triggers.iter().any(|t| t.text == "strike"))
            .unwrap();
        assert!(strike.arguments.is_empty(), "{:?}", strike.arguments);
        let killed = attacks
            .iter()
            .find(|e| e.triggers.iter().any(|t| t.text == "killed"))
            .unwrap();
        assert!(
            killed.triggers.iter().any(|t| t.text == "attacks"),
            "{:?}",
            killed.triggers
        );
        // Who tells of it after a comma is no target.
        let ex = run("Gunmen opened fire on Thursday, Iranian officials said.");
        assert!(
            !args_all(&ex).iter().any(|(_, r, _)| r == "target"),
            "{:?}",
            args_all(&ex)
        );
        // "in response to rocket fire from Hamas": the rockets are Hamas's, fired by Hamas.
        let ex = run("Israel struck Gaza in response to rocket fire from Hamas.");
        let struck = ex
            .events
            .iter()
            .find(|e| e.triggers.iter().any(|t| t.text == "struck"))
            .unwrap();
        assert!(
            !struck.arguments.iter().any(|a| a.text == "rocket"),
            "{:?}",
            struck.arguments
        );
        assert!(has(&ex, "Attack", "actor", "Hamas"), "{:?}", args_all(&ex));
        // Footage is shot with a camera.
        let t = triggers(&run("Footage shot on June 18 shows missiles over Syria."));
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn mentions_told_apart_by_place_stay_two_events() {
        // Unnamed victims in one sentence, two places: two shootings.
        let ex = run(
            "Two men were shot dead by police in Louisiana; five officers were then shot at a rally in Texas.",
        );
        let attacks = ex
            .events
            .iter()
            .filter(|e| e.kind.to_string() == "Attack")
            .count();
        assert_eq!(attacks, 2, "{:?}", ex.events);
    }

    #[test]
    fn who_claims_or_is_blamed_for_an_attack_is_its_actor() {
        // A claim names who did it; a demonym before a group's name only qualifies it.
        let ex = run(
            "Gunmen killed 12 soldiers. It was an attack claimed by the Somali militant group al-Shabab.",
        );
        assert!(
            has(&ex, "Attack", "actor", "al-Shabab"),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            !args_all(&ex).iter().any(|(_, _, a)| a == "Somali"),
            "{:?}",
            args_all(&ex)
        );
        // The claim does not reach a verb's object: al-Shabab is not what the gunmen hit.
        let ex = run(
            "Gunmen attacked workers in Mandera County on Tuesday, an attack claimed by al-Shabab.",
        );
        assert!(
            !has(&ex, "Attack", "target", "al-Shabab"),
            "{:?}",
            args_all(&ex)
        );
        // Whom an attack is blamed on is said to have done it, not to have suffered it.
        let ex = run("Gunmen killed 12 soldiers. Officials blamed the attack on the Taliban.");
        assert!(
            has(&ex, "Attack", "actor", "Taliban"),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            !has(&ex, "Attack", "target", "Taliban"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn a_pronoun_after_said_is_the_speaker() {
        // "they" is the police who speak, not the state named before.
        let ex = run(
            "Protesters threw stones at the U.S. embassy. Police said they arrested about two dozen protesters.",
        );
        assert!(
            !args_all(&ex)
                .iter()
                .any(|(k, r, _)| k == "Arrest" && r == "actor"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Pakistan said it struck militant hideouts in Iran.");
        assert!(
            has(&ex, "Attack", "actor", "Pakistan"),
            "{:?}",
            args_all(&ex)
        );
        let ex =
            run("Militants attacked a post. Iranian officials said they arrested two of them.");
        assert!(
            has(&ex, "Arrest", "actor", "Iranian"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn a_participle_describing_a_name_and_a_deed_as_setting_have_no_actor_or_target() {
        let ex = run(
            "Tintori’s shirt bears a likeness of her husband, jailed opposition leader Leopoldo Lopez.",
        );
        assert!(
            has(&ex, "Arrest", "target", "Leopoldo Lopez"),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            !has(&ex, "Arrest", "actor", "Tintori"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Police officers escort men arrested in a raid on a sauna in Jakarta.");
        assert!(
            !args_all(&ex).iter().any(|(_, _, a)| a.contains("raid")),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn a_date_is_no_target_and_a_plea_in_court_no_appeal() {
        let ex = run(
            "The bombing was an attack on 13 September 1974 at a cafe in Madrid which killed 13 people.",
        );
        assert!(
            !args_all(&ex)
                .iter()
                .any(|(_, _, a)| a.contains("September")),
            "{:?}",
            args_all(&ex)
        );
        let t = triggers(&run("Dzhokhar Tsarnaev pleaded not guilty on Monday."));
        assert!(!t.iter().any(|(k, _)| k == "Appeal"), "{t:?}");
    }

    #[test]
    fn who_reports_an_attack_did_not_carry_it_out() {
        for text in [
            "Afghanistan’s largest television station has reported last Friday’s assault by the Taliban on an army base.",
            "Afghanistan’s largest television station has reported an assault on an army base.",
        ] {
            let ex = run(text);
            assert!(
                !has(&ex, "Attack", "actor", "Afghanistan"),
                "{text}: {:?}",
                args_all(&ex)
            );
        }
        // A verb that does it still gives the actor, with or without "have".
        let ex = run("The Taliban have launched an assault on the base.");
        assert!(
            has(&ex, "Attack", "actor", "Taliban"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn unnamed_subjects_carry_over_and_keep_events_apart() {
        // "and" passes the unnamed subject on to the next verb.
        let ex = run("Gunmen killed two guards. Police raided the house and arrested two men.");
        assert!(has(&ex, "Arrest", "actor", "Police"), "{:?}", args_all(&ex));
        // So does a comma series of verbs with objects, named or not.
        let ex = run(
            "Gunmen killed two guards. Police raided the house, arrested two men and seized weapons.",
        );
        assert!(has(&ex, "Arrest", "actor", "Police"), "{:?}", args_all(&ex));
        let ex = run("Iranian forces raided the camp, detained three militants and burned tents.");
        assert!(
            has(&ex, "Arrest", "actor", "Iranian forces"),
            "{:?}",
            args_all(&ex)
        );
        // Different actors in one sentence make different events.
        let ex =
            run("Backed by U.S.-led coalition airstrikes, Iraqi forces fought fiercely for weeks.");
        assert_eq!(
            ex.events
                .iter()
                .filter(|e| e.kind.to_string() == "Attack")
                .count(),
            2,
            "{:?}",
            ex.events
        );
        let ex =
            run("Gunmen killed two guards. Police fired tear gas and protesters threw stones.");
        let fired = ex
            .events
            .iter()
            .find(|e| e.triggers.iter().any(|t| t.text == "fired"))
            .unwrap();
        assert!(
            !fired.triggers.iter().any(|t| t.text == "threw"),
            "{:?}",
            ex.events
        );
    }

    #[test]
    fn subjects_past_an_aside_or_a_first_verb_and_weapons_only_for_force() {
        // A subject set off from its verb by an aside.
        let ex = run("The militants, armed with rifles and grenades, attacked a police post.");
        assert!(
            has(&ex, "Attack", "actor", "militants"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Two men, suspected of links to the group, were arrested on Sunday.");
        assert!(has(&ex, "Arrest", "target", "men"), "{:?}", args_all(&ex));
        // A name after the first of two verbs is its object, not the second's subject.
        let ex = run("Iranian forces boarded the U.S. vessels and detained ten sailors.");
        assert!(
            has(&ex, "Arrest", "actor", "Iranian forces"),
            "{:?}",
            args_all(&ex)
        );
        assert!(!has(&ex, "Arrest", "actor", "U.S."), "{:?}", args_all(&ex));
        // Boats are no instrument of an arrest.
        assert!(
            !args_all(&ex).iter().any(|a| a.1 == "instrument"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn a_section_heading_names_no_event() {
        let t = triggers(&run(
            "Sniper Kills Five Officers in Dallas\nA sniper shot dead five police officers on Thursday.\nDetails of attack-Dallas Mayor Rawlings confirmed that the shooting was carried out by a lone gunman.",
        ));
        assert!(!t.iter().any(|(_, w)| w == "attack"), "{t:?}");
        assert!(t.iter().any(|(_, w)| w == "shooting"), "{t:?}");
        // Wiki and markdown headings.
        let t = triggers(&run(
            "Bombs exploded in Madrid on Friday.\n\n==The attack==\nThe bomb was placed at the \
             entrance.\n\n==Responses and arrests==\nPolice arrested two men.\n\n## Responses and arrests\n\nNone.",
        ));
        assert_eq!(
            t.iter().map(|(_, w)| w.as_str()).collect::<Vec<_>>(),
            ["exploded", "arrested"]
        );
    }

    #[test]
    fn a_second_verb_keeps_its_object_and_setting_and_a_subject_may_carry_a_place() {
        // Condemning strikes neither makes Yemen their author nor the envoy their target, and
        // where the envoy was summoned is not where they fell.
        let ex = run(
            "Yemen's government condemned the strikes and summoned the Israeli chargé d'affaires in Cairo.",
        );
        let strikes: Vec<_> = args_all(&ex)
            .into_iter()
            .filter(|a| a.0 == "Attack")
            .collect();
        assert!(strikes.is_empty(), "{strikes:?}");
        assert!(has(&ex, "Meeting", "place", "Cairo"), "{:?}", args_all(&ex));
        // "Police in Sanaa arrested": the place phrase belongs to the subject, and says where.
        let ex = run("Police in Sanaa arrested dozens of protesters on Tuesday.");
        assert!(has(&ex, "Arrest", "actor", "Police"), "{:?}", args_all(&ex));
        assert!(has(&ex, "Arrest", "place", "Sanaa"), "{:?}", args_all(&ex));
        // A phrase cannot run on past "ahead of".
        let ex = run("Police in Dhaka arrested 20 opposition activists ahead of the rally.");
        assert!(
            has(&ex, "Arrest", "target", "opposition activists"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Troops near the border fired on the crowd.");
        assert!(has(&ex, "Attack", "actor", "Troops"), "{:?}", args_all(&ex));
    }

    /// The event with a trigger of this text.
    fn of_in<'a>(ex: &'a Extraction, w: &str) -> &'a crate::model::EventRecord {
        ex.events
            .iter()
            .find(|e| e.triggers.iter().any(|t| t.text == w))
            .unwrap_or_else(|| panic!("{w}: {:?}", ex.events))
    }

    #[test]
    fn a_stretch_of_days_dates_the_event_it_belongs_to() {
        // Published Friday 2024-03-08: last week is 26 February to 3 March.
        let ex = run(
            "Police in Srinagar detained two suspects last week in connection with the Pahalgam attack.",
        );
        let of = |w: &str| {
            ex.events
                .iter()
                .find(|e| e.triggers.iter().any(|t| t.text == w))
                .unwrap_or_else(|| panic!("{w}: {:?}", ex.events))
        };
        let period = of("detained").period.clone().expect("a period");
        assert_eq!(
            (period.start.as_str(), period.end.as_str()),
            ("2024-02-26", "2024-03-03")
        );
        assert_eq!(of("detained").date, None);
        // Nor did it happen where the attack it is connected with did.
        assert!(
            !of("detained")
                .arguments
                .iter()
                .any(|a| a.text == "Pahalgam"),
            "{:?}",
            ex.events
        );
        // A possessive date dates its own noun only, and the deed a group is blamed for is
        // another event.
        let ex = run("Troops raided camps of the group blamed for last month's bombing.");
        let raid = of_in(&ex, "raided");
        assert!(raid.period.is_none(), "{:?}", ex.events);
        assert!(
            !raid.triggers.iter().any(|t| t.text == "bombing"),
            "{:?}",
            ex.events
        );
        assert!(of_in(&ex, "bombing").period.is_some(), "{:?}", ex.events);
        // A relative clause on something else ("camps …, which it blames for …") tells
        // nothing more of the event before it.
        let ex = run(
            "New Delhi said the strikes, dubbed Operation Sindoor, targeted camps of \
             Jaish-e-Mohammed and Lashkar-e-Taiba, which it blames for last month's attack in \
             Pahalgam that killed 26 tourists.",
        );
        let hit = of_in(&ex, "targeted");
        assert!(
            !hit.triggers.iter().any(|t| t.text == "attack") && hit.period.is_none(),
            "{:?}",
            ex.events
        );
        // A known event takes no date its sentence gives what it reports.
        let ex = run("Police said on Monday they were investigating the bombing in Quetta.");
        assert_eq!(of_in(&ex, "bombing").date, None);
    }

    #[test]
    fn meeting_people_clauses_that_close_and_counts_of_people() {
        // "met opposition leaders" meets people; "met stiff opposition" meets none.
        let t = triggers(&run(
            "Kaja Kallas met opposition leaders in Brussels on Friday.",
        ));
        assert_eq!(t, [("Meeting".to_string(), "met".to_string())]);
        assert!(triggers(&run("The proposal met stiff opposition.")).is_empty());
        // A relative clause closed by its comma no longer speaks of the antecedent.
        let ex = run(
            "President Salome Zourabichvili, who is at odds with the government, condemned the \
             arrest of 43 protesters.",
        );
        assert!(
            !has(&ex, "Arrest", "actor", "Salome Zourabichvili"),
            "{:?}",
            args_all(&ex)
        );
        // A count is part of who acted.
        let ex = run("Tens of thousands of protesters rallied outside the parliament in Tbilisi.");
        assert!(
            has(&ex, "Protest", "actor", "Tens of thousands of protesters"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn who_comes_under_attack_is_its_target() {
        let ex = run("Kobani has been under assault by Islamic State militants since September.");
        assert!(
            has(&ex, "Attack", "actor", "Islamic State militants"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Iraqi forces came under fire from Islamic State militants in Mosul.");
        assert!(
            has(&ex, "Attack", "actor", "Islamic State militants"),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            has(&ex, "Attack", "target", "forces"),
            "{:?}",
            args_all(&ex)
        );
        // Who reports it did not do it.
        let ex = run(
            "Colonel John Dorrian said Wednesday that coalition troops have come under attack near Mosul.",
        );
        assert!(
            !args_all(&ex).iter().any(|a| a.1 == "actor"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn a_cue_ruled_out_by_its_context_leaves_the_words_to_another_kind() {
        // "called on X to do Y" is an appeal, "called on the emir" a courtesy call.
        let t = triggers(&run(
            "The governor called on the Attorney General's office to investigate Angel Sarmiento.",
        ));
        assert_eq!(t, [("Appeal".to_string(), "called".to_string())]);
        let t = triggers(&run(
            "Prime Minister Shehbaz Sharif called on Emir Tamim bin Hamad Al Thani in Doha.",
        ));
        assert_eq!(t, [("Meeting".to_string(), "called".to_string())]);
        // Consulting papers is no meeting; consulting with a state is.
        let t = triggers(&run(
            "There is nothing here, said Timothy McElroy, consulting court papers.",
        ));
        assert!(t.is_empty(), "{t:?}");
        let t = triggers(&run("Pakistan consulted with Iran on the border."));
        assert_eq!(t, [("Meeting".to_string(), "consulted".to_string())]);
        // What nearly happened did not.
        let t = triggers(&run(
            "An RAF Chinook helicopter was nearly downed near Hampshire on Monday.",
        ));
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn a_passive_subject_may_stand_before_a_relative_clause() {
        // Past a relative clause with its own verb, the subject is its antecedent.
        let ex = run("The man who attacked the officers was arrested in Dallas on Friday.");
        assert!(has(&ex, "Arrest", "target", "man"), "{:?}", args_all(&ex));
        assert!(
            !has(&ex, "Arrest", "target", "officers"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("The gunman who attacked Senator Raza Rabbani was arrested in Karachi.");
        assert!(
            !has(&ex, "Arrest", "target", "Raza Rabbani"),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            has(&ex, "Arrest", "target", "gunman"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("The suspect, who stabbed two police officers, was detained in Paris.");
        assert!(
            has(&ex, "Arrest", "target", "suspect"),
            "{:?}",
            args_all(&ex)
        );
        // The relative clause's own passive.
        let ex = run("Police said the men who were detained in Karachi belonged to the TTP.");
        assert!(has(&ex, "Arrest", "target", "men"), "{:?}", args_all(&ex));
        // A clause reported inside the relative clause keeps its own subject.
        let ex = run("Officials who reported the suspects were detained in Lahore spoke Monday.");
        assert!(
            has(&ex, "Arrest", "target", "suspects"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn the_other_side_of_a_clash_and_the_doer_of_another_deed() {
        let ex = run("The Pakistani army clashed with Taliban fighters near the border.");
        assert!(
            has(&ex, "Attack", "target", "Taliban fighters"),
            "{:?}",
            args_all(&ex)
        );
        // Fighting with someone may be fighting beside them.
        let ex = run(
            "He said the battle for al-Bab revealed shortcomings in the Free Syrian Army, the \
             rebel group fighting with Turkish forces in Syria.",
        );
        assert!(
            !args_all(&ex)
                .iter()
                .any(|(_, r, t)| r == "target" && t.contains("Turk")),
            "{:?}",
            args_all(&ex)
        );
        // "brokered by Qatar": Qatar brokered; it is not what the parties agreed with.
        let ex = run("Israel and Hamas agreed to a ceasefire brokered by Qatar.");
        assert!(
            !has(&ex, "IntentToCooperate", "target", "Qatar"),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            has(&ex, "MediationOffer", "actor", "Qatar"),
            "{:?}",
            args_all(&ex)
        );
        // A meeting attended by people in a city still happened there.
        let ex = run(
            "The issue was debated at a tense city council meeting attended by hundreds of \
             citizens in the embattled city of Charlotte.",
        );
        assert!(
            has(&ex, "Meeting", "place", "Charlotte"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn compounds_and_fixed_phrases_of_diplomacy() {
        // The head of "artillery fire" is the trigger, and fire is not what was hit.
        let ex = run("India and Pakistan exchanged artillery fire across the Line of Control.");
        assert_eq!(triggers(&ex), [("Attack".to_string(), "fire".to_string())]);
        // A courtesy call on a prince is a meeting.
        let ex =
            run("General Asim Munir called on Saudi Crown Prince Mohammed bin Salman in Riyadh.");
        assert!(
            has(&ex, "Meeting", "participant", "Mohammed bin Salman"),
            "{:?}",
            args_all(&ex)
        );
        // Who tells of it after a comma is no part of it, with or without "the".
        let ex = run("Security forces killed five terrorists in Khyber district, the ISPR said.");
        assert!(
            !args_all(&ex)
                .iter()
                .any(|(_, r, t)| r == "target" && t.contains("ISPR")),
            "{:?}",
            args_all(&ex)
        );
        // An envoy recalled "for consultations" meets nobody.
        let t = triggers(&run(
            "Iran has recalled its ambassador from Islamabad for consultations.",
        ));
        assert_eq!(
            t,
            [("RecallAmbassador".to_string(), "recalled".to_string())]
        );
    }

    #[test]
    fn people_of_someone_named_are_the_ones_held() {
        let ex = run("Hundreds of supporters of Imran Khan were arrested after the riots.");
        assert!(
            has(
                &ex,
                "Arrest",
                "target",
                "Hundreds of supporters of Imran Khan"
            ),
            "{:?}",
            args_all(&ex)
        );
        let ex = run("Members of the Taliban were detained in Quetta.");
        assert!(
            has(&ex, "Arrest", "target", "Members of the Taliban"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn storming_a_building_is_force_and_a_storm_is_weather() {
        let ex = run("Protesters stormed the parliament building in Colombo on Saturday.");
        assert!(
            has(&ex, "Attack", "actor", "Protesters"),
            "{:?}",
            args_all(&ex)
        );
        let t = triggers(&run("A storm lashed the coast of Sindh on Saturday."));
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn past_a_closed_relative_clause_its_antecedent_acts_again() {
        let ex = run(
            "Saudi Arabia, which has been at war with the Houthis since 2015, urged restraint.",
        );
        assert!(
            has(&ex, "Appeal", "actor", "Saudi Arabia"),
            "{:?}",
            args_all(&ex)
        );
        let ex = run(
            "The Brotherhood, which demands Morsi's reinstatement, accuses the army of a coup.",
        );
        assert!(
            has(&ex, "Accusation", "actor", "Brotherhood"),
            "{:?}",
            args_all(&ex)
        );
        assert!(
            !has(&ex, "Accusation", "actor", "Morsi"),
            "{:?}",
            args_all(&ex)
        );
        // "which" after a comma stands for a party; without one it may stand for the event.
        let ex = run("Oman, which has mediated between Washington and the Houthis, hosted talks.");
        assert!(
            has(&ex, "MediationOffer", "actor", "Oman"),
            "{:?}",
            args_all(&ex)
        );
        let ex =
            run("The bombing was an attack at a cafe in Madrid, Spain which killed 13 people.");
        assert!(
            !args_all(&ex)
                .iter()
                .any(|(_, r, t)| r == "actor" && t == "Spain"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn an_arrest_takes_someone() {
        for text in [
            "A police officer picks up a weapon from the scene of the shooting in Karachi.",
            "Cruz on Wednesday picked up the endorsement of Jeb Bush in Florida.",
            "Police crackdowns on opposition activists in Tehran drew condemnation.",
        ] {
            let t = triggers(&run(text));
            assert!(!t.iter().any(|(k, _)| k == "Arrest"), "{text}: {t:?}");
        }
        let ex = run("Police picked up three suspects in Karachi on Monday.");
        assert!(
            has(&ex, "Arrest", "target", "suspects"),
            "{:?}",
            args_all(&ex)
        );
    }

    #[test]
    fn plans_and_kinds_of_events_did_not_happen() {
        for text in [
            // A plan, even inside a cue, and any meeting at all.
            "Sharif and Modi agreed to hold a future bilateral meeting in Delhi.",
            "As a precondition for any future meetings with the rebels, Kyiv wants a plan.",
            "Russia wants to be included in any consultations with Iran.",
            // Force still to come.
            "The minister said the suspects will also be arrested in Lahore.",
            "Israel will strike Iranian nuclear sites, the official said.",
        ] {
            let t = triggers(&run(text));
            assert!(t.is_empty(), "{text}: {t:?}");
        }
        // "any" that qualifies another noun leaves the event alone.
        let t = triggers(&run(
            "Hamas denied any part in attacks on Israeli troops in Gaza.",
        ));
        assert!(t.iter().any(|(k, _)| k == "Attack"), "{t:?}");
        // A meeting announced is scheduled, and "will condemn" says nothing of the attack.
        let t = triggers(&run("Dar will meet with Wang Yi in Beijing on Monday."));
        assert_eq!(t, [("Meeting".to_string(), "meet".to_string())]);
        let t = triggers(&run(
            "Pakistan will condemn the attack by India on Muridke at the United Nations.",
        ));
        assert!(t.iter().any(|(k, _)| k == "Attack"), "{t:?}");
        // The future of talks is no future talk.
        let t = triggers(&run(
            "Officials doubted the future of the meeting between Dar and Wang Yi in Beijing.",
        ));
        assert_eq!(t, [("Meeting".to_string(), "meeting".to_string())]);
    }
}
