//! Text handling: tokens and sentences with offsets that map back exactly to the document,
//! in bytes internally and in Unicode code points at the contract boundary.

use std::ops::Range;

/// A token: a byte range of the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// A sentence: its byte range and the range of its tokens in [`Tokenized::tokens`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
}

/// A document split into tokens and sentences.
#[derive(Clone, Debug)]
pub struct Tokenized<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl<'a> Tokenized<'a> {
    pub fn token_text(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }
}

/// Abbreviations whose final period belongs to the token and does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "adm", "amb", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept",
    "dr", "esq", "feb", "fig", "fr", "gen", "gov", "hon", "inc", "jan", "jr", "jul", "jun", "lt",
    "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pres", "prof",
    "pvt", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vs", "approx", "est",
];

/// Abbreviations that normally stand before a name, so a capital after them never starts a sentence.
const PRENOMINAL: &[&str] = &[
    "adm", "amb", "brig", "capt", "cmdr", "col", "cpl", "dr", "gen", "gov", "hon", "lt", "maj",
    "mr", "mrs", "ms", "prof", "pvt", "rep", "rev", "sen", "sgt", "st", "supt", "pres", "fr",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&' | ',' | '/' | '‑')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Splits `text` into tokens and sentences.
pub fn tokenize(text: &str) -> Tokenized<'_> {
    let tokens = split_tokens(text);
    let sentences = split_sentences(text, &tokens, &[]);
    Tokenized {
        text,
        tokens,
        sentences,
    }
}

/// Splits an article into tokens and sentences like [`tokenize`], and also cuts a first line
/// where a scraped page glued its headline to the lead ("Militants Strike in Kenya-Gunmen
/// attacked…", "Guinea are Serious -The director…", "Challenge-HARARE —  -Zimbabwe’s court…"),
/// so the headline's last word and the lead's first are read apart.
pub fn tokenize_article(text: &str) -> Tokenized<'_> {
    let mut tokens = split_tokens(text);
    let mut cuts = headline_cuts(text, &mut tokens);
    section_cuts(text, &mut tokens, &mut cuts);
    let sentences = split_sentences(text, &tokens, &cuts);
    Tokenized {
        text,
        tokens,
        sentences,
    }
}

/// Small words a title-case headline may leave in lower case.
const HEADLINE_SMALL: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "as",
    "vs", "over", "after", "before", "into", "amid", "against", "about", "is", "are", "be", "its",
    "his", "her", "their", "not", "no", "up", "out", "off", "than", "like", "but",
];

/// Lower-case particles of names, which a headline keeps ("al Shabaab Militants Strike").
pub const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "de", "da", "du", "van", "von", "la", "le",
];

/// Words that open a lead sentence, never the second half of a hyphenated name.
const LEAD_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "For",
    "With",
    "Since",
    "During",
    "Despite",
    "Amid",
    "Some",
    "Many",
    "More",
    "Most",
    "It",
    "He",
    "She",
    "They",
    "We",
    "This",
    "These",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Dozens",
    "Hundreds",
    "Thousands",
    "Several",
    "Gunmen",
    "Police",
    "Officials",
    "Militants",
    "Protesters",
    "Demonstrators",
    "Troops",
    "Soldiers",
    "Rebels",
    "Authorities",
    "Residents",
    "Witnesses",
    "Activists",
    "Supporters",
    "Lawmakers",
    "Voters",
];

/// Word-forming prefixes of hyphenated headline words ("Anti-Assad", "Pro-Russian").
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "pro", "non", "post", "pre", "mid", "ex", "neo", "pan", "trans", "sub", "inter",
    "multi", "self", "vice", "cross", "counter", "ultra", "semi", "all", "co", "afro", "indo",
    "euro", "sino", "russo", "franco", "anglo",
];

/// Where the first line's leading title-case run (the headline) is glued to the lead: token
/// indices after which a sentence ends. A glued "Word-Word" token is split in place.
fn headline_cuts(text: &str, tokens: &mut Vec<Token>) -> Vec<usize> {
    let line_end = text.find('\n').unwrap_or(text.len());
    // Whether the text after byte `from` writes `w` in lower case.
    let word_after = |from: usize, w: &str| {
        let lower = w.to_lowercase();
        tokens
            .iter()
            .skip_while(|t| t.start < from)
            .any(|t| text[t.start..t.end] == lower)
    };
    let upper_start = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let mut cuts = Vec::new();
    let mut glued: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < tokens.len() && tokens[i].end <= line_end {
        let w = &text[tokens[i].start..tokens[i].end];
        let first = w.chars().next().unwrap_or(' ');
        if w == "-" {
            // " -The director": a hyphen with space before it and a capital glued after it.
            let spaced = text[..tokens[i].start]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace);
            let next = tokens.get(i + 1).filter(|n| n.start == tokens[i].end);
            if spaced && next.is_some_and(|n| upper_start(&text[n.start..n.end])) {
                cuts.push(i);
            }
        } else if first.is_alphanumeric() {
            if !(first.is_uppercase()
                || first.is_ascii_digit()
                || HEADLINE_SMALL.contains(&w.to_lowercase().as_str())
                || NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
            {
                break;
            }
            // A compound the story writes again ("Saudi-Led" and "Saudi-led", "Cease-Fire")
            // is one word.
            let from = tokens[i].end;
            if glued.is_none() && cuts.is_empty() && w.contains('-') {
                let compound = tokens
                    .iter()
                    .skip_while(|t| t.start < from)
                    .any(|t| text[t.start..t.end].eq_ignore_ascii_case(w));
                if !compound {
                    glued = glue_point(w, &|x: &str| word_after(from, x)).map(|k| (i, k));
                }
            }
        }
        i += 1;
    }
    if let Some((i, k)) = glued {
        split_at_hyphen(tokens, i, tokens[i].start + k);
        for c in &mut cuts {
            if *c > i {
                *c += 2;
            }
        }
        cuts.push(i + 1);
        cuts.sort_unstable();
    }
    cuts
}

/// Splits token `i` at the hyphen at byte `hyphen` into the word before, the hyphen and the
/// word after; the cut after the hyphen is the caller's.
fn split_at_hyphen(tokens: &mut Vec<Token>, i: usize, hyphen: usize) {
    let t = tokens[i];
    tokens.splice(
        i..=i,
        [
            Token {
                start: t.start,
                end: hyphen,
            },
            Token {
                start: hyphen,
                end: hyphen + 1,
            },
            Token {
                start: hyphen + 1,
                end: t.end,
            },
        ],
    );
}

/// Words a scraped page glues after a section heading or a media caption ("Audio
/// recordings-However, Turkey released …", "Patrol Boat-Share").
const SECTION_OPENERS: &[&str] = &[
    "However",
    "Share",
    "Video",
    "Embed",
    "Download",
    "Meanwhile",
];

/// Lower-case words that join a capitalised word as one ("then-President", "intra-Afghan",
/// "north-Syrian").
const LOWER_PREFIXES: &[&str] = &[
    "then", "once", "soon", "self", "intra", "extra", "quasi", "pseudo", "super", "hyper", "over",
    "under", "north", "south", "east", "west", "central", "greater", "upper", "lower", "former",
    "late", "early", "fellow", "would", "future", "newly",
];

/// Cuts, past the first line, where a scraped page glued a section heading or video caption
/// to the paragraph after it: "Audio recordings-However, Turkey …", "Counter march-Maduro
/// had rallied", "Video size-width-x-height-pixels-Obama said". A lower-case word before the hyphen
/// or a word that opens sentences after it marks the seam; names ("Frank-Walter Steinmeier",
/// "al-Baghdadi", "Abdul-Wahab") have neither. The token is split in place.
fn section_cuts(text: &str, tokens: &mut Vec<Token>, cuts: &mut Vec<usize>) {
    let Some(line_end) = text.find('\n') else {
        return;
    };
    let seam = |w: &str| -> Option<usize> {
        w.match_indices('-').map(|(k, _)| k).find(|&k| {
            let left = w[..k].rsplit('-').next().unwrap_or("");
            let right = w[k + 1..].split('-').next().unwrap_or("");
            if !right.chars().next().is_some_and(char::is_uppercase)
                || !left.chars().all(char::is_alphabetic)
                || left.is_empty()
            {
                return false;
            }
            // "pixels-Students", "march-Maduro"; not "intra-Afghan", "then-President",
            // "mainly-Muslim".
            let lower_left = left.chars().count() > 3
                && left.chars().all(char::is_lowercase)
                && !HYPHEN_PREFIXES.contains(&left)
                && !LOWER_PREFIXES.contains(&left)
                && !left.ends_with("ly");
            LEAD_OPENERS.contains(&right) || SECTION_OPENERS.contains(&right) || lower_left
        })
    };
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for t in tokens.iter().filter(|t| text[t.start..t.end].contains('-')) {
        *seen.entry(&text[t.start..t.end]).or_default() += 1;
    }
    for i in (0..tokens.len()).rev() {
        let t = tokens[i];
        if t.start < line_end {
            break;
        }
        let w = &text[t.start..t.end];
        if !w.contains('-') {
            continue;
        }
        // A compound the story writes again is one word.
        let again = seen.get(w).is_some_and(|&n| n > 1);
        let Some(k) = seam(w).filter(|_| !again) else {
            continue;
        };
        split_at_hyphen(tokens, i, t.start + k);
        for c in cuts.iter_mut() {
            if *c > i {
                *c += 2;
            }
        }
        cuts.push(i + 1);
    }
    cuts.sort_unstable();
}

/// The byte offset of the hyphen in `w` that joins a headline's last word to the lead's first,
/// if one does: "Kenya-Gunmen" (the document writes "gunmen" in lower case), "Limbo-WASHINGTON"
/// (a dateline), "Ukraine-Ukraine", "Dead-Syrian" (an ordinary word before a name). Compounds
/// ("Guinea-Bissau", "Israeli-Palestinian", "Anti-Assad") are left whole.
fn glue_point(w: &str, word_in_body: &dyn Fn(&str) -> bool) -> Option<usize> {
    w.match_indices('-').map(|(k, _)| k).find(|&k| {
        let left = w[..k].rsplit('-').next().unwrap_or("");
        let right = w[k + 1..].split('-').next().unwrap_or("");
        let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
        // "Anti-IS", "Pro-Russian": a prefix forms a word with what follows.
        if !right.chars().next().is_some_and(char::is_uppercase)
            || letters(left) < 2
            || HYPHEN_PREFIXES.contains(&left.to_lowercase().as_str())
        {
            return false;
        }
        let dateline = letters(right) >= 3
            && right.chars().all(|c| !c.is_lowercase())
            && left.chars().any(char::is_lowercase);
        let ordinary_left = letters(left) > 3 && word_in_body(left);
        dateline
            || left == right
            || LEAD_OPENERS.contains(&right)
            // An acronym ("IS", "US") is no lower-case word of the story.
            || right.chars().any(char::is_lowercase) && word_in_body(right)
            || ordinary_left
    })
}

fn split_tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            // Possessive and contraction clitics: "’s", "'s", "n't" stay one token.
            if is_apostrophe(c)
                && i + 1 < n
                && matches!(chars[i + 1].1, 's' | 'S')
                && (i + 2 >= n || !is_word_char(chars[i + 2].1))
                && i > 0
                && is_word_char(chars[i - 1].1)
            {
                tokens.push(Token {
                    start: byte_at(i),
                    end: byte_at(i + 2),
                });
                i += 2;
                continue;
            }
            tokens.push(Token {
                start: byte_at(i),
                end: byte_at(i + 1),
            });
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        loop {
            while j < n && is_word_char(chars[j].1) {
                j += 1;
            }
            if j + 1 < n && is_joiner(chars[j].1) && is_word_char(chars[j + 1].1) {
                let joiner = chars[j].1;
                // "Jilani’s": the clitic is split off, unless more letters follow ("Kata'ib").
                if is_apostrophe(joiner)
                    && matches!(chars[j + 1].1, 's' | 'S')
                    && (j + 2 >= n || !is_word_char(chars[j + 2].1))
                {
                    break;
                }
                // A comma joins digits only ("3,000"); a period joins letters of
                // abbreviations ("U.S") and digits ("3.5"), not two words ("end.Next").
                let prev = chars[j - 1].1;
                let next = chars[j + 1].1;
                if joiner == ',' && !(prev.is_ascii_digit() && next.is_ascii_digit()) {
                    break;
                }
                if joiner == '.' {
                    let digits = prev.is_ascii_digit() && next.is_ascii_digit();
                    let initials = j - start == 1 || (j >= 2 && chars[j - 2].1 == '.');
                    if !digits && !initials {
                        break;
                    }
                }
                if joiner == '/' && !(prev.is_ascii_digit() && next.is_ascii_digit()) {
                    break;
                }
                j += 1;
                continue;
            }
            break;
        }
        let mut end = j;
        // Absorb a final period for initialisms ("U.S.") and known abbreviations ("Gen.").
        if end < n && chars[end].1 == '.' {
            let word: String = chars[start..end].iter().map(|&(_, c)| c).collect();
            let lower = word.to_lowercase();
            let initialism = word.contains('.')
                && word
                    .split('.')
                    .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
            let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if initialism || single_initial || ABBREVIATIONS.contains(&lower.as_str()) {
                end += 1;
            }
        }
        tokens.push(Token {
            start: byte_at(start),
            end: byte_at(end),
        });
        i = end;
    }
    tokens
}

fn is_closing(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | ")" | "]" | "»")
}

fn starts_upper_or_quote(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '(' | '«')
    })
}

fn split_sentences(text: &str, tokens: &[Token], cuts: &[usize]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    let tok = |i: usize| &text[tokens[i].start..tokens[i].end];
    let mut i = 0;
    while i < tokens.len() {
        let mut boundary = false;
        let t = tok(i);
        // A line break ends a sentence (headlines, datelines and paragraphs carry no stop).
        if i + 1 < tokens.len() && text[tokens[i].end..tokens[i + 1].start].contains('\n')
            || cuts.contains(&i)
        {
            boundary = true;
        } else if matches!(t, "." | "!" | "?" | "…") {
            // Closing quotes and brackets stay with the sentence they close.
            while i + 1 < tokens.len()
                && is_closing(tok(i + 1))
                && !text[tokens[i].end..tokens[i + 1].start].contains('\n')
            {
                i += 1;
            }
            boundary = i + 1 >= tokens.len() || starts_upper_or_quote(tok(i + 1));
        } else if t.ends_with('.') && t.len() > 1 && i + 1 < tokens.len() {
            // An absorbed period ("U.S.") ends a sentence only before a typical sentence opener.
            let stem = t.trim_end_matches('.').to_lowercase();
            let next = tok(i + 1);
            boundary = !PRENOMINAL.contains(&stem.as_str())
                && stem.contains('.')
                && matches!(
                    next,
                    "The" | "He" | "She" | "It" | "They" | "We" | "I" | "In" | "But" | "A" | "This"
                );
        }
        if boundary || i + 1 == tokens.len() {
            sentences.push(Sentence {
                start: tokens[first].start,
                end: tokens[i].end,
                tokens: first..i + 1,
            });
            first = i + 1;
        }
        i += 1;
    }
    sentences
}

/// Maps byte offsets to code-point offsets (the contract's unit).
#[derive(Clone, Debug)]
pub struct CharOffsets {
    /// Byte offset of every non-ASCII character; empty for ASCII text.
    wide: Vec<(usize, usize)>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (b, c) in text.char_indices() {
            let len = c.len_utf8();
            if len > 1 {
                extra += len - 1;
                wide.push((b, extra));
            }
        }
        Self { wide }
    }

    /// The code-point offset of a byte offset that lies on a character boundary.
    pub fn to_char(&self, byte: usize) -> usize {
        // Count the extra bytes of wide characters that start before `byte`.
        let k = self.wide.partition_point(|&(b, _)| b < byte);
        if k == 0 {
            byte
        } else {
            byte - self.wide[k - 1].1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let t = tokenize(text);
        (0..t.tokens.len()).map(|i| t.token_text(i)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let t = tokenize(text);
        t.sentences.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_possessives_quotes_and_keeps_names_whole() {
        assert_eq!(
            words("Jilani’s call with Amir-Abdollahian, “all issues”."),
            vec![
                "Jilani",
                "’s",
                "call",
                "with",
                "Amir-Abdollahian",
                ",",
                "“",
                "all",
                "issues",
                "”",
                "."
            ]
        );
        assert_eq!(
            words("the U.S. and Gen. Munir"),
            vec!["the", "U.S.", "and", "Gen.", "Munir"]
        );
        assert_eq!(
            words("Kata'ib Hezbollah paid 3,000.5 rupees"),
            vec!["Kata'ib", "Hezbollah", "paid", "3,000.5", "rupees"]
        );
    }

    #[test]
    fn sentence_boundaries_respect_abbreviations_lines_and_quotes() {
        assert_eq!(
            sentences(
                "Lt. Gen. Ahmed spoke. The U.S. Army replied.\nHEADLINE WITHOUT STOP\n“It is over.” He left."
            ),
            vec![
                "Lt. Gen. Ahmed spoke.",
                "The U.S. Army replied.",
                "HEADLINE WITHOUT STOP",
                "“It is over.”",
                "He left."
            ]
        );
        assert_eq!(
            sentences("On Sept. 19, 2016 they met."),
            vec!["On Sept. 19, 2016 they met."]
        );
        assert_eq!(
            sentences("NEW DELHI — India said so. Pakistan did too."),
            vec!["NEW DELHI — India said so.", "Pakistan did too."]
        );
    }

    /// The sentences of an article, as text.
    fn cut(text: &str) -> Vec<String> {
        let t = tokenize_article(text);
        t.sentences
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn a_headline_glued_to_its_lead_is_cut_where_the_lead_starts() {
        assert_eq!(
            cut("Militants Strike in Kenya-Gunmen attacked a quarry. They fled."),
            [
                "Militants Strike in Kenya-",
                "Gunmen attacked a quarry.",
                "They fled."
            ]
        );
        assert_eq!(
            cut("Police Detain Opposition Leader Besigye-KAMPALA — -Ugandan police detained him."),
            [
                "Police Detain Opposition Leader Besigye-",
                "KAMPALA — -",
                "Ugandan police detained him."
            ]
        );
        assert_eq!(
            cut("Dangers in Guinea are Serious -The director says so."),
            ["Dangers in Guinea are Serious -", "The director says so."]
        );
        // Hyphenated names and compounds stay whole, and only the first line is read so.
        assert_eq!(
            cut("Guinea-Bissau Holds Israeli-Palestinian Talks on Anti-Assad Plans\nX -The y."),
            [
                "Guinea-Bissau Holds Israeli-Palestinian Talks on Anti-Assad Plans",
                "X -The y."
            ]
        );
        assert_eq!(
            cut(
                "Saudi-Led Strikes Hit Sanaa\nThe Saudi-led coalition struck again; troops led the way."
            ),
            [
                "Saudi-Led Strikes Hit Sanaa",
                "The Saudi-led coalition struck again; troops led the way."
            ]
        );
        // A prefixed acronym is no glue point, even when the story writes "is"; the next
        // hyphen is.
        assert_eq!(
            cut("Iran Escalates Role With Anti-IS Missile Strike-Iran’s strike is a message."),
            [
                "Iran Escalates Role With Anti-IS Missile Strike-",
                "Iran’s strike is a message."
            ]
        );
        assert_eq!(tokenize("Kenya-Gunmen").tokens.len(), 1);
    }

    #[test]
    fn a_section_heading_glued_to_its_paragraph_is_cut() {
        assert_eq!(
            cut(
                "Headline\nAudio recordings-However, Turkey released tapes. Counter march-Maduro said no."
            ),
            [
                "Headline",
                "Audio recordings-",
                "However, Turkey released tapes.",
                "Counter march-",
                "Maduro said no."
            ]
        );
        assert_eq!(
            cut("Headline\nVideo size-width-x-height-pixels-Students Protest Cheating."),
            [
                "Headline",
                "Video size-width-x-height-pixels-",
                "Students Protest Cheating."
            ]
        );
        // Names keep their hyphens.
        let text = "Headline\nFrank-Walter Steinmeier met Abu Bakr al-Baghdadi's envoy, a then-President's aide.";
        assert_eq!(cut(text).len(), 2, "{:?}", cut(text));
    }

    #[test]
    fn char_offsets_count_code_points() {
        let text = "Türkiye’s FM";
        let off = CharOffsets::new(text);
        let fm = text.find("FM").unwrap();
        assert_eq!(off.to_char(fm), 10);
        assert_eq!(off.to_char(0), 0);
        assert_eq!(off.to_char(text.len()), text.chars().count());
    }
}
