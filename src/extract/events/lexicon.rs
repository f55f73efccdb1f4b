//! The event lexicon: cue phrases and closed word lists from `ontology/lexicon/`, and matching
//! a cue on normalised tokens.

use crate::model::{EntityType, EventType};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const CUES: &str = include_str!("../../../ontology/lexicon/event_cues.tsv");
const WORDS: &str = include_str!("../../../ontology/lexicon/event_words.tsv");

/// Whether the cue's head is a verb (subject acts) or an event noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    Verb,
    Noun,
    Adj,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    Words(Vec<String>),
    Gap(usize),
}

/// One cue of the lexicon.
#[derive(Clone, Debug)]
pub struct Cue {
    pub kind: EventType,
    pub cameo: String,
    pub class: CueClass,
    pub(super) slots: Vec<Slot>,
    pub(super) trigger: usize,
    pub ambiguous: bool,
    /// An event only in the active voice with an object ("killed 49 people", not "were
    /// killed"): the lexicon row's note says "active voice".
    pub(super) active_only: bool,
}

/// The event lexicon: cues indexed by their first word, and the closed word lists.
pub struct Lexicon {
    pub(super) cues: Vec<Cue>,
    pub(super) by_first: HashMap<String, Vec<usize>>,
    pub(super) instruments: HashSet<String>,
    /// Nouns a weapon word may qualify: "weapons depot", "missile factory".
    pub(super) facilities: HashSet<String>,
    /// Definite phrases that refer again to one state or armed group ("the country", "the
    /// militant group"), as words, longest first, with the type they refer to.
    pub nominals: Vec<(Vec<String>, EntityType)>,
    /// The nominals by their first two words, longest first: most tokens ("the") start none.
    pub nominal_index: HashMap<String, HashMap<String, Vec<usize>>>,
    pub(super) negations: HashSet<String>,
    pub(super) modals: HashSet<String>,
    pub(super) reporting: HashSet<String>,
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
                    .map(crate::extract::gazetteer::norm_token)
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
        // Bodies are not resolved: too many in one story share "the ministry", "the army".
        let mut nominals: Vec<(Vec<String>, EntityType)> = words_src
            .lines()
            .filter_map(|line| {
                let cols: Vec<&str> = line.split('\t').collect();
                let kind = EntityType::parse(cols.get(2)?.trim())?;
                (cols[0] == "nominal"
                    && !cols[1].trim().is_empty()
                    && matches!(kind, EntityType::State | EntityType::MilitantGroup))
                .then(|| {
                    let words = cols[1].split_whitespace().map(str::to_lowercase).collect();
                    (words, kind)
                })
            })
            .collect();
        nominals.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut nominal_index: HashMap<String, HashMap<String, Vec<usize>>> = HashMap::new();
        for (i, (words, _)) in nominals.iter().enumerate() {
            nominal_index
                .entry(words[0].clone())
                .or_default()
                .entry(words.get(1).cloned().unwrap_or_default())
                .or_default()
                .push(i);
        }
        let mut take = |k: &str| lists.remove(k).unwrap_or_default();
        Lexicon {
            cues,
            by_first,
            instruments: take("instrument"),
            facilities: take("facility"),
            nominals,
            nominal_index,
            negations: take("negation"),
            modals: take("modality"),
            reporting: take("reporting"),
        }
    }

    pub fn len(&self) -> usize {
        self.cues.len()
    }

    /// Whether the word at `k` names a weapon, and not the kind of a place it qualifies
    /// ("weapons depots", "a missile factory").
    pub(super) fn weapon_at(&self, norm: &[String], k: usize, end: usize) -> bool {
        self.instruments.contains(&norm[k])
            && !(k + 1 < end && self.facilities.contains(&norm[k + 1]))
    }

    /// Whether `w` (normalised) is an event cue by itself ("strike", "protests", "detain").
    pub fn is_cue_word(&self, w: &str) -> bool {
        self.by_first
            .get(w)
            .is_some_and(|cs| cs.iter().any(|&c| self.cues[c].slots.len() == 1))
    }

    /// Whether `w` is a cue only as a verb ("seize", "shelled"), never as a noun ("strikes").
    pub(super) fn verb_only(&self, w: &str) -> bool {
        self.by_first
            .get(w)
            .is_some_and(|cs| cs.iter().all(|&c| self.cues[c].class == CueClass::Verb))
    }

    /// Whether a cue that `pred` accepts matches the tokens from `i` (before `end`).
    pub(super) fn cue_at(
        &self,
        norm: &[String],
        i: usize,
        end: usize,
        pred: impl Fn(&Cue) -> bool,
    ) -> bool {
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
    pub(super) fn match_cue(
        &self,
        cue: &Cue,
        norm: &[String],
        i: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        #[allow(clippy::too_many_arguments)]
        fn go(
            lex: &Lexicon,
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
                            lex,
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
                // Gaps do not cross punctuation that closes a phrase, a relative clause ("has
                // what analysts call a … approach"), nor, on the way to a trigger after them,
                // the verb of another event ("has mediated talks" is a mediation, not talks
                // held).
                Slot::Gap(n) => (0..=*n)
                    .take_while(|&skip| {
                        skip == 0
                            || pos + skip > end
                            || !(matches!(
                                norm[pos + skip - 1].as_str(),
                                "." | ";" | ":" | "what" | "which" | "who" | "whom" | "whose"
                            ) || trigger_slot > slot_idx
                                && lex.verb_only(&norm[pos + skip - 1]))
                    })
                    .find_map(|skip| {
                        go(
                            lex,
                            &slots[1..],
                            norm,
                            pos + skip,
                            end,
                            trigger_slot,
                            slot_idx + 1,
                            trig,
                        )
                    }),
            }
        }
        let mut trig = i;
        let end_pos = go(self, &cue.slots, norm, i, end, cue.trigger, 0, &mut trig)?;
        Some((trig, end_pos))
    }
}
