//! The SPARQL 1.1 Protocol over the store as a plain mapping from an HTTP request to a response
//! (routes, parameters, content negotiation, query and update, serialisation), with no socket:
//! `newsgraph serve` only carries requests to [`Endpoint::handle`] and its answers back.

use crate::error::Error;
use crate::store::Store;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, UpdateEvaluationError};
use std::io::Read;

/// Largest request body read (a query, an update, or a form holding one).
pub const MAX_BODY: u64 = 16 * 1024 * 1024;

/// What [`Endpoint::handle`] needs to know of a request.
#[derive(Clone, Copy, Debug, Default)]
pub struct Request<'a> {
    /// `GET`, `POST`, …
    pub method: &'a str,
    /// The path of the request target, without the query string.
    pub path: &'a str,
    /// The query string after `?`, still percent-encoded (empty if none).
    pub query: &'a str,
    /// The `Accept` header.
    pub accept: Option<&'a str>,
    /// The `Content-Type` header.
    pub content_type: Option<&'a str>,
}

/// A complete response: status, headers (`Content-Type` among them) and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    fn new(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body,
        }
    }

    /// A one-line plain-text message, the form of every error.
    fn text(status: u16, message: impl Into<String>) -> Self {
        let mut body = message.into().into_bytes();
        body.push(b'\n');
        Self::new(status, "text/plain; charset=utf-8", body)
    }

    fn with_header(mut self, name: &'static str, value: &str) -> Self {
        self.headers.push((name, value.to_string()));
        self
    }

    /// The value of a header, matched ignoring case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Errors are responses too; `?` carries them out of the handlers.
type Reply = Result<Response, Response>;

fn bad_request(message: impl Into<String>) -> Response {
    Response::text(400, message)
}

/// The endpoint: a store, whether it takes updates, and the prefixes predeclared in queries.
pub struct Endpoint {
    store: Store,
    writable: bool,
    prologue: String,
    prefixes: Vec<(String, String)>,
}

impl Endpoint {
    /// An endpoint over `store`; updates are refused unless `writable`.
    pub fn new(store: Store, writable: bool) -> Self {
        Endpoint {
            store,
            writable,
            prologue: String::new(),
            prefixes: Vec::new(),
        }
    }

    /// Predeclares these prefixes in queries and updates (a request's own declarations win)
    /// and uses them in Turtle answers.
    pub fn with_prefixes(mut self, prefixes: &[(&str, &str)]) -> Self {
        // On a line of its own, which `syntax_message` takes back off error positions.
        self.prologue = prefixes
            .iter()
            .map(|(p, ns)| format!("PREFIX {p}: <{ns}> "))
            .collect();
        if !self.prologue.is_empty() {
            self.prologue.push('\n');
        }
        self.prefixes = prefixes
            .iter()
            .map(|(p, ns)| (p.to_string(), ns.to_string()))
            .collect();
        self
    }

    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// Answers one request; `body` is read only by POSTs, and at most [`MAX_BODY`] bytes of it.
    pub fn handle(&self, req: &Request<'_>, body: &mut dyn Read) -> Response {
        let reply = match (req.path, req.method) {
            ("/", "GET") => Ok(Response::new(
                200,
                "text/html; charset=utf-8",
                INDEX_HTML.as_bytes().to_vec(),
            )),
            ("/health", "GET") => Ok(Response::text(200, "ok")),
            ("/query", "GET" | "POST") => self.query(req, body),
            ("/update", "POST") => self.update(req, body),
            ("/" | "/health", _) => Err(not_allowed(req, "GET")),
            ("/query", _) => Err(not_allowed(req, "GET, POST")),
            ("/update", _) => Err(not_allowed(req, "POST")),
            (path, _) => Err(Response::text(
                404,
                format!("no such resource: {path} (try /query, /update, /health or /)"),
            )),
        };
        reply.unwrap_or_else(|e| e)
    }

    fn query(&self, req: &Request<'_>, body: &mut dyn Read) -> Reply {
        let mut params = form_pairs(req.query.as_bytes())
            .map_err(|e| bad_request(format!("URL query string: {e}")))?;
        let mut text = None;
        if req.method == "POST" {
            let body = read_body(body)?;
            match media_type(req.content_type).as_str() {
                "application/sparql-query" => text = Some(utf8(body, "query body")?),
                "application/x-www-form-urlencoded" => params
                    .extend(form_pairs(&body).map_err(|e| bad_request(format!("form body: {e}")))?),
                other => {
                    return Err(unsupported_media(
                        other,
                        "application/sparql-query or application/x-www-form-urlencoded",
                    ));
                }
            }
        }
        let mut format = None;
        for (k, v) in params {
            match k.as_str() {
                "query" if text.is_some() => {
                    return Err(bad_request("query: given more than once"));
                }
                "query" => text = Some(v),
                "format" => format = Some(v),
                "default-graph-uri" | "named-graph-uri" => {
                    return Err(bad_request(format!(
                        "{k}: not supported; the default graph is the union of all graphs, \
                         and GRAPH <…> {{ … }} in the query picks one"
                    )));
                }
                _ => {}
            }
        }
        let text = text.filter(|t| !t.trim().is_empty()).ok_or_else(|| {
            bad_request(
                "query: missing; pass query=… in the URL or a form, \
                 or POST an application/sparql-query body",
            )
        })?;
        let results = self
            .store
            .query(&format!("{}{text}", self.prologue))
            .map_err(|e| self.query_error(&e))?;
        let format = format.as_deref();
        let response = match results {
            QueryResults::Solutions(solutions) => {
                let f = results_format(format, req.accept)?;
                let mut out = Vec::new();
                let mut w = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(&mut out, solutions.variables().to_vec())
                    .map_err(internal)?;
                for s in solutions {
                    let s = s.map_err(|e| self.query_error(&Error::SparqlEval(e)))?;
                    w.serialize(&s).map_err(internal)?;
                }
                w.finish().map_err(internal)?;
                Response::new(200, f.media_type(), out)
            }
            QueryResults::Boolean(b) => {
                let f = results_format(format, req.accept)?;
                let mut out = Vec::new();
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(&mut out, b)
                    .map_err(internal)?;
                Response::new(200, f.media_type(), out)
            }
            QueryResults::Graph(triples) => {
                let f = graph_format(format, req.accept)?;
                let mut ser = RdfSerializer::from_format(f);
                if matches!(f, RdfFormat::Turtle | RdfFormat::TriG) {
                    for (p, ns) in &self.prefixes {
                        ser = ser.with_prefix(p, ns).map_err(internal)?;
                    }
                }
                let mut out = Vec::new();
                let mut w = ser.for_writer(&mut out);
                for t in triples {
                    let t = t.map_err(|e| self.query_error(&Error::SparqlEval(e)))?;
                    w.serialize_triple(&t).map_err(internal)?;
                }
                w.finish().map_err(internal)?;
                Response::new(200, f.media_type(), out)
            }
        };
        Ok(response.with_header("Vary", "Accept"))
    }

    fn update(&self, req: &Request<'_>, body: &mut dyn Read) -> Reply {
        if !self.writable {
            return Err(Response::text(
                403,
                "update: this endpoint is read-only (start it with `newsgraph serve --writable`)",
            ));
        }
        let body = read_body(body)?;
        let text = match media_type(req.content_type).as_str() {
            "application/sparql-update" => utf8(body, "update body")?,
            "application/x-www-form-urlencoded" => {
                let mut text = None;
                for (k, v) in
                    form_pairs(&body).map_err(|e| bad_request(format!("form body: {e}")))?
                {
                    match k.as_str() {
                        "update" if text.is_some() => {
                            return Err(bad_request("update: given more than once"));
                        }
                        "update" => text = Some(v),
                        "using-graph-uri" | "using-named-graph-uri" => {
                            return Err(bad_request(format!(
                                "{k}: not supported; put USING in the update itself"
                            )));
                        }
                        _ => {}
                    }
                }
                text.unwrap_or_default()
            }
            other => {
                return Err(unsupported_media(
                    other,
                    "application/sparql-update or application/x-www-form-urlencoded",
                ));
            }
        };
        if text.trim().is_empty() {
            return Err(bad_request(
                "update: missing; POST an application/sparql-update body or a form with update=…",
            ));
        }
        match self.store.update(&format!("{}{text}", self.prologue)) {
            Ok(()) => Ok(Response {
                status: 204,
                headers: Vec::new(),
                body: Vec::new(),
            }),
            Err(Error::SparqlUpdate(UpdateEvaluationError::Storage(e))) => {
                Err(Response::text(500, format!("store: {e}")))
            }
            Err(Error::SparqlSyntax(e)) => Err(bad_request(format!(
                "update: SPARQL syntax: {}",
                self.syntax_message(&e)
            ))),
            Err(e) => Err(bad_request(one_line(&format!("update: {e}")))),
        }
    }
}

impl Endpoint {
    /// A bad query is the client's fault (400); a failing store is not (500).
    fn query_error(&self, e: &Error) -> Response {
        match e {
            Error::SparqlSyntax(e) => {
                bad_request(format!("query: SPARQL syntax: {}", self.syntax_message(e)))
            }
            Error::SparqlEval(
                QueryEvaluationError::Dataset(_) | QueryEvaluationError::Unexpected(_),
            )
            | Error::Storage(_) => Response::text(500, one_line(&format!("store: {e}"))),
            _ => bad_request(one_line(&format!("query: {e}"))),
        }
    }

    /// The parser's message on one line, its "error at LINE:COLUMN" counted in the request's
    /// own text rather than after the predeclared prefixes.
    fn syntax_message(&self, e: &oxigraph::sparql::SparqlSyntaxError) -> String {
        let message = one_line(&e.to_string());
        if self.prologue.is_empty() {
            return message;
        }
        let position = message
            .strip_prefix("error at ")
            .and_then(|rest| rest.split_once(": "))
            .and_then(|(pos, tail)| {
                let (line, column) = pos.split_once(':')?;
                let line: usize = line.parse().ok()?;
                let column: usize = column.parse().ok()?;
                (line > 1).then(|| format!("line {}, column {column}: {tail}", line - 1))
            });
        position.unwrap_or(message)
    }
}

fn not_allowed(req: &Request<'_>, allow: &str) -> Response {
    Response::text(
        405,
        format!(
            "{} {}: method not allowed (use {allow})",
            req.method, req.path
        ),
    )
    .with_header("Allow", allow)
}

fn unsupported_media(got: &str, want: &str) -> Response {
    let got = if got.is_empty() { "none" } else { got };
    Response::text(415, format!("Content-Type: {got}; expected {want}"))
}

fn internal(e: impl std::fmt::Display) -> Response {
    Response::text(500, format!("internal error: {e}"))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_body(body: &mut dyn Read) -> Result<Vec<u8>, Response> {
    let mut out = Vec::new();
    body.take(MAX_BODY + 1)
        .read_to_end(&mut out)
        .map_err(|e| bad_request(format!("request body: {e}")))?;
    if out.len() as u64 > MAX_BODY {
        return Err(Response::text(
            413,
            format!("request body: larger than {} MiB", MAX_BODY >> 20),
        ));
    }
    Ok(out)
}

fn utf8(body: Vec<u8>, what: &str) -> Result<String, Response> {
    String::from_utf8(body).map_err(|e| {
        bad_request(format!(
            "{what}: not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The media type of a `Content-Type` header, lowercased, without parameters.
fn media_type(content_type: Option<&str>) -> String {
    content_type
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Decodes `application/x-www-form-urlencoded` pairs, which is also how a URL's query string
/// is read: `+` is a space, `%XX` a byte, and a `%` without two hex digits stays as it is.
fn form_pairs(raw: &[u8]) -> Result<Vec<(String, String)>, String> {
    raw.split(|&b| b == b'&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = match p.iter().position(|&b| b == b'=') {
                Some(i) => (&p[..i], &p[i + 1..]),
                None => (p, &[][..]),
            };
            Ok((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

fn percent_decode(s: &[u8]) -> Result<String, String> {
    let hex = |i: usize| s.get(i).and_then(|&b| (b as char).to_digit(16));
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match (s[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
            (b'+', _, _) => out.push(b' '),
            (b, _, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| "not UTF-8 once percent-decoded".to_string())
}

/// Format names for SELECT and ASK answers.
const RESULT_NAMES: &[(&str, QueryResultsFormat)] = &[
    ("json", QueryResultsFormat::Json),
    ("xml", QueryResultsFormat::Xml),
    ("csv", QueryResultsFormat::Csv),
    ("tsv", QueryResultsFormat::Tsv),
];

/// Format names for CONSTRUCT and DESCRIBE answers; `json` and `xml` mean their RDF kin, so a
/// form's one format menu fits every kind of query.
fn graph_name(name: &str) -> Option<RdfFormat> {
    Some(match name {
        "turtle" | "ttl" => RdfFormat::Turtle,
        "ntriples" | "nt" => RdfFormat::NTriples,
        "rdfxml" | "rdf" | "xml" => RdfFormat::RdfXml,
        "jsonld" | "json" => RdfFormat::JsonLd {
            profile: Default::default(),
        },
        _ => return None,
    })
}

const RESULT_HINT: &str = "SELECT and ASK answer in json, xml, csv or tsv";
const GRAPH_HINT: &str = "CONSTRUCT and DESCRIBE answer in turtle, ntriples, rdfxml or jsonld";

/// The format of SELECT and ASK answers: `format=` (a name or media type) wins, then `Accept`,
/// then SPARQL JSON.
fn results_format(
    param: Option<&str>,
    accept: Option<&str>,
) -> Result<QueryResultsFormat, Response> {
    if let Some(p) = param {
        let lower = p.trim().to_ascii_lowercase();
        if let Some((_, f)) = RESULT_NAMES.iter().find(|(n, _)| *n == lower) {
            return Ok(*f);
        }
        if let Some(f) = QueryResultsFormat::from_media_type(&lower) {
            return Ok(f);
        }
        let why = if graph_name(&lower).is_some() {
            RESULT_HINT.to_string()
        } else {
            format!("unknown; {RESULT_HINT}, {GRAPH_HINT}")
        };
        return Err(bad_request(format!("format={p}: {why}")));
    }
    negotiate(
        accept,
        QueryResultsFormat::from_media_type,
        QueryResultsFormat::Json,
        "application/sparql-results+json, application/sparql-results+xml, text/csv or text/tab-separated-values",
    )
}

/// The format of CONSTRUCT and DESCRIBE answers: `format=`, then `Accept`, then Turtle.
fn graph_format(param: Option<&str>, accept: Option<&str>) -> Result<RdfFormat, Response> {
    if let Some(p) = param {
        let lower = p.trim().to_ascii_lowercase();
        if let Some(f) = graph_name(&lower).or_else(|| RdfFormat::from_media_type(&lower)) {
            return Ok(f);
        }
        let why = if RESULT_NAMES.iter().any(|(n, _)| *n == lower) {
            GRAPH_HINT.to_string()
        } else {
            format!("unknown; {GRAPH_HINT}, {RESULT_HINT}")
        };
        return Err(bad_request(format!("format={p}: {why}")));
    }
    negotiate(
        accept,
        RdfFormat::from_media_type,
        RdfFormat::Turtle,
        "text/turtle, application/n-triples, application/rdf+xml or application/ld+json",
    )
}

/// Picks the acceptable format with the highest `q` (the first listed on a tie); `*/*`,
/// `application/*` and `text/*` take the default; no header at all means the default.
fn negotiate<F: Copy>(
    accept: Option<&str>,
    parse: impl Fn(&str) -> Option<F>,
    default: F,
    offered: &str,
) -> Result<F, Response> {
    let header = accept.unwrap_or("").trim();
    if header.is_empty() {
        return Ok(default);
    }
    let mut best: Option<(F, f32)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let media = parts.next().unwrap_or("").trim();
        let mut q = 1.0_f32;
        let mut rest = Vec::new();
        for param in parts {
            match param.split_once('=') {
                Some((k, v)) if k.trim().eq_ignore_ascii_case("q") => {
                    q = v.trim().parse().map_err(|_| {
                        bad_request(format!("Accept: bad quality value in {:?}", item.trim()))
                    })?;
                }
                _ => rest.push(param),
            }
        }
        if media.is_empty() || q <= 0.0 || best.as_ref().is_some_and(|(_, b)| q <= *b) {
            continue;
        }
        let found = match media.to_ascii_lowercase().as_str() {
            "*/*" | "application/*" | "text/*" => Some(default),
            m => {
                let full = std::iter::once(m.to_string())
                    .chain(rest.iter().map(|p| p.trim().to_string()))
                    .collect::<Vec<_>>()
                    .join(";");
                parse(&full)
            }
        };
        if let Some(f) = found {
            best = Some((f, q));
        }
    }
    best.map(|(f, _)| f).ok_or_else(|| {
        Response::text(
            406,
            format!("Accept: {header} offers nothing available here; try {offered}"),
        )
    })
}

/// The page at `/`: a query form that submits to `/query`.
const INDEX_HTML: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsgraph SPARQL endpoint</title>
<style>
body { font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
textarea { width: 100%; font-family: monospace; font-size: 0.95rem; }
code { background: #f3f3f3; padding: 0 0.2rem; }
</style>
</head>
<body>
<h1>newsgraph</h1>
<p>A SPARQL 1.1 endpoint over the news knowledge graph. The default graph is the union of all
articles' graphs; the prefixes <code>ng:</code>, <code>id:</code>, <code>rdf:</code>,
<code>rdfs:</code>, <code>skos:</code>, <code>owl:</code>, <code>xsd:</code>, <code>wd:</code>
and <code>schema:</code> are predeclared.</p>
<form action="/query" method="get">
<p><textarea name="query" rows="12">SELECT ?official ?serves WHERE {
  ?o a ng:Official ; rdfs:label ?official .
  OPTIONAL { ?o ng:officialOf/rdfs:label ?serves }
} ORDER BY ?official</textarea></p>
<p><label>Answer as
<select name="format">
<option value="json">JSON (SPARQL results, or JSON-LD)</option>
<option value="xml">XML (SPARQL results, or RDF/XML)</option>
<option value="csv">CSV</option>
<option value="tsv">TSV</option>
<option value="turtle">Turtle (CONSTRUCT, DESCRIBE)</option>
<option value="ntriples">N-Triples (CONSTRUCT, DESCRIBE)</option>
</select></label>
<button type="submit">Run</button></p>
</form>
<p><code>GET /query?query=…</code> or <code>POST /query</code> (an
<code>application/sparql-query</code> body or a form) answers by the <code>Accept</code> header
or <code>format=</code>; <code>POST /update</code> takes SPARQL Update when the server was
started with <code>--writable</code>; <code>GET /health</code> answers <code>ok</code>.</p>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use tempfile::TempDir;

    const NG: &str = "https://w3id.org/newsgraph/ontology#";

    /// A store holding one official in a document graph, behind an endpoint.
    fn endpoint(writable: bool) -> (TempDir, Endpoint) {
        let dir = TempDir::new().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        store
            .update(&format!(
                "PREFIX ng: <{NG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                 INSERT DATA {{ GRAPH <urn:doc:a> {{
                   <urn:x:jilani> a ng:Official ; rdfs:label \"Jalil Abbas Jilani\" ;
                     ng:officialOf <urn:x:pakistan> .
                   <urn:x:pakistan> a ng:State ; rdfs:label \"Pakistan\" . }} }}"
            ))
            .unwrap();
        let prefixes = [
            ("ng", NG),
            ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ];
        (dir, Endpoint::new(store, writable).with_prefixes(&prefixes))
    }

    /// Percent-encodes everything but letters and digits.
    fn enc(s: &str) -> String {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    }

    fn call(
        ep: &Endpoint,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let get = |name: &str| headers.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
        let req = Request {
            method,
            path,
            query,
            accept: get("Accept"),
            content_type: get("Content-Type"),
        };
        ep.handle(&req, &mut &body[..])
    }

    fn get(ep: &Endpoint, target: &str, accept: Option<&str>) -> Response {
        let headers: Vec<(&str, &str)> = accept.map(|a| ("Accept", a)).into_iter().collect();
        call(ep, "GET", target, &headers, b"")
    }

    fn body(r: &Response) -> String {
        String::from_utf8(r.body.clone()).unwrap()
    }

    const OFFICIALS: &str = "SELECT ?name ?state WHERE { ?o a ng:Official ; rdfs:label ?name ; ng:officialOf/rdfs:label ?state }";

    #[test]
    fn routes_methods_and_unknown_paths() {
        let (_d, ep) = endpoint(false);
        let home = get(&ep, "/", None);
        assert_eq!(home.status, 200);
        assert!(
            home.header("content-type")
                .unwrap()
                .starts_with("text/html")
        );
        assert!(body(&home).contains("<form action=\"/query\""));
        assert_eq!(body(&get(&ep, "/health", None)), "ok\n");
        let missing = get(&ep, "/sparql", None);
        assert_eq!(missing.status, 404);
        assert!(body(&missing).contains("/sparql"));
        let r = call(&ep, "DELETE", "/query", &[], b"");
        assert_eq!((r.status, r.header("Allow")), (405, Some("GET, POST")));
        let r = get(&ep, "/update", None);
        assert_eq!((r.status, r.header("Allow")), (405, Some("POST")));
        assert_eq!(call(&ep, "POST", "/health", &[], b"").status, 405);
    }

    #[test]
    fn select_answers_in_the_negotiated_format_over_the_union_graph() {
        let (_d, ep) = endpoint(false);
        let target = format!("/query?query={}", enc(OFFICIALS));
        // No Accept: SPARQL JSON; the triples sit in a named graph yet the default graph sees them.
        let r = get(&ep, &target, None);
        assert_eq!(r.status, 200, "{}", body(&r));
        assert_eq!(
            r.header("Content-Type"),
            Some("application/sparql-results+json")
        );
        assert_eq!(r.header("Vary"), Some("Accept"));
        let json: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        let b = &json["results"]["bindings"][0];
        assert_eq!(b["name"]["value"], "Jalil Abbas Jilani");
        assert_eq!(b["state"]["value"], "Pakistan");

        let r = get(&ep, &target, Some("text/csv"));
        assert!(r.header("Content-Type").unwrap().starts_with("text/csv"));
        assert_eq!(body(&r), "name,state\r\nJalil Abbas Jilani,Pakistan\r\n");
        let r = get(&ep, &target, Some("text/tab-separated-values"));
        assert_eq!(
            body(&r),
            "?name\t?state\n\"Jalil Abbas Jilani\"\t\"Pakistan\"\n"
        );
        let r = get(
            &ep,
            &target,
            Some("text/csv;q=0.5, application/sparql-results+xml"),
        );
        assert_eq!(
            r.header("Content-Type"),
            Some("application/sparql-results+xml")
        );
        assert!(body(&r).contains("<literal>Pakistan</literal>"));
        // format= wins over Accept.
        let r = get(
            &ep,
            &format!("{target}&format=csv"),
            Some("application/json"),
        );
        assert!(body(&r).starts_with("name,state\r\n"));
    }

    #[test]
    fn ask_and_construct() {
        let (_d, ep) = endpoint(false);
        let ask = format!("/query?query={}", enc("ASK { ?s a ng:State }"));
        let r = get(&ep, &ask, None);
        let json: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(json["boolean"], true);
        assert_eq!(body(&get(&ep, &format!("{ask}&format=csv"), None)), "true");

        let construct = format!(
            "/query?query={}",
            enc("CONSTRUCT { ?o ng:officialOf ?s } WHERE { ?o ng:officialOf ?s }")
        );
        let r = get(&ep, &construct, None);
        assert_eq!(r.header("Content-Type"), Some("text/turtle"));
        let ttl = body(&r);
        assert!(ttl.contains("@prefix ng:"), "{ttl}");
        assert!(
            ttl.contains("<urn:x:jilani> ng:officialOf <urn:x:pakistan>"),
            "{ttl}"
        );
        let r = get(&ep, &construct, Some("application/n-triples"));
        assert_eq!(
            body(&r),
            format!("<urn:x:jilani> <{NG}officialOf> <urn:x:pakistan> .\n")
        );
        let r = get(&ep, &construct, Some("application/ld+json"));
        assert_eq!(r.header("Content-Type"), Some("application/ld+json"));
        let json: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        assert!(json.to_string().contains("urn:x:pakistan"));
        let r = get(&ep, &format!("{construct}&format=xml"), None);
        assert_eq!(r.header("Content-Type"), Some("application/rdf+xml"));
        // A results-only format for a graph, and the reverse, are refused by name.
        let r = get(&ep, &format!("{construct}&format=csv"), None);
        assert_eq!(r.status, 400);
        assert!(body(&r).starts_with("format=csv: CONSTRUCT and DESCRIBE"));
        let r = get(&ep, &format!("{ask}&format=turtle"), None);
        assert_eq!(r.status, 400);
        assert!(body(&r).starts_with("format=turtle: SELECT and ASK"));
    }

    #[test]
    fn posts_take_a_query_body_or_a_form() {
        let (_d, ep) = endpoint(false);
        let r = call(
            &ep,
            "POST",
            "/query?format=csv",
            &[("Content-Type", "application/sparql-query; charset=utf-8")],
            OFFICIALS.as_bytes(),
        );
        assert_eq!(body(&r), "name,state\r\nJalil Abbas Jilani,Pakistan\r\n");
        let form = format!("format=tsv&query={}", enc(OFFICIALS));
        let r = call(
            &ep,
            "POST",
            "/query",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            form.as_bytes(),
        );
        assert!(body(&r).starts_with("?name\t?state\n"), "{}", body(&r));
        let r = call(
            &ep,
            "POST",
            "/query",
            &[("Content-Type", "text/plain")],
            OFFICIALS.as_bytes(),
        );
        assert_eq!(r.status, 415);
        assert!(body(&r).starts_with("Content-Type: text/plain;"));
        let r = call(&ep, "POST", "/query", &[], OFFICIALS.as_bytes());
        assert_eq!(r.status, 415);
        let r = call(
            &ep,
            "POST",
            "/query",
            &[("Content-Type", "application/sparql-query")],
            b"SELECT \xff",
        );
        assert_eq!(r.status, 400);
        assert!(body(&r).contains("not UTF-8"));
    }

    #[test]
    fn bad_requests_get_one_clear_line() {
        let (_d, ep) = endpoint(false);
        let r = get(
            &ep,
            &format!("/query?query={}", enc("SELECT WHERE {")),
            None,
        );
        assert_eq!(r.status, 400);
        let msg = body(&r);
        assert!(msg.starts_with("query: SPARQL syntax"), "{msg}");
        assert_eq!(msg.lines().count(), 1, "{msg}");
        // Positions count the request's lines, not the predeclared prefixes.
        let r = get(
            &ep,
            &format!("/query?query={}", enc("SELECT *\nWHERE { ?s ?p }")),
            None,
        );
        let msg = body(&r);
        assert!(
            msg.starts_with("query: SPARQL syntax: line 2, column "),
            "{msg}"
        );
        let r = get(&ep, "/query", None);
        assert_eq!(r.status, 400);
        assert!(body(&r).starts_with("query: missing"));
        let r = get(&ep, "/query?query=ASK%7B%7D&query=ASK%7B%7D", None);
        assert!(body(&r).starts_with("query: given more than once"));
        let r = get(
            &ep,
            "/query?query=ASK%7B%7D&default-graph-uri=urn%3Ax",
            None,
        );
        assert_eq!(r.status, 400);
        assert!(body(&r).starts_with("default-graph-uri: not supported"));
        let r = get(&ep, "/query?query=ASK%7B%7D&format=yaml", None);
        assert_eq!(r.status, 400);
        assert!(body(&r).starts_with("format=yaml: unknown"));
        let r = get(&ep, "/query?query=ASK%7B%7D", Some("image/png"));
        assert_eq!(r.status, 406);
        let r = get(&ep, "/query?query=%FF", None);
        assert_eq!(r.status, 400);
        assert!(body(&r).starts_with("URL query string"));
        let r = get(&ep, "/query?query=ASK%7B%7D", Some("text/csv;q=high"));
        assert_eq!(r.status, 400);
    }

    #[test]
    fn updates_only_when_writable() {
        let insert = format!("INSERT DATA {{ <urn:x:iran> a <{NG}State> }}");
        let ask = format!(
            "/query?query={}&format=csv",
            enc("ASK { <urn:x:iran> a ng:State }")
        );
        let (_d, ro) = endpoint(false);
        let r = call(
            &ro,
            "POST",
            "/update",
            &[("Content-Type", "application/sparql-update")],
            insert.as_bytes(),
        );
        assert_eq!(r.status, 403);
        assert!(body(&r).contains("--writable"));
        assert_eq!(body(&get(&ro, &ask, None)), "false");

        let (_d, rw) = endpoint(true);
        let r = call(
            &rw,
            "POST",
            "/update",
            &[("Content-Type", "application/sparql-update")],
            insert.as_bytes(),
        );
        assert_eq!((r.status, r.body.len()), (204, 0), "{}", body(&r));
        assert_eq!(body(&get(&rw, &ask, None)), "true");
        // A form works too, with the predeclared prefixes.
        let form = format!("update={}", enc("DELETE WHERE { <urn:x:iran> a ng:State }"));
        let r = call(
            &rw,
            "POST",
            "/update",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            form.as_bytes(),
        );
        assert_eq!(r.status, 204, "{}", body(&r));
        assert_eq!(body(&get(&rw, &ask, None)), "false");
        let r = call(
            &rw,
            "POST",
            "/update",
            &[("Content-Type", "application/sparql-update")],
            b"INSERT nonsense",
        );
        assert_eq!(r.status, 400);
        assert!(
            body(&r).starts_with("update: SPARQL syntax"),
            "{}",
            body(&r)
        );
        // Bodies are read only up to the limit.
        let mut big = std::io::repeat(b' ').take(MAX_BODY + 10);
        let req = Request {
            method: "POST",
            path: "/update",
            content_type: Some("application/sparql-update"),
            ..Request::default()
        };
        assert_eq!(rw.handle(&req, &mut big).status, 413);
    }

    #[test]
    fn accept_headers_rank_by_quality() {
        let p = QueryResultsFormat::from_media_type;
        let json = QueryResultsFormat::Json;
        let pick = |h: &str| negotiate(Some(h), p, json, "").map_err(|r| r.status);
        assert_eq!(pick(""), Ok(json));
        assert_eq!(pick("*/*"), Ok(json));
        assert_eq!(pick("application/*;q=0.9"), Ok(json));
        assert_eq!(
            pick("*/*;q=0.1, text/tab-separated-values;q=0.2"),
            Ok(QueryResultsFormat::Tsv)
        );
        assert_eq!(
            pick("text/csv, application/sparql-results+xml"),
            Ok(QueryResultsFormat::Csv),
            "a tie goes to the first listed"
        );
        assert_eq!(pick("text/csv;q=0, image/png"), Err(406));
        assert_eq!(pick("text/csv;q=x"), Err(400));
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(pick(browser), Ok(QueryResultsFormat::Xml));
        assert_eq!(
            negotiate(
                Some(browser),
                RdfFormat::from_media_type,
                RdfFormat::Turtle,
                ""
            )
            .ok(),
            Some(RdfFormat::RdfXml)
        );
    }

    #[test]
    fn forms_decode_like_browsers_send_them() {
        assert_eq!(
            form_pairs(b"a=b+c&&d=%41%2&e&f=%e2%80%94").unwrap(),
            vec![
                ("a".into(), "b c".into()),
                ("d".into(), "A%2".into()),
                ("e".into(), String::new()),
                ("f".into(), "\u{2014}".into()),
            ]
        );
        assert!(form_pairs(b"q=%FF").is_err());
        assert_eq!(
            media_type(Some(" Application/SPARQL-Query ; charset=utf-8")),
            "application/sparql-query"
        );
        assert_eq!(media_type(None), "");
    }
}
