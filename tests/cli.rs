//! End-to-end tests: the built `newsgraph` binary on small fixtures and the bundled example.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const SAMPLE: &str = "examples/articles/pakistan-iran-2024-01-19.txt";

fn bin() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

fn store_in(dir: &TempDir) -> PathBuf {
    dir.path().join("store.db")
}

fn ingest(store: &Path, args: &[&str]) -> String {
    let out = bin()
        .arg("ingest")
        .arg("--store")
        .arg(store)
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

fn query(store: &Path, args: &[&str]) -> String {
    let out = bin()
        .arg("query")
        .arg("--store")
        .arg(store)
        .args(args)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn csv_rows(s: &str) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(s.as_bytes());
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn count(store: &Path, pattern: &str) -> usize {
    let q = format!("SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}");
    let out = query(store, &[&q, "--format", "csv"]);
    csv_rows(&out)[0][0].parse().unwrap()
}

#[test]
fn extract_gives_a_deterministic_contract_record() {
    let a = bin().args(["extract", SAMPLE]).output().unwrap();
    let b = bin().args(["extract", SAMPLE]).output().unwrap();
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout, "same input, same bytes");
    let rec: Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(rec["doc"]["id"], "pakistan-iran-2024-01-19");
    assert_eq!(
        rec["doc"]["date"], "2024-01-19",
        "date taken from the file name"
    );
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let chars: Vec<char> = text.chars().collect();
    // Every mention's offsets are code points that slice back to its text.
    for e in rec["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (s, t) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let slice: String = chars[s..t].iter().collect();
            assert_eq!(slice, m["text"].as_str().unwrap());
        }
    }
    let jilani = rec["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Jalil Abbas Jilani")
        .expect("Jilani found");
    assert_eq!(jilani["type"], "Official");
    assert_eq!(
        jilani["id"],
        "https://w3id.org/newsgraph/id/official/jalil-abbas-jilani"
    );
    assert!(
        jilani["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "caretaker Foreign Minister")
    );
    assert!(
        jilani["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Jilani")
    );
    let pakistan = rec["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Pakistan")
        .unwrap();
    assert_eq!(pakistan["wikidata"], "Q843");
    assert!(
        pakistan["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Islamabad")
    );
}

#[test]
fn extract_reads_json_lines_in_order_and_skips_bad_lines() {
    let input = "{\"id\":\"b\",\"text\":\"Israel struck Hamas targets in Gaza on Monday.\",\"date\":\"2024-03-06\"}\nnot json\n{\"id\":\"a\",\"text\":\"Kenya's president met Ethiopia's prime minister.\"}\n";
    let out = bin()
        .args(["extract", "--input", "jsonl", "-"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains("<stdin>:2: malformed JSON line"));
    let lines: Vec<Value> = out
        .get_output()
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["doc"]["id"], "b");
    assert_eq!(lines[1]["doc"]["id"], "a");
    let attack = lines[0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "Attack")
        .expect("attack");
    assert_eq!(attack["date"], "2024-03-04");
}

#[test]
fn sample_article_end_to_end() {
    let dir = TempDir::new().unwrap();
    let store = store_in(&dir);
    let summary = ingest(&store, &[SAMPLE]);
    assert!(summary.contains("1 documents (1 new"), "{summary}");
    let before = count(
        &store,
        "GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/newsgraph/ontology>)",
    );
    assert!(before > 100);

    // The four officials with the states they serve.
    let out = query(
        &store,
        &[
            "SELECT ?name ?state WHERE { ?o a ng:Official ; rdfs:label ?name . OPTIONAL { ?o ng:officialOf/rdfs:label ?state } } ORDER BY ?name",
            "--format",
            "csv",
        ],
    );
    let rows = csv_rows(&out);
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    for n in [
        "Anwaar-ul-Haq Kakar",
        "Hakan Fidan",
        "Hossein Amir-Abdollahian",
        "Jalil Abbas Jilani",
    ] {
        assert!(names.contains(&n), "{n} missing in {names:?}");
    }
    let serves = |who: &str| {
        rows.iter()
            .find(|r| r[0] == who)
            .map(|r| r[1].clone())
            .unwrap()
    };
    assert_eq!(serves("Jalil Abbas Jilani"), "Pakistan");
    assert_eq!(serves("Anwaar-ul-Haq Kakar"), "Pakistan");
    assert_eq!(serves("Hossein Amir-Abdollahian"), "Iran");

    // Attacks with their actors, both directions.
    let out = query(
        &store,
        &[
            "SELECT DISTINCT ?actor WHERE { ?e a ng:Attack ; ng:actor/rdfs:label ?actor } ORDER BY ?actor",
            "--format",
            "csv",
        ],
    );
    let actors: Vec<String> = csv_rows(&out).into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(actors, vec!["Iran", "Pakistan"]);

    // Re-ingest is a no-op with the same triple count.
    let summary = ingest(&store, &[SAMPLE]);
    assert!(summary.contains("1 unchanged"), "{summary}");
    let after = count(
        &store,
        "GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/newsgraph/ontology>)",
    );
    assert_eq!(before, after);

    // The ontology is loaded and part of the default graph.
    assert!(count(&store, "ng:Attack rdfs:subClassOf ng:Event") >= 1);
}

#[test]
fn example_queries_give_expected_rows() {
    let dir = TempDir::new().unwrap();
    let store = store_in(&dir);
    ingest(&store, &[SAMPLE]);
    let run = |name: &str| {
        csv_rows(&query(
            &store,
            &[
                "-f",
                &format!("examples/queries/{name}.rq"),
                "--format",
                "csv",
            ],
        ))
    };
    let attacks = run("attacks");
    assert!(attacks.len() >= 2, "{attacks:?}");
    assert!(attacks.iter().any(|r| r.iter().any(|c| c == "Iran")));
    let officials = run("officials");
    assert!(
        officials
            .iter()
            .any(|r| r.iter().any(|c| c == "Jalil Abbas Jilani"))
    );
    let between = run("between-states");
    assert!(!between.is_empty());
    let docs = run("documents");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0][0], "pakistan-iran-2024-01-19");
    let calls = run("calls-and-meetings");
    assert!(calls.len() >= 2, "{calls:?}");
}

#[test]
fn changed_content_replaces_and_remove_drops_one_document() {
    let dir = TempDir::new().unwrap();
    let store = store_in(&dir);
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Iran summoned the Pakistani ambassador in Tehran on Wednesday.",
    )
    .unwrap();
    std::fs::write(&b, "China offered to mediate between India and Pakistan.").unwrap();
    ingest(&store, &[a.to_str().unwrap(), b.to_str().unwrap()]);
    std::fs::write(&a, "Russia and Ukraine held talks in Istanbul.").unwrap();
    let summary = ingest(&store, &[a.to_str().unwrap()]);
    assert!(summary.contains("1 replaced"), "{summary}");
    assert_eq!(
        count(
            &store,
            "GRAPH <https://w3id.org/newsgraph/id/doc/a> { ?s ng:text ?t FILTER(CONTAINS(?t, \"summoned\")) }"
        ),
        0
    );

    let docs = bin()
        .args(["docs", "--format", "csv", "--store"])
        .arg(&store)
        .assert()
        .success();
    let rows = csv_rows(&String::from_utf8_lossy(&docs.get_output().stdout));
    assert_eq!(
        rows.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
        vec!["a", "b"]
    );

    let b_triples = count(
        &store,
        "GRAPH <https://w3id.org/newsgraph/id/doc/b> { ?s ?p ?o }",
    );
    bin()
        .args(["remove", "a", "--store"])
        .arg(&store)
        .assert()
        .success();
    assert_eq!(
        count(
            &store,
            "GRAPH <https://w3id.org/newsgraph/id/doc/a> { ?s ?p ?o }"
        ),
        0
    );
    assert_eq!(
        count(
            &store,
            "GRAPH <https://w3id.org/newsgraph/id/doc/b> { ?s ?p ?o }"
        ),
        b_triples
    );
    bin()
        .args(["remove", "nope", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no document with id \"nope\""));
}

#[test]
fn bad_input_is_reported_and_leaves_the_store_intact() {
    let dir = TempDir::new().unwrap();
    let store = store_in(&dir);
    ingest(&store, &[SAMPLE]);
    let before = count(&store, "GRAPH ?g { ?s ?p ?o }");

    let binary = dir.path().join("blob.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 in Par\xeds").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let badjson = dir.path().join("bad.jsonl");
    std::fs::write(&badjson, "{\"id\": \"x\", \"text\": \n").unwrap();

    for (path, msg) in [
        (&binary, "looks like a binary file"),
        (&latin1, "not UTF-8 text"),
        (&empty, "empty document"),
        (&badjson, "bad.jsonl:1: malformed JSON line"),
    ] {
        let out = bin()
            .arg("ingest")
            .arg("--store")
            .arg(&store)
            .arg(path)
            .assert()
            .code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(
            err.contains(path.file_name().unwrap().to_str().unwrap()) && err.contains(msg),
            "{err}"
        );
    }
    bin()
        .args(["ingest", "does/not/exist.txt", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does/not/exist.txt"));
    // A good file among bad ones is ingested; the bad ones are skipped with a warning.
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Turkey recalled its ambassador from Israel.").unwrap();
    bin()
        .arg("ingest")
        .arg("--store")
        .arg(&store)
        .arg(&binary)
        .arg(&good)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("warning: skipped").and(predicate::str::contains("blob.txt")),
        );
    assert!(count(&store, "GRAPH ?g { ?s ?p ?o }") > before);
    assert!(
        count(
            &store,
            "<https://w3id.org/newsgraph/id/doc/pakistan-iran-2024-01-19> a ng:Document"
        ) == 1
    );

    // Usage errors exit 2; a bad --date names the flag.
    bin().args(["ingest"]).assert().code(2);
    bin()
        .args(["ingest", SAMPLE, "--date", "2024-02-31", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--date"));
    bin()
        .args(["query", "SELECT nonsense", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("SPARQL syntax"));
}

#[test]
fn a_store_held_by_another_process_is_reported() {
    let dir = TempDir::new().unwrap();
    let store = store_in(&dir);
    ingest(&store, &[SAMPLE]);
    let held = newsgraph::Store::open(&store).unwrap();
    bin()
        .args(["ingest", SAMPLE, "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "in use by another newsgraph process",
        ));
    drop(held);
    assert!(count(&store, "?d a ng:Document") == 1);
}

#[test]
fn query_formats() {
    let dir = TempDir::new().unwrap();
    let store = store_in(&dir);
    ingest(&store, &[SAMPLE]);
    let q = "SELECT ?n WHERE { ?s a ng:State ; rdfs:label ?n } ORDER BY ?n LIMIT 2";
    let json: Value = serde_json::from_str(&query(&store, &[q, "--format", "json"])).unwrap();
    assert_eq!(json["head"]["vars"][0], "n");
    let table = query(&store, &[q]);
    assert!(table.starts_with("n\n─"), "{table}");
    assert!(query(&store, &[q, "--format", "xml"]).contains("<sparql"));
    assert!(query(&store, &[q, "--format", "tsv"]).starts_with("?n\n"));
    assert_eq!(query(&store, &["ASK { ?s a ng:Attack }"]), "true\n");
    let ttl = query(
        &store,
        &["CONSTRUCT { ?s rdfs:label ?n } WHERE { ?s a ng:Official ; rdfs:label ?n }"],
    );
    assert!(ttl.contains("Jalil Abbas Jilani"));
    let nt = query(
        &store,
        &[
            "DESCRIBE <https://w3id.org/newsgraph/id/state/pakistan>",
            "--format",
            "ntriples",
        ],
    );
    assert!(nt.lines().all(|l| l.ends_with(" .")));
    // update
    bin()
        .args([
            "update",
            "INSERT DATA { GRAPH <urn:x> { <urn:a> rdfs:label \"x\" } }",
            "--store",
        ])
        .arg(&store)
        .assert()
        .success();
    assert_eq!(count(&store, "<urn:a> rdfs:label \"x\""), 1);
}

/// Runs `../shared/eval/ngeval.py` against the built binary; `None` when the scorer, its data or
/// python3 is not there (the development sets live outside the repository).
fn ngeval(args: &[&str], data: &str) -> Option<Value> {
    let scorer = Path::new("../shared/eval/ngeval.py");
    let data = Path::new("../shared").join(data);
    if !scorer.exists()
        || !data.exists()
        || std::process::Command::new("python3")
            .arg("--version")
            .output()
            .is_err()
    {
        eprintln!("skipped: ../shared or python3 not available");
        return None;
    }
    let exe = assert_cmd::cargo::cargo_bin("newsgraph");
    let out = std::process::Command::new("python3")
        .arg(scorer)
        .args(args)
        .args(["--json", "--data"])
        .arg(&data)
        .arg("--cmd")
        .arg(format!("{} extract --input jsonl -", exe.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

fn f1(v: &Value, path: &[&str]) -> f64 {
    path.iter().fold(v, |v, k| &v[*k])["f1"].as_f64().unwrap()
}

#[test]
fn seed_facts_meet_the_bar() {
    let Some(v) = ngeval(&["facts"], "seed/seed-facts.jsonl") else {
        return;
    };
    assert!(f1(&v, &["entities"]) >= 0.95, "entities: {v}");
    assert!(f1(&v, &["relations"]) >= 0.8, "relations: {v}");
    assert!(f1(&v, &["events"]) >= 0.85, "events: {v}");
}

#[test]
fn names_on_conll_dev_meet_the_bar() {
    let Some(v) = ngeval(&["ner", "--scheme", "conll"], "data/conll2003-dev.jsonl") else {
        return;
    };
    assert!(f1(&v, &["overall"]) >= 0.85, "{v}");
}

#[test]
fn names_on_crossner_politics_dev_meet_the_bar() {
    let Some(v) = ngeval(
        &["ner", "--scheme", "crossner"],
        "data/crossner-politics-dev.jsonl",
    ) else {
        return;
    };
    assert!(f1(&v, &["overall"]) >= 0.70, "{v}");
    assert!(f1(&v, &["fine", "politician"]) >= 0.60, "{v}");
}
