//! Reading articles: plain text files, folders, JSON lines and standard input, into
//! [`Document`]s, with a typed problem for every input that has to be skipped.

use crate::error::{Error, Result};
use crate::model::Document;
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How to read a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// By file extension (`.jsonl` is JSON lines, anything else plain text); stdin by its first byte.
    Auto,
    Text,
    Jsonl,
}

/// Where documents come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    Path(PathBuf),
}

impl Source {
    pub fn parse(arg: &str) -> Self {
        if arg == "-" {
            Source::Stdin
        } else {
            Source::Path(PathBuf::from(arg))
        }
    }
}

/// Options that apply to every source.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Publication date for plain files that carry none (validated `YYYY-MM-DD`).
    pub date: Option<String>,
}

/// The extensions a folder walk picks up.
const FOLDER_EXTENSIONS: &[&str] = &["txt", "md", "jsonl"];

#[derive(Deserialize)]
struct JsonDoc {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Expands sources into the files to read, walking folders recursively in sorted order.
/// A path that does not exist is an error for the whole run.
pub fn expand(sources: &[Source]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for s in sources {
        match s {
            Source::Stdin => out.push(Source::Stdin),
            Source::Path(p) => {
                let meta = std::fs::metadata(p).map_err(|e| Error::Io {
                    path: p.clone(),
                    source: e,
                })?;
                if meta.is_dir() {
                    let mut files = Vec::new();
                    walk(p, &mut files)?;
                    files.sort();
                    out.extend(files.into_iter().map(Source::Path));
                } else {
                    out.push(Source::Path(p.clone()));
                }
            }
        }
    }
    Ok(out)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let io = |e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let ft = entry.file_type().map_err(io)?;
        if ft.is_dir() {
            walk(&path, files)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| FOLDER_EXTENSIONS.contains(&e))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads one source into documents. A bad JSON line does not spoil its file: it becomes an
/// `Err` item among the documents; a bad file is a single `Err`.
pub fn read_source(
    source: &Source,
    format: InputFormat,
    opts: &ReadOptions,
) -> Vec<Result<Document>> {
    let (path, bytes) = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            let path = PathBuf::from("<stdin>");
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut buf) {
                return vec![Err(Error::Io { path, source: e })];
            }
            (path, buf)
        }
        Source::Path(p) => match std::fs::read(p) {
            Ok(b) => (p.clone(), b),
            Err(e) => {
                return vec![Err(Error::Io {
                    path: p.clone(),
                    source: e,
                })];
            }
        },
    };
    let jsonl = match format {
        InputFormat::Jsonl => true,
        InputFormat::Text => false,
        InputFormat::Auto => match source {
            Source::Stdin => bytes
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|&b| b == b'{'),
            Source::Path(p) => p.extension().is_some_and(|e| e == "jsonl"),
        },
    };
    let text = match decode(&path, &bytes) {
        Ok(t) => t,
        Err(e) => return vec![Err(e)],
    };
    if jsonl {
        parse_jsonl(&path, text)
    } else {
        vec![text_document(&path, source, text, opts)]
    }
}

/// Checks that bytes are text: no NUL bytes, valid UTF-8 (a BOM is dropped).
pub fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.valid_up_to(),
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn text_document(path: &Path, source: &Source, text: &str, opts: &ReadOptions) -> Result<Document> {
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let (id, date_from_name) = match source {
        Source::Stdin => ("stdin".to_string(), None),
        Source::Path(p) => {
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.to_string_lossy().into_owned());
            let date = date_in_name(&stem);
            (stem, date)
        }
    };
    Ok(Document {
        id,
        text: text.to_string(),
        date: opts.date.clone().or(date_from_name),
        title: None,
        url: None,
    })
}

fn parse_jsonl(path: &Path, text: &str) -> Vec<Result<Document>> {
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Error::BadJsonLine {
            path: path.to_path_buf(),
            line: n + 1,
            message,
        };
        let parsed: JsonDoc = match serde_json::from_str(line) {
            Ok(d) => d,
            Err(e) => {
                docs.push(Err(bad(e.to_string())));
                continue;
            }
        };
        let id = match parsed.id {
            serde_json::Value::String(s) if !s.is_empty() => s,
            serde_json::Value::Number(n) => n.to_string(),
            _ => {
                docs.push(Err(bad(
                    "\"id\" must be a non-empty string or a number".into()
                )));
                continue;
            }
        };
        if parsed.text.trim().is_empty() {
            docs.push(Err(bad(format!("document {id:?} has an empty \"text\""))));
            continue;
        }
        let date = match parsed.date.filter(|d| !d.is_empty()) {
            Some(d) if valid_date(&d) => Some(d),
            Some(d) => {
                docs.push(Err(bad(format!(
                    "document {id:?}: invalid date {d:?}, expected YYYY-MM-DD"
                ))));
                continue;
            }
            None => None,
        };
        docs.push(Ok(Document {
            id,
            text: parsed.text,
            date,
            title: parsed.title,
            url: parsed.url,
        }));
    }
    if docs.is_empty() {
        docs.push(Err(Error::Empty {
            path: path.to_path_buf(),
        }));
    }
    docs
}

/// `YYYY-MM-DD` that is a real calendar date.
pub fn valid_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// The first valid `YYYY-MM-DD` inside a file name.
pub fn date_in_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let cand = name.get(i..i + 10)?;
        let boundary_before = i == 0 || !b[i - 1].is_ascii_digit();
        let boundary_after = b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        (boundary_before && boundary_after && valid_date(cand)).then(|| cand.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates_in_file_names() {
        assert_eq!(
            date_in_name("pakistan-iran-2024-01-19"),
            Some("2024-01-19".into())
        );
        assert_eq!(date_in_name("report-2024-13-45"), None);
        assert_eq!(date_in_name("notes"), None);
        assert_eq!(date_in_name("12024-01-199"), None);
    }

    #[test]
    fn rejects_binary_and_bad_utf8() {
        let p = Path::new("x.txt");
        assert!(matches!(decode(p, b"ab\0cd"), Err(Error::Binary { .. })));
        assert!(matches!(
            decode(p, b"ab\xffcd"),
            Err(Error::NotUtf8 { offset: 2, .. })
        ));
        assert_eq!(decode(p, "\u{feff}hi".as_bytes()).unwrap(), "hi");
    }

    #[test]
    fn jsonl_keeps_good_lines_and_reports_bad_ones() {
        let docs = parse_jsonl(
            Path::new("in.jsonl"),
            "{\"id\":\"a\",\"text\":\"Iran.\"}\nnot json\n{\"id\":7,\"text\":\"x\",\"date\":\"2024-02-30\"}\n{\"id\":8,\"text\":\"y\",\"date\":\"2024-02-03\"}\n",
        );
        assert_eq!(docs.len(), 4);
        assert_eq!(docs[0].as_ref().unwrap().id, "a");
        let e = docs[1].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("in.jsonl:2: malformed JSON line"), "{e}");
        assert!(docs[2].is_err());
        assert_eq!(
            docs[3].as_ref().unwrap().date.as_deref(),
            Some("2024-02-03")
        );
    }
}
