//! Resolving date expressions ("Tuesday night", "yesterday", "Sept. 19, 2016", "last week")
//! against a document's publication date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
}

/// A month name or its abbreviation ("Sept.", "may"), lower-cased.
pub fn is_month(word: &str) -> bool {
    month(word).is_some()
}

/// A weekday name, lower-cased.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|(name, _)| *name == word)
}

fn day_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(|c: char| c.is_alphabetic() || c == ',');
    let d: u32 = w.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(word: &str) -> Option<i32> {
    let y: i32 = word.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// When an event happened: a day, or a stretch of days it fell in ("last week").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum When {
    Day(NaiveDate),
    /// First and last day, both included.
    Period(NaiveDate, NaiveDate),
}

impl When {
    pub fn first(self) -> NaiveDate {
        match self {
            When::Day(d) | When::Period(d, _) => d,
        }
    }

    pub fn last(self) -> NaiveDate {
        match self {
            When::Day(d) | When::Period(_, d) => d,
        }
    }

    /// Whether both could be the same time: a day inside a period, overlapping periods.
    pub fn compatible(self, other: When) -> bool {
        self.first() <= other.last() && other.first() <= self.last()
    }

    /// The more precise of two compatible times.
    pub fn narrower(self, other: When) -> When {
        let span = |w: When| w.last() - w.first();
        if span(other) < span(self) {
            other
        } else {
            self
        }
    }
}

/// The previous calendar month of `d`: its first and last day.
fn previous_month(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let first_this = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
    let last = first_this - Duration::days(1);
    Some((NaiveDate::from_ymd_opt(last.year(), last.month(), 1)?, last))
}

/// A stretch of days named relative to publication: "last week" (the calendar week before),
/// "earlier this week", "last month", "this month", "last year", "this year", and "within
/// three days" or "in the past two weeks" (ending at publication).
fn period_at(words: &[&str], i: usize, pubd: NaiveDate) -> Option<(When, usize)> {
    let w = words[i];
    let next = words
        .get(i + 1)
        .map(|x| x.trim_end_matches("'s").trim_end_matches("’s"));
    let monday = pubd - Duration::days(i64::from(pubd.weekday().num_days_from_monday()));
    // "the last week of June" is no stretch before publication; "in the past week" is.
    let after_the = i > 0 && words[i - 1] == "the";
    match (w, next) {
        ("last" | "past" | "previous", Some("week")) if !after_the => {
            let start = monday - Duration::days(7);
            Some((When::Period(start, start + Duration::days(6)), i))
        }
        ("this", Some("week")) => Some((When::Period(monday, pubd), i)),
        ("last" | "previous", Some("month")) if !after_the => {
            let (a, b) = previous_month(pubd)?;
            Some((When::Period(a, b), i))
        }
        ("this", Some("month")) => Some((
            When::Period(NaiveDate::from_ymd_opt(pubd.year(), pubd.month(), 1)?, pubd),
            i,
        )),
        ("last", Some("year")) if !after_the => Some((
            When::Period(
                NaiveDate::from_ymd_opt(pubd.year() - 1, 1, 1)?,
                NaiveDate::from_ymd_opt(pubd.year() - 1, 12, 31)?,
            ),
            i,
        )),
        ("this", Some("year")) => Some((
            When::Period(NaiveDate::from_ymd_opt(pubd.year(), 1, 1)?, pubd),
            i,
        )),
        // "within three days", "in the past two weeks", "over the last 48 hours".
        ("within" | "past" | "last", _) => {
            // "past" and "last" count back only after "the".
            if w != "within" && !after_the {
                return None;
            }
            let k = i + 1;
            // "the past week" is one week; "the last week of June" no stretch before now.
            let (n, unit) = match words.get(k).and_then(|x| number_word(x)) {
                Some(n) if *words.get(k)? != "a" => (n, k + 1),
                _ => (1, k),
            };
            if words.get(unit + 1) == Some(&"of") {
                return None;
            }
            let days = match words.get(unit)?.trim_end_matches('s') {
                "day" => n,
                "week" => 7 * n,
                "month" => 30 * n,
                "hour" => (n + 23) / 24,
                _ => return None,
            };
            let from = if w == "within" { i } else { i - 1 };
            Some((When::Period(pubd - Duration::days(days), pubd), from))
        }
        _ => None,
    }
}

/// A date found in `words` (lower-cased tokens of a clause), resolved against `published`.
/// Returns the date and the index of the word where the expression starts.
pub fn find_date(words: &[&str], published: Option<NaiveDate>) -> Option<(When, usize)> {
    find_day(words, published)
        .map(|(d, i)| (When::Day(d), i))
        .or_else(|| {
            let p = published?;
            (0..words.len()).find_map(|i| period_at(words, i, p))
        })
}

fn find_day(words: &[&str], published: Option<NaiveDate>) -> Option<(NaiveDate, usize)> {
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = absolute_at(words, i, published) {
            return Some((d, i));
        }
        let Some(pubd) = published else { continue };
        if let Some((_, wd)) = WEEKDAYS.iter().find(|(name, _)| name == w) {
            // News reports the past: the latest such weekday on or before publication
            // ("next Tuesday" looks forward).
            let back = (pubd.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
            let mut d = pubd - Duration::days(i64::from(back));
            if i > 0 && words[i - 1] == "next" {
                let ahead =
                    (wd.num_days_from_monday() + 7 - pubd.weekday().num_days_from_monday()) % 7;
                d = pubd + Duration::days(i64::from(if ahead == 0 { 7 } else { ahead }));
            } else if i > 0 && words[i - 1] == "last" && back == 0 {
                d -= Duration::days(7);
            }
            return Some((d, i));
        }
        match *w {
            "today" | "tonight" => return Some((pubd, i)),
            "yesterday" => return Some((pubd - Duration::days(1), i)),
            "tomorrow" => return Some((pubd + Duration::days(1), i)),
            _ => {}
        }
        // "two days ago"
        if *w == "ago" && i >= 2 {
            let n = number_word(words[i - 2]);
            let unit = words[i - 1].trim_end_matches('s');
            if let Some(n) = n {
                let days = match unit {
                    "day" => n,
                    "week" => 7 * n,
                    _ => continue,
                };
                return Some((pubd - Duration::days(days), i - 2));
            }
        }
    }
    None
}

fn number_word(w: &str) -> Option<i64> {
    let n = match w {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "ten" => 10,
        _ => return w.parse().ok(),
    };
    Some(n)
}

/// "january 16", "jan. 16, 2024", "16 january 2024", "2024-01-16".
fn absolute_at(words: &[&str], i: usize, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let w = words[i];
    if w.len() == 10 && w.as_bytes()[4] == b'-' {
        return NaiveDate::parse_from_str(w, "%Y-%m-%d").ok();
    }
    let (m, d, year_at) = if let Some(m) = month(w) {
        let d = words.get(i + 1).and_then(|x| day_number(x))?;
        let mut k = i + 2;
        if words.get(k) == Some(&",") {
            k += 1;
        }
        (m, d, k)
    } else if let Some(d) = day_number(w) {
        let m = words.get(i + 1).and_then(|x| month(x))?;
        (m, d, i + 2)
    } else {
        return None;
    };
    let year = words
        .get(year_at)
        .and_then(|y| year_number(y))
        .or_else(|| {
            // No year: the latest such date not after publication.
            let p = published?;
            let this = NaiveDate::from_ymd_opt(p.year(), m, d)?;
            Some(if this > p { p.year() - 1 } else { p.year() })
        })?;
    NaiveDate::from_ymd_opt(year, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(s: &str, published: &str) -> Option<String> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let lower = s.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        find_date(&words, p).map(|(d, _)| match d {
            When::Day(d) => d.to_string(),
            When::Period(a, b) => format!("{a}/{b}"),
        })
    }

    #[test]
    fn relative_stretches_resolve_to_periods() {
        // 2025-05-08 is a Thursday.
        for (text, want) in [
            (
                "police detained two suspects last week",
                "2025-04-28/2025-05-04",
            ),
            ("last month's attack in pahalgam", "2025-04-01/2025-04-30"),
            ("earlier this week", "2025-05-05/2025-05-08"),
            (
                "his second conversation within three days",
                "2025-05-05/2025-05-08",
            ),
            ("in the past two weeks", "2025-04-24/2025-05-08"),
            ("last year", "2024-01-01/2024-12-31"),
        ] {
            assert_eq!(resolve(text, "2025-05-08").as_deref(), Some(want), "{text}");
        }
        // A day wins over a stretch; "the last week of June" is no stretch before publication.
        assert_eq!(
            resolve("last week on tuesday", "2025-05-08").as_deref(),
            Some("2025-05-06")
        );
        assert_eq!(resolve("in the last week of june", "2025-05-08"), None);
        assert_eq!(resolve("last 3 days", "2025-05-08"), None);
        assert_eq!(
            resolve("over the last 48 hours", "2025-05-08").as_deref(),
            Some("2025-05-06/2025-05-08")
        );
        assert_eq!(resolve("last week", ""), None);
    }

    #[test]
    fn weekdays_resolve_to_the_latest_before_publication() {
        // 2024-01-19 is a Friday.
        assert_eq!(
            resolve("on tuesday night", "2024-01-19").as_deref(),
            Some("2024-01-16")
        );
        assert_eq!(
            resolve("on thursday", "2024-01-19").as_deref(),
            Some("2024-01-18")
        );
        assert_eq!(
            resolve("pakistan friday extended", "2024-01-19").as_deref(),
            Some("2024-01-19")
        );
        assert_eq!(
            resolve("yesterday", "2024-01-19").as_deref(),
            Some("2024-01-18")
        );
        assert_eq!(
            resolve("two days ago", "2024-01-19").as_deref(),
            Some("2024-01-17")
        );
        assert_eq!(resolve("on tuesday", "").as_deref(), None);
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            resolve("on sept. 19 , 2016 they", "").as_deref(),
            Some("2016-09-19")
        );
        assert_eq!(
            resolve("on 3 march 2022", "").as_deref(),
            Some("2022-03-03")
        );
        assert_eq!(
            resolve("on december 30", "2024-01-19").as_deref(),
            Some("2023-12-30")
        );
        assert_eq!(resolve("in may", "2024-01-19"), None);
    }
}
