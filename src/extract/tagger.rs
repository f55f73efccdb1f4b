//! Statistical name tagger: owns the BIO label set (PER/LOC/ORG/MISC), the
//! gazetteer `Lexicon` that produces per-token bitmask features, and an
//! averaged-perceptron sequence tagger (hashed features, greedy decoding)
//! with deterministic training and a compact, validated binary model format.

use std::collections::HashMap;
use std::fmt;

/// Number of distinct labels.
pub const NUM_LABELS: usize = 9;

/// BIO labels over PER, LOC, ORG and MISC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    O,
    BPer,
    IPer,
    BLoc,
    ILoc,
    BOrg,
    IOrg,
    BMisc,
    IMisc,
}

impl Label {
    /// All labels in index order.
    pub const ALL: [Label; NUM_LABELS] = [
        Label::O,
        Label::BPer,
        Label::IPer,
        Label::BLoc,
        Label::ILoc,
        Label::BOrg,
        Label::IOrg,
        Label::BMisc,
        Label::IMisc,
    ];

    /// Dense index of the label (0..9).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Label for a dense index, if in range.
    pub fn from_index(i: usize) -> Option<Label> {
        Self::ALL.get(i).copied()
    }

    /// Parses `O`, `B-PER`, `I-LOC`, ... (case-insensitive).
    pub fn parse(s: &str) -> Option<Label> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("O") {
            return Some(Label::O);
        }
        let (bio, ty) = s.split_once('-')?;
        let begin = if bio.eq_ignore_ascii_case("B") {
            true
        } else if bio.eq_ignore_ascii_case("I") {
            false
        } else {
            return None;
        };
        let t = match ty.to_ascii_uppercase().as_str() {
            "PER" => 0,
            "LOC" => 1,
            "ORG" => 2,
            "MISC" => 3,
            _ => return None,
        };
        Label::from_index(1 + 2 * t + usize::from(!begin))
    }

    /// Canonical string form (`O`, `B-PER`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::O => "O",
            Label::BPer => "B-PER",
            Label::IPer => "I-PER",
            Label::BLoc => "B-LOC",
            Label::ILoc => "I-LOC",
            Label::BOrg => "B-ORG",
            Label::IOrg => "I-ORG",
            Label::BMisc => "B-MISC",
            Label::IMisc => "I-MISC",
        }
    }

    /// Entity type (`PER`, `LOC`, `ORG`, `MISC`), or `None` for `O`.
    pub fn entity(self) -> Option<&'static str> {
        match self {
            Label::O => None,
            Label::BPer | Label::IPer => Some("PER"),
            Label::BLoc | Label::ILoc => Some("LOC"),
            Label::BOrg | Label::IOrg => Some("ORG"),
            Label::BMisc | Label::IMisc => Some("MISC"),
        }
    }

    /// True for `B-*` labels.
    pub fn is_begin(self) -> bool {
        matches!(self, Label::BPer | Label::BLoc | Label::BOrg | Label::BMisc)
    }

    /// True for `I-*` labels.
    pub fn is_inside(self) -> bool {
        matches!(self, Label::IPer | Label::ILoc | Label::IOrg | Label::IMisc)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Index used for "before the sentence start" in label history features.
const START: usize = NUM_LABELS;

/// Whether label `l` may follow `prev` (an `I-X` must continue `B-X`/`I-X`).
#[inline]
fn allowed(prev: usize, l: usize) -> bool {
    if l == 0 || l % 2 == 1 {
        return true;
    }
    prev == l - 1 || prev == l
}

// ---------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------

/// Bit set on the first token of a lexicon match of `class`.
pub fn lex_begin_bit(class: u8) -> u32 {
    if class < 16 {
        1u32 << (2 * u32::from(class))
    } else {
        0
    }
}

/// Bit set on the non-first tokens of a lexicon match of `class`.
pub fn lex_inside_bit(class: u8) -> u32 {
    if class < 16 {
        1u32 << (2 * u32::from(class) + 1)
    } else {
        0
    }
}

/// Case-insensitive whole-token phrase dictionary with up to 16 classes.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// First token (lowercased) -> list of (remaining tokens, class).
    entries: HashMap<String, Vec<(Vec<String>, u8)>>,
    len: usize,
}

impl Lexicon {
    /// Empty lexicon.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a lexicon from `(phrase, class)` pairs; classes >= 16 are ignored.
    pub fn from_pairs<I, S>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (S, u8)>,
        S: AsRef<str>,
    {
        let mut lex = Self::new();
        for (p, c) in pairs {
            lex.insert(p.as_ref(), c);
        }
        lex
    }

    /// Adds one phrase (tokens separated by whitespace). Returns true if new.
    pub fn insert(&mut self, phrase: &str, class: u8) -> bool {
        if class >= 16 {
            return false;
        }
        let mut toks = phrase.split_whitespace().map(str::to_lowercase);
        let Some(first) = toks.next() else {
            return false;
        };
        let rest: Vec<String> = toks.collect();
        let list = self.entries.entry(first).or_default();
        if list.iter().any(|(r, c)| *c == class && *r == rest) {
            return false;
        }
        list.push((rest, class));
        self.len += 1;
        true
    }

    /// Number of distinct (phrase, class) entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True if there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Per-token bitmask: for each class, the longest match starting at a
    /// token not already covered by a match of that class sets the B bit on
    /// its first token and the I bit on the following tokens.
    pub fn annotate(&self, tokens: &[&str]) -> Vec<u32> {
        let n = tokens.len();
        let mut out = vec![0u32; n];
        if self.entries.is_empty() {
            return out;
        }
        let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
        let mut next_free = [0usize; 16];
        for i in 0..n {
            let Some(cands) = self.entries.get(&lower[i]) else {
                continue;
            };
            let mut best = [0usize; 16];
            for (rest, class) in cands {
                let c = usize::from(*class);
                if c >= 16 || i < next_free[c] {
                    continue;
                }
                let l = rest.len() + 1;
                if l > best[c]
                    && i + l <= n
                    && rest.iter().zip(&lower[i + 1..i + l]).all(|(a, b)| a == b)
                {
                    best[c] = l;
                }
            }
            for (c, &l) in best.iter().enumerate() {
                if l == 0 {
                    continue;
                }
                let class = c as u8;
                out[i] |= lex_begin_bit(class);
                for o in out.iter_mut().take(i + l).skip(i + 1) {
                    *o |= lex_inside_bit(class);
                }
                next_free[c] = i + l;
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Feature extraction
// ---------------------------------------------------------------------------

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

#[inline]
fn fnv_char(h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    fnv(h, c.encode_utf8(&mut buf).as_bytes())
}

#[inline]
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

#[inline]
fn h1(t: u64, a: u64) -> u64 {
    fmix64(t.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}

#[inline]
fn h2(t: u64, a: u64, b: u64) -> u64 {
    fmix64(h1(t, a).rotate_left(29) ^ b.wrapping_mul(0xc2b2_ae3d_27d4_eb4f))
}

#[inline]
fn h3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    fmix64(h2(t, a, b).rotate_left(17) ^ c.wrapping_mul(0x1656_67b1_9e37_79f9))
}

const F_INIT_CAP: u32 = 1;
const F_ALL_CAP: u32 = 1 << 1;
const F_HAS_LOWER: u32 = 1 << 2;
const F_HAS_DIGIT: u32 = 1 << 3;
const F_ALL_DIGIT: u32 = 1 << 4;
const F_HYPHEN: u32 = 1 << 5;
const F_APOS: u32 = 1 << 6;
const F_PERIOD: u32 = 1 << 7;
const F_NO_ALNUM: u32 = 1 << 8;
const F_MIXED_CAP: u32 = 1 << 9;
const F_ONE_CHAR: u32 = 1 << 10;
const F_LONG: u32 = 1 << 11;
const F_INITIAL: u32 = 1 << 12;
const F_HAS_ALPHA: u32 = 1 << 13;

#[derive(Clone, Copy)]
struct TokInfo {
    word: u64,
    lower: u64,
    shape: u64,
    sshape: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    nchars: u32,
    flags: u32,
    lex: u32,
}

const PAD_BEFORE: TokInfo = TokInfo {
    word: 0x5354_4152_5453_5441,
    lower: 0x5354_4152_5453_5441,
    shape: 0x5354_4152_5453_5441,
    sshape: 0x5354_4152_5453_5441,
    pre: [0; 4],
    suf: [0; 4],
    nchars: 0,
    flags: 0,
    lex: 0,
};

const PAD_AFTER: TokInfo = TokInfo {
    word: 0x454e_4445_4e44_454e,
    lower: 0x454e_4445_4e44_454e,
    shape: 0x454e_4445_4e44_454e,
    sshape: 0x454e_4445_4e44_454e,
    pre: [0; 4],
    suf: [0; 4],
    nchars: 0,
    flags: 0,
    lex: 0,
};

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

fn tok_info(w: &str, lex: u32) -> TokInfo {
    let word = fnv(FNV_OFFSET, w.as_bytes());
    let mut lower = FNV_OFFSET;
    let mut shape = FNV_OFFSET;
    let mut sshape = FNV_OFFSET;
    let mut pre = [0u64; 4];
    let mut n = 0usize;
    let mut last = '\0';
    let mut run = 0usize;
    let (mut n_up, mut n_low, mut n_dig, mut n_alpha) = (0usize, 0usize, 0usize, 0usize);
    let mut flags = 0u32;
    let mut first_up = false;
    let mut later_up = false;
    for c in w.chars() {
        for lc in c.to_lowercase() {
            lower = fnv_char(lower, lc);
        }
        if n < 4 {
            pre[n] = lower;
        }
        let sc = shape_class(c);
        if sc == last {
            run += 1;
        } else {
            run = 1;
            last = sc;
        }
        if run <= 4 {
            shape = fnv_char(shape, sc);
        }
        if run == 1 {
            sshape = fnv_char(sshape, sc);
        }
        if c.is_uppercase() {
            n_up += 1;
            if n == 0 {
                first_up = true;
            } else {
                later_up = true;
            }
        }
        if c.is_lowercase() {
            n_low += 1;
        }
        if c.is_alphabetic() {
            n_alpha += 1;
        }
        if c.is_numeric() {
            n_dig += 1;
        }
        match c {
            '-' | '\u{2013}' | '\u{2014}' => flags |= F_HYPHEN,
            '\'' | '\u{2019}' => flags |= F_APOS,
            '.' => flags |= F_PERIOD,
            _ => {}
        }
        n += 1;
    }
    let mut suf = [0u64; 4];
    let mut h = FNV_OFFSET ^ 0x5f5f;
    for (k, c) in w.chars().rev().take(4).enumerate() {
        for lc in c.to_lowercase() {
            h = fnv_char(h, lc);
        }
        suf[k] = h;
    }
    if first_up {
        flags |= F_INIT_CAP;
    }
    if n_up > 0 && n_low == 0 {
        flags |= F_ALL_CAP;
    }
    if n_low > 0 {
        flags |= F_HAS_LOWER;
    }
    if n_dig > 0 {
        flags |= F_HAS_DIGIT;
        if n_dig == n {
            flags |= F_ALL_DIGIT;
        }
    }
    if n_alpha == 0 && n_dig == 0 {
        flags |= F_NO_ALNUM;
    }
    if n_alpha > 0 {
        flags |= F_HAS_ALPHA;
    }
    if later_up && n_low > 0 {
        flags |= F_MIXED_CAP;
    }
    if n == 1 {
        flags |= F_ONE_CHAR;
    }
    if n >= 8 {
        flags |= F_LONG;
    }
    if n == 2 && first_up && w.ends_with('.') {
        flags |= F_INITIAL;
    }
    TokInfo {
        word,
        lower,
        shape,
        sshape,
        pre,
        suf,
        nchars: n as u32,
        flags,
        lex,
    }
}

/// Per-sentence precomputed token information.
struct Sentence {
    toks: Vec<TokInfo>,
    capsent: bool,
}

impl Sentence {
    fn new<S: AsRef<str>>(tokens: &[S], lex: &[u32]) -> Sentence {
        let use_lex = lex.len() == tokens.len();
        let toks: Vec<TokInfo> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| tok_info(t.as_ref(), if use_lex { lex[i] } else { 0 }))
            .collect();
        let letter = toks.iter().filter(|t| t.flags & F_HAS_ALPHA != 0).count();
        let caps = toks
            .iter()
            .filter(|t| t.flags & F_HAS_ALPHA != 0 && t.flags & F_HAS_LOWER == 0)
            .count();
        let capsent = letter >= 2 && caps == letter;
        Sentence { toks, capsent }
    }

    #[inline]
    fn at(&self, i: isize) -> &TokInfo {
        if i < 0 {
            &PAD_BEFORE
        } else {
            self.toks.get(i as usize).unwrap_or(&PAD_AFTER)
        }
    }

    /// Label-independent features of token `i` (hashes appended to `out`).
    fn static_features(&self, i: usize, out: &mut Vec<u64>) {
        let ii = i as isize;
        let t = self.at(ii);
        let p2 = self.at(ii - 2);
        let p1 = self.at(ii - 1);
        let n1 = self.at(ii + 1);
        let n2 = self.at(ii + 2);
        out.push(h1(1, 0));
        out.push(h1(2, t.word));
        out.push(h1(3, t.lower));
        out.push(h1(4, t.shape));
        out.push(h1(5, t.sshape));
        let k_max = (t.nchars as usize).min(4);
        for k in 0..k_max {
            out.push(h1(6 + k as u64, t.pre[k]));
            out.push(h1(10 + k as u64, t.suf[k]));
        }
        let mut f = t.flags;
        while f != 0 {
            let b = f.trailing_zeros();
            f &= f - 1;
            out.push(h1(20, u64::from(b)));
        }
        out.push(h1(21, u64::from(t.flags)));
        if i == 0 {
            out.push(h1(22, t.sshape));
            out.push(h1(23, t.lower));
        }
        if self.capsent {
            out.push(h1(24, 0));
            out.push(h1(25, t.lower));
        } else {
            out.push(h1(26, t.shape));
        }
        out.push(h1(30, p2.lower));
        out.push(h1(31, p1.lower));
        out.push(h1(32, n1.lower));
        out.push(h1(33, n2.lower));
        out.push(h1(34, p2.sshape));
        out.push(h1(35, p1.shape));
        out.push(h1(36, n1.shape));
        out.push(h1(37, n2.sshape));
        out.push(h1(40, p1.word));
        out.push(h1(41, n1.word));
        out.push(h2(42, p1.lower, t.lower));
        out.push(h2(43, t.lower, n1.lower));
        out.push(h3(44, p1.sshape, t.sshape, n1.sshape));
        out.push(h2(45, p1.sshape, t.sshape));
        out.push(h2(46, t.sshape, n1.sshape));
        out.push(h2(47, p1.suf[2], t.sshape));
        out.push(h2(48, n1.suf[2], t.sshape));
        out.push(h2(70, p1.lower, t.sshape));
        out.push(h2(71, n1.lower, t.sshape));
        out.push(h2(72, n1.lower, n2.lower));
        out.push(h2(73, p2.lower, p1.lower));
        if !self.capsent && t.flags & F_INIT_CAP != 0 {
            let mut start = i;
            while start > 0 && self.toks[start - 1].flags & F_INIT_CAP != 0 {
                start -= 1;
            }
            let mut end = i + 1;
            while end < self.toks.len() && self.toks[end].flags & F_INIT_CAP != 0 {
                end += 1;
            }
            let pos = (i - start).min(3) as u64;
            let len = (end - start).min(5) as u64;
            out.push(h2(75, pos, len));
            out.push(h3(76, pos, len, t.sshape));
        }
        for (pos, tk) in [(0u64, p1), (1, t), (2, n1)] {
            let mut m = tk.lex;
            while m != 0 {
                let b = m.trailing_zeros();
                m &= m - 1;
                out.push(h2(50, pos, u64::from(b)));
            }
        }
        if t.lex != 0 {
            out.push(h1(54, u64::from(t.lex)));
            out.push(h3(
                55,
                u64::from(p1.lex),
                u64::from(t.lex),
                u64::from(n1.lex),
            ));
            let mut m = t.lex;
            while m != 0 {
                let b = m.trailing_zeros();
                m &= m - 1;
                out.push(h2(56, u64::from(b), t.sshape));
            }
        }
    }

    /// Features depending on the previous two predicted labels.
    fn label_features(&self, i: usize, l1: usize, l2: usize, out: &mut Vec<u64>) {
        let ii = i as isize;
        let t = self.at(ii);
        let n1 = self.at(ii + 1);
        let (a, b) = (l1 as u64, l2 as u64);
        out.push(h1(60, a));
        out.push(h2(61, a, b));
        out.push(h2(62, a, t.lower));
        out.push(h2(63, a, t.sshape));
        out.push(h2(64, a, n1.sshape));
        out.push(h3(65, a, b, t.sshape));
        out.push(h2(66, a, n1.lower));
    }
}

#[inline]
fn row_of(h: u64, bits: u32) -> usize {
    (h >> (64 - bits)) as usize
}

#[inline]
fn best_allowed<T: PartialOrd + Copy>(scores: &[T; NUM_LABELS], prev: usize) -> usize {
    let mut best = 0usize;
    for l in 1..NUM_LABELS {
        if allowed(prev, l) && scores[l] > scores[best] {
            best = l;
        }
    }
    best
}

// ---------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------

/// Error returned when loading a model from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Input does not start with the model magic header.
    BadMagic,
    /// Format version not supported by this build.
    UnsupportedVersion(u32),
    /// Input ended before the declared length.
    Truncated,
    /// Structurally invalid content.
    Corrupt(&'static str),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::BadMagic => f.write_str("not a tagger model (bad magic header)"),
            ModelError::UnsupportedVersion(v) => write!(f, "unsupported tagger model version {v}"),
            ModelError::Truncated => f.write_str("tagger model is truncated"),
            ModelError::Corrupt(why) => write!(f, "tagger model is corrupt: {why}"),
        }
    }
}

impl std::error::Error for ModelError {}

const MAGIC: &[u8; 8] = b"NGTAGGER";
const VERSION: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 4 + 4 + 4 + 8;
const MAX_BITS: u32 = 24;

/// Averaged-perceptron tagger with quantised hashed weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    bits: u32,
    scale: f32,
    weights: Vec<[i16; NUM_LABELS]>,
}

/// Training hyper-parameters.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// log2 of the number of hashed feature rows.
    pub bits: u32,
    /// Number of passes over the data.
    pub epochs: usize,
    /// Seed of the shuffling PRNG.
    pub seed: u64,
    /// Quantisation steps per maximum absolute weight.
    pub levels: f32,
    /// Quantised weights with absolute value below this are dropped.
    pub prune: i16,
    /// Number of independently shuffled runs whose averaged weights are
    /// averaged again (1 = plain averaged perceptron).
    pub ensemble: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 20,
            epochs: 10,
            seed: 1,
            levels: 4000.0,
            prune: 1,
            ensemble: 1,
        }
    }
}

/// One training sentence: tokens and gold labels (same length).
#[derive(Clone, Debug, Default)]
pub struct TrainSentence {
    pub tokens: Vec<String>,
    pub labels: Vec<Label>,
}

/// Precomputed training data shared by the perceptron runs.
struct TrainData<'a> {
    sents: &'a [(Sentence, usize, Vec<usize>)],
    static_rows: &'a [u32],
    tok_off: &'a [usize],
    bits: u32,
}

impl TrainData<'_> {
    /// One averaged-perceptron run; returns the averaged weights.
    fn run(&self, epochs: usize, seed: u64) -> Vec<f32> {
        let rows = 1usize << self.bits;
        let mut w = vec![0f32; rows * NUM_LABELS];
        let mut u = vec![0f64; rows * NUM_LABELS];
        let mut c: f64 = 1.0;
        let mut order: Vec<usize> = (0..self.sents.len()).collect();
        let mut rng = SplitMix(seed ^ 0x7461_6767_6572);
        let mut buf: Vec<u64> = Vec::with_capacity(32);
        let mut lab_rows: Vec<usize> = Vec::with_capacity(16);
        for _ in 0..epochs {
            for k in (1..order.len()).rev() {
                let j = rng.below(k + 1);
                order.swap(k, j);
            }
            for &si in &order {
                let (sent, first_tok, gold) = &self.sents[si];
                let (mut l1, mut l2) = (START, START);
                for (i, &g) in gold.iter().enumerate() {
                    let t = first_tok + i;
                    let srows = &self.static_rows[self.tok_off[t]..self.tok_off[t + 1]];
                    buf.clear();
                    sent.label_features(i, l1, l2, &mut buf);
                    lab_rows.clear();
                    lab_rows.extend(buf.iter().map(|&h| row_of(h, self.bits)));
                    let feats = || {
                        srows
                            .iter()
                            .map(|&r| r as usize)
                            .chain(lab_rows.iter().copied())
                    };
                    let mut scores = [0f32; NUM_LABELS];
                    for r in feats() {
                        let base = r * NUM_LABELS;
                        for (s, &x) in scores.iter_mut().zip(&w[base..base + NUM_LABELS]) {
                            *s += x;
                        }
                    }
                    let p = best_allowed(&scores, l1);
                    if p != g {
                        for r in feats() {
                            let base = r * NUM_LABELS;
                            w[base + g] += 1.0;
                            w[base + p] -= 1.0;
                            u[base + g] += c;
                            u[base + p] -= c;
                        }
                    }
                    c += 1.0;
                    l2 = l1;
                    l1 = p;
                }
            }
        }
        w.iter()
            .zip(&u)
            .map(|(&wi, &ui)| (f64::from(wi) - ui / c) as f32)
            .collect()
    }
}

/// Small deterministic PRNG (splitmix64).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        fmix64(self.0)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n as u64)) as usize
    }
}

impl Model {
    /// Tags the tokens of one sentence. `lex` is the lexicon annotation of
    /// the same tokens, or an empty slice for none (a length mismatch is
    /// treated as none).
    pub fn tag(&self, tokens: &[&str], lex: &[u32]) -> Vec<Label> {
        let n = tokens.len();
        let mut out = Vec::with_capacity(n);
        if n == 0 || self.weights.is_empty() {
            out.resize(n, Label::O);
            return out;
        }
        let sent = Sentence::new(tokens, lex);
        let mut feats: Vec<u64> = Vec::with_capacity(128);
        let (mut l1, mut l2) = (START, START);
        for i in 0..n {
            feats.clear();
            sent.static_features(i, &mut feats);
            sent.label_features(i, l1, l2, &mut feats);
            let mut scores = [0i32; NUM_LABELS];
            for &h in &feats {
                if let Some(row) = self.weights.get(row_of(h, self.bits)) {
                    for (s, &w) in scores.iter_mut().zip(row.iter()) {
                        *s += i32::from(w);
                    }
                }
            }
            let best = best_allowed(&scores, l1);
            out.push(Label::ALL[best]);
            l2 = l1;
            l1 = best;
        }
        out
    }

    /// Number of feature rows with at least one non-zero weight.
    pub fn nonzero_rows(&self) -> usize {
        self.weights
            .iter()
            .filter(|r| r.iter().any(|&w| w != 0))
            .count()
    }

    /// Trains with default hyper-parameters apart from `epochs` and `seed`.
    pub fn train(
        sentences: &[TrainSentence],
        lexicon: &Lexicon,
        epochs: usize,
        seed: u64,
    ) -> Model {
        let cfg = TrainConfig {
            epochs,
            seed,
            ..TrainConfig::default()
        };
        Self::train_with(sentences, lexicon, &cfg)
    }

    /// Trains an averaged perceptron (greedy decoding with predicted history).
    pub fn train_with(sentences: &[TrainSentence], lexicon: &Lexicon, cfg: &TrainConfig) -> Model {
        let bits = cfg.bits.clamp(4, MAX_BITS);
        let rows = 1usize << bits;
        // Precompute static feature rows for every token.
        let mut static_rows: Vec<u32> = Vec::new();
        let mut tok_off: Vec<usize> = vec![0];
        let mut sents: Vec<(Sentence, usize, Vec<usize>)> = Vec::new();
        let mut buf: Vec<u64> = Vec::with_capacity(128);
        for s in sentences {
            if s.tokens.is_empty() || s.tokens.len() != s.labels.len() {
                continue;
            }
            let refs: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let lex = lexicon.annotate(&refs);
            let sent = Sentence::new(&refs, &lex);
            let first_tok = tok_off.len() - 1;
            for i in 0..refs.len() {
                buf.clear();
                sent.static_features(i, &mut buf);
                static_rows.extend(buf.iter().map(|&h| row_of(h, bits) as u32));
                tok_off.push(static_rows.len());
            }
            let gold: Vec<usize> = s.labels.iter().map(|l| l.index()).collect();
            sents.push((sent, first_tok, gold));
        }
        let runs = cfg.ensemble.max(1);
        let mut avg = vec![0f32; rows * NUM_LABELS];
        for run in 0..runs {
            let seed = cfg
                .seed
                .wrapping_add((run as u64).wrapping_mul(0x9e37_79b9));
            let data = TrainData {
                sents: &sents,
                static_rows: &static_rows,
                tok_off: &tok_off,
                bits,
            };
            let w = data.run(cfg.epochs, seed);
            for (a, x) in avg.iter_mut().zip(&w) {
                *a += x / runs as f32;
            }
        }
        let max_abs = avg.iter().fold(0f32, |m, &x| m.max(x.abs()));
        let levels = cfg.levels.clamp(1.0, 32767.0);
        let scale = if max_abs > 0.0 { max_abs / levels } else { 1.0 };
        let mut weights = vec![[0i16; NUM_LABELS]; rows];
        for (r, row) in weights.iter_mut().enumerate() {
            for (l, q) in row.iter_mut().enumerate() {
                let v = (avg[r * NUM_LABELS + l] / scale)
                    .round()
                    .clamp(-32767.0, 32767.0) as i16;
                *q = if v.unsigned_abs() < cfg.prune.unsigned_abs() {
                    0
                } else {
                    v
                };
            }
        }
        Model {
            bits,
            scale,
            weights,
        }
    }

    /// Serialises the model (sparse rows, zigzag varints, checksum).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut payload = Vec::new();
        let mut nrows: u32 = 0;
        let mut prev = 0usize;
        for (r, row) in self.weights.iter().enumerate() {
            let mut mask = 0u16;
            for (l, &v) in row.iter().enumerate() {
                if v != 0 {
                    mask |= 1 << l;
                }
            }
            if mask == 0 {
                continue;
            }
            put_varint(&mut payload, (r - prev) as u64);
            prev = r;
            payload.extend_from_slice(&mask.to_le_bytes());
            for &v in row.iter().filter(|&&v| v != 0) {
                let z = ((i32::from(v) << 1) ^ (i32::from(v) >> 31)) as u32;
                put_varint(&mut payload, u64::from(z));
            }
            nrows += 1;
        }
        let mut out = Vec::with_capacity(HEADER_LEN + payload.len() + 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&nrows.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&payload);
        out.extend_from_slice(&fnv(FNV_OFFSET, &payload).to_le_bytes());
        out
    }

    /// Loads a model written by [`Model::to_bytes`], validating everything.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < MAGIC.len() {
            return Err(if MAGIC.starts_with(bytes) && !bytes.is_empty() {
                ModelError::Truncated
            } else {
                ModelError::BadMagic
            });
        }
        if &bytes[..MAGIC.len()] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let mut cur = Cursor {
            b: bytes,
            pos: MAGIC.len(),
        };
        let version = cur.u32()?;
        if version != VERSION {
            return Err(ModelError::UnsupportedVersion(version));
        }
        let bits = cur.u32()?;
        if !(4..=MAX_BITS).contains(&bits) {
            return Err(ModelError::Corrupt("feature table size out of range"));
        }
        let scale = f32::from_bits(cur.u32()?);
        if !scale.is_finite() || scale <= 0.0 {
            return Err(ModelError::Corrupt("invalid scale"));
        }
        let nrows = cur.u32()? as usize;
        let plen = cur.u64()?;
        let rows = 1usize << bits;
        if nrows > rows {
            return Err(ModelError::Corrupt("too many rows"));
        }
        let avail = (bytes.len() - cur.pos) as u64;
        if avail < plen.saturating_add(8) {
            return Err(ModelError::Truncated);
        }
        if avail > plen + 8 {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        let plen = plen as usize;
        let payload = &bytes[cur.pos..cur.pos + plen];
        let mut ck = [0u8; 8];
        ck.copy_from_slice(&bytes[cur.pos + plen..]);
        if u64::from_le_bytes(ck) != fnv(FNV_OFFSET, payload) {
            return Err(ModelError::Corrupt("checksum mismatch"));
        }
        let mut weights = vec![[0i16; NUM_LABELS]; rows];
        let mut p = Cursor { b: payload, pos: 0 };
        let mut idx = 0usize;
        for k in 0..nrows {
            let delta = p.varint()?;
            if k > 0 && delta == 0 {
                return Err(ModelError::Corrupt("rows not increasing"));
            }
            idx = usize::try_from(delta)
                .ok()
                .and_then(|d| idx.checked_add(d))
                .filter(|&i| i < rows)
                .ok_or(ModelError::Corrupt("row index out of range"))?;
            let mask = p.u16()?;
            if mask == 0 || mask >> NUM_LABELS != 0 {
                return Err(ModelError::Corrupt("invalid row mask"));
            }
            let row = &mut weights[idx];
            for (l, slot) in row.iter_mut().enumerate() {
                if mask & (1 << l) == 0 {
                    continue;
                }
                let z = p.varint()?;
                let z = u32::try_from(z).map_err(|_| ModelError::Corrupt("weight out of range"))?;
                let v = ((z >> 1) as i32) ^ -((z & 1) as i32);
                *slot = i16::try_from(v).map_err(|_| ModelError::Corrupt("weight out of range"))?;
            }
        }
        if p.pos != payload.len() {
            return Err(ModelError::Corrupt("payload length mismatch"));
        }
        Ok(Model {
            bits,
            scale,
            weights,
        })
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Cursor<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let end = self.pos.checked_add(N).ok_or(ModelError::Truncated)?;
        let s = self.b.get(self.pos..end).ok_or(ModelError::Truncated)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        self.pos = end;
        Ok(a)
    }

    fn u16(&mut self) -> Result<u16, ModelError> {
        self.take::<2>().map(u16::from_le_bytes)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        self.take::<4>().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        self.take::<8>().map(u64::from_le_bytes)
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let [b] = self.take::<1>()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt("varint too long"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy_data() -> Vec<TrainSentence> {
        let raw: &[&[(&str, Label)]] = &[
            &[
                ("John", Label::BPer),
                ("Smith", Label::IPer),
                ("visited", Label::O),
                ("Paris", Label::BLoc),
                (".", Label::O),
            ],
            &[
                ("The", Label::O),
                ("United", Label::BOrg),
                ("Nations", Label::IOrg),
                ("met", Label::O),
                ("in", Label::O),
                ("Geneva", Label::BLoc),
                (".", Label::O),
            ],
            &[
                ("Mary", Label::BPer),
                ("Jones", Label::IPer),
                ("said", Label::O),
                ("the", Label::O),
                ("French", Label::BMisc),
                ("minister", Label::O),
                ("left", Label::O),
                (".", Label::O),
            ],
        ];
        raw.iter()
            .map(|s| TrainSentence {
                tokens: s.iter().map(|(w, _)| (*w).to_string()).collect(),
                labels: s.iter().map(|(_, l)| *l).collect(),
            })
            .collect()
    }

    fn toy_lexicon() -> Lexicon {
        Lexicon::from_pairs([
            ("Paris", 2u8),
            ("United Nations", 3),
            ("minister", 5),
            ("said", 7),
        ])
    }

    #[test]
    fn learns_tiny_training_set() {
        let data = toy_data();
        let lex = toy_lexicon();
        let cfg = TrainConfig {
            bits: 16,
            epochs: 10,
            ..TrainConfig::default()
        };
        let model = Model::train_with(&data, &lex, &cfg);
        for s in &data {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let ann = lex.annotate(&toks);
            assert_eq!(model.tag(&toks, &ann), s.labels);
        }
    }

    #[test]
    fn round_trip_gives_identical_tags() {
        let data = toy_data();
        let lex = toy_lexicon();
        let model = Model::train(&data, &lex, 5, 7);
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes).expect("load");
        assert_eq!(back, model);
        let probe = [
            "Smith", "met", "John", "in", "the", "United", "Nations", "office",
        ];
        let ann = lex.annotate(&probe);
        assert_eq!(model.tag(&probe, &ann), back.tag(&probe, &ann));
        assert_eq!(model.tag(&probe, &[]), back.tag(&probe, &[]));
    }

    #[test]
    fn bad_bytes_are_rejected() {
        let model = Model::train(&toy_data(), &Lexicon::new(), 2, 1);
        let bytes = model.to_bytes();
        for cut in [
            0,
            1,
            7,
            8,
            12,
            20,
            HEADER_LEN,
            bytes.len() / 2,
            bytes.len() - 1,
        ] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut {cut}");
        }
        assert!(Model::from_bytes(b"garbage garbage garbage garbage garbage").is_err());
        let mut flipped = bytes.clone();
        let mid = HEADER_LEN + (bytes.len() - HEADER_LEN) / 2;
        flipped[mid] ^= 0x55;
        assert!(Model::from_bytes(&flipped).is_err());
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Model::from_bytes(&extra).is_err());
        // Pseudo-random garbage behind a valid magic must not panic.
        let mut rng = SplitMix(3);
        for len in 0..200 {
            let mut g: Vec<u8> = MAGIC.to_vec();
            g.extend((0..len).map(|_| rng.next() as u8));
            assert!(Model::from_bytes(&g).is_err());
        }
    }

    #[test]
    fn lexicon_longest_match_and_edge_cases() {
        let lex = Lexicon::from_pairs([("new york", 2u8), ("new york city", 2), ("York", 0)]);
        let toks = ["in", "New", "York", "City", "today"];
        let ann = lex.annotate(&toks);
        assert_eq!(ann[1], lex_begin_bit(2));
        assert_eq!(ann[2], lex_inside_bit(2) | lex_begin_bit(0));
        assert_eq!(ann[3], lex_inside_bit(2));
        assert_eq!(ann[4], 0);
        let model = Model::train(&toy_data(), &lex, 1, 1);
        assert!(model.tag(&[], &[]).is_empty());
        assert_eq!(model.tag(&["", " ", "\u{0}"], &[1, 2]).len(), 3);
    }

    #[test]
    fn label_parse_round_trip() {
        for l in Label::ALL {
            assert_eq!(Label::parse(l.as_str()), Some(l));
        }
        assert_eq!(Label::parse("B-XYZ"), None);
    }
}
