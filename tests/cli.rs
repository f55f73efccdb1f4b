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

// ─── Relationship analysis, lookups and diagrams (issue 5) ───────────────────────────────────

/// Runs a read command on a store and returns its stdout; it must succeed.
fn run_ok(store: &Path, args: &[&str]) -> String {
    let out = bin()
        .args(args)
        .arg("--store")
        .arg(store)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Runs a command that must fail with exit 1 and one line on stderr; returns that line.
fn run_err(store: &Path, args: &[&str]) -> String {
    let out = bin().args(args).arg("--store").arg(store).assert().code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err
}

fn sample_store(dir: &TempDir) -> PathBuf {
    let store = store_in(dir);
    ingest(&store, &[SAMPLE]);
    store
}

#[test]
fn lookup_shows_roles_allegiance_events_and_evidence() {
    let dir = TempDir::new().unwrap();
    let store = sample_store(&dir);
    let table = run_ok(&store, &["lookup", "Jilani"]);
    assert!(
        table.starts_with("Jalil Abbas Jilani — Official"),
        "{table}"
    );
    for needle in [
        "caretaker Foreign Minister",
        "serves     Pakistan",
        "Hossein Amir-Abdollahian",
        "Hakan Fidan",
    ] {
        assert!(table.contains(needle), "{needle} missing:\n{table}");
    }
    let card: Value = serde_json::from_str(&run_ok(
        &store,
        &["lookup", "jilani", "--format", "json", "--evidence"],
    ))
    .unwrap();
    assert_eq!(card["serves"][0]["name"], "Pakistan");
    let calls: Vec<&Value> = card["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "Call")
        .collect();
    assert_eq!(calls.len(), 2, "both calls: {card}");
    let with: Vec<&str> = calls
        .iter()
        .map(|c| c["counterparts"][0]["name"].as_str().unwrap())
        .collect();
    assert!(with.contains(&"Hakan Fidan") && with.contains(&"Hossein Amir-Abdollahian"));
    // --evidence: each line carries the sentence and its document.
    for c in &calls {
        let ev = &c["evidence"][0];
        assert_eq!(ev["document"], "pakistan-iran-2024-01-19");
        assert!(
            ev["text"]
                .as_str()
                .unwrap()
                .contains("telephonic conversation")
        );
    }
    // Case, accents and a small misspelling are tolerated; an IRI works too.
    let misspelt = [
        "JILANI",
        "Jilanni",
        "jalil abbas jilani",
        "Jalil Abas Jillani",
        "Abbas",
    ];
    for name in misspelt {
        let c: Value =
            serde_json::from_str(&run_ok(&store, &["lookup", name, "--format", "json"])).unwrap();
        assert_eq!(c["name"], "Jalil Abbas Jilani", "{name}");
    }
    let pk: Value = serde_json::from_str(&run_ok(
        &store,
        &[
            "lookup",
            "https://w3id.org/newsgraph/id/state/pakistan",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    assert_eq!(pk["wikidata"], "Q843");
    assert!(
        pk["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Islamabad")
    );
    // A label wins over another entity's alias: Tehran the place, not Iran.
    let t: Value =
        serde_json::from_str(&run_ok(&store, &["lookup", "tehran", "--format", "json"])).unwrap();
    assert_eq!(t["type"], "Place");

    let err = run_err(&store, &["lookup", "Baloch"]);
    assert!(
        err.contains("ambiguous")
            && err.contains("Baloch Liberation Army")
            && err.contains("Baloch Liberation Front"),
        "{err}"
    );
    let one = run_ok(&store, &["lookup", "Baloch Liberation Army"]);
    assert!(one.contains("basedIn →  Pakistan"), "{one}");
    let err = run_err(&store, &["lookup", "Atlantis"]);
    assert!(err.contains("no entity matches \"Atlantis\""), "{err}");
    let err = run_err(&store, &["lookup", "Pakistan", "--type", "Ministry"]);
    assert!(err.contains("--type"), "{err}");

    // A store without the name index (written before it existed) reads every name instead.
    run_ok(
        &store,
        &["update", "DROP GRAPH <https://w3id.org/newsgraph/names>"],
    );
    for name in misspelt {
        let c: Value =
            serde_json::from_str(&run_ok(&store, &["lookup", name, "--format", "json"])).unwrap();
        assert_eq!(c["name"], "Jalil Abbas Jilani", "{name} without the index");
    }
}

#[test]
fn path_explains_each_hop_with_its_evidence() {
    let dir = TempDir::new().unwrap();
    let store = sample_store(&dir);
    let paths: Value = serde_json::from_str(&run_ok(
        &store,
        &[
            "path",
            "Iran",
            "Baloch Liberation Army",
            "--k",
            "3",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    let paths = paths.as_array().unwrap();
    assert!(!paths.is_empty());
    let hops: Vec<u64> = paths.iter().map(|p| p["hops"].as_u64().unwrap()).collect();
    assert!(
        hops.windows(2).all(|w| w[0] <= w[1]),
        "shortest first: {hops:?}"
    );
    let first = &paths[0];
    assert_eq!(first["nodes"][0]["name"], "Iran");
    assert_eq!(
        first["nodes"].as_array().unwrap().last().unwrap()["name"],
        "Baloch Liberation Army"
    );
    for step in first["steps"].as_array().unwrap() {
        let fact = &step["facts"][0];
        assert!(fact["label"].is_string());
        assert!(
            !fact["evidence"].as_array().unwrap().is_empty(),
            "hop without evidence: {step}"
        );
    }
    let table = run_ok(&store, &["path", "Iran", "Baloch Liberation Army"]);
    assert!(table.starts_with("Path 1 ("), "{table}");
    assert!(table.contains("“") && table.contains("(pakistan-iran-2024-01-19)"));
    // No connection within one hop is an answer, not an error.
    let none = run_ok(
        &store,
        &["path", "Hakan Fidan", "Jaish al-Adl", "--max-hops", "1"],
    );
    assert!(none.starts_with("no connection"), "{none}");
    let err = run_err(&store, &["path", "Iran", "Narnia"]);
    assert!(err.contains("TO") && err.contains("Narnia"), "{err}");
}

#[test]
fn rank_and_communities_list_entities_by_name() {
    let dir = TempDir::new().unwrap();
    let store = sample_store(&dir);
    let rows = csv_rows(&run_ok(
        &store,
        &["rank", "--by", "pagerank", "--top", "5", "--format", "csv"],
    ));
    assert_eq!(rows.len(), 5);
    let names: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert!(
        names.contains(&"Pakistan") && names.contains(&"Iran"),
        "{names:?}"
    );
    let scores: Vec<f64> = rows.iter().map(|r| r[3].parse().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let between = csv_rows(&run_ok(
        &store,
        &["rank", "--by", "betweenness", "--format", "csv"],
    ));
    assert_eq!(between[0][1], "Pakistan", "the hub of the story");
    let states = csv_rows(&run_ok(
        &store,
        &[
            "rank", "--by", "degree", "--type", "State", "--format", "csv",
        ],
    ));
    assert!(states.iter().all(|r| r[2] == "State"));
    assert!(states.len() >= 5, "{states:?}");

    let a = run_ok(&store, &["communities", "--format", "json"]);
    assert_eq!(
        a,
        run_ok(&store, &["communities", "--format", "json"]),
        "repeatable"
    );
    let groups: Value = serde_json::from_str(&a).unwrap();
    let mut seen = std::collections::HashSet::new();
    for g in groups.as_array().unwrap() {
        let members = g["members"].as_array().unwrap();
        assert!(members.len() >= 2);
        for m in members {
            assert!(
                seen.insert(m["iri"].as_str().unwrap().to_string()),
                "one community each"
            );
        }
    }
    let of = |name: &str| {
        groups.as_array().unwrap().iter().position(|g| {
            g["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["name"] == name)
        })
    };
    assert!(of("Pakistan").is_some());
    assert_eq!(
        of("Jalil Abbas Jilani"),
        of("Hakan Fidan"),
        "the two on the phone"
    );
}

#[test]
fn filters_restrict_the_graph_by_type_time_and_document() {
    let dir = TempDir::new().unwrap();
    let store = sample_store(&dir);
    // Attacks up to 16 January: only Iran's strike; relations are stated in an article
    // published on the 19th, so they fall outside the window.
    let edges = csv_rows(&run_ok(
        &store,
        &[
            "export",
            "--format",
            "edges-csv",
            "--event-type",
            "Attack",
            "--until",
            "2024-01-16",
        ],
    ));
    assert!(!edges.is_empty());
    for e in &edges {
        assert_eq!(
            (e[2].as_str(), e[6].as_str()),
            ("Attack", "2024-01-16"),
            "{e:?}"
        );
        assert!(e[0].ends_with("/state/iran"), "{e:?}");
    }
    let nodes = csv_rows(&run_ok(
        &store,
        &[
            "export",
            "--format",
            "nodes-csv",
            "--type",
            "State,Official",
        ],
    ));
    assert!(nodes.iter().all(|n| n[2] == "State" || n[2] == "Official"));
    let officials = csv_rows(&run_ok(
        &store,
        &[
            "export",
            "--format",
            "nodes-csv",
            "--where",
            "?entity ng:officialOf/rdfs:label \"Pakistan\"",
        ],
    ));
    let names: Vec<&str> = officials.iter().map(|n| n[1].as_str()).collect();
    assert_eq!(names, vec!["Anwaar-ul-Haq Kakar", "Jalil Abbas Jilani"]);
    let err = run_err(&store, &["rank", "--doc", "no-such-article"]);
    assert!(err.contains("no-such-article"), "{err}");
    let err = run_err(&store, &["rank", "--since", "2024-02-30"]);
    assert!(err.contains("--since"), "{err}");
    let err = run_err(&store, &["rank", "--where", "?x a ng:State"]);
    assert!(err.contains("?entity"), "{err}");
}

#[test]
fn dot_export_is_deterministic_escaped_and_renders_with_graphviz() {
    let dir = TempDir::new().unwrap();
    let store = sample_store(&dir);
    // A name that needs escaping in DOT and XML.
    bin()
        .args([
            "update",
            r#"INSERT DATA { GRAPH <https://w3id.org/newsgraph/id/doc/odd> {
              <https://w3id.org/newsgraph/id/organization/odd> a ng:Organization, ng:Entity ;
                rdfs:label "The \"Odd\" \\ <Group> & Co" ;
                ng:basedIn <https://w3id.org/newsgraph/id/state/pakistan> } }"#,
            "--store",
        ])
        .arg(&store)
        .assert()
        .success();
    let a = run_ok(&store, &["export", "--clusters"]);
    assert_eq!(
        a,
        run_ok(&store, &["export", "--clusters"]),
        "same bytes twice"
    );
    assert!(a.starts_with("digraph newsgraph {"));
    assert!(
        a.contains(r#"label="The \"Odd\" \\ <Group> & Co""#),
        "escaped"
    );
    assert!(a.contains("cluster_legend") && a.contains("cluster_1"));
    let render = |dot: &str| {
        let mut child = std::process::Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("Graphviz `dot` is needed for this test (apt-get install graphviz)");
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(dot.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "dot rejected the export");
        String::from_utf8(out.stdout).unwrap()
    };
    let svg = render(&a);
    let with_dtd = || roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&svg, with_dtd())
        .expect("Graphviz wrote well-formed SVG");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.contains(&"Pakistan") && texts.contains(&"The \"Odd\" \\ <Group> & Co"));

    // Our own SVG export goes through the same Graphviz.
    let ours = run_ok(&store, &["export", "--format", "svg"]);
    assert!(roxmltree::Document::parse_with_options(&ours, with_dtd()).is_ok());

    // An ego graph keeps the focus and its neighbours only.
    let ego = run_ok(
        &store,
        &[
            "export", "--focus", "Jilani", "--depth", "1", "--events", "nodes",
        ],
    );
    assert!(ego.contains("\"Jalil Abbas Jilani\"") && ego.contains("\"Pakistan\""));
    assert!(!ego.contains("Jaish al-Adl"), "two hops away");
    render(&ego);
}

#[test]
fn graphml_export_reads_back_with_an_xml_parser() {
    let dir = TempDir::new().unwrap();
    let store = sample_store(&dir);
    let xml = run_ok(&store, &["export", "--format", "graphml"]);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed GraphML");
    let ns = "http://graphml.graphdrawing.org/xmlns";
    assert_eq!(doc.root_element().tag_name().namespace(), Some(ns));
    let nodes: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ns, "node")))
        .collect();
    let edges: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ns, "edge")))
        .collect();
    let ids: std::collections::HashSet<&str> =
        nodes.iter().map(|n| n.attribute("id").unwrap()).collect();
    assert_eq!(ids.len(), nodes.len(), "unique node ids");
    for e in &edges {
        assert!(ids.contains(e.attribute("source").unwrap()));
        assert!(ids.contains(e.attribute("target").unwrap()));
    }
    let n_csv = csv_rows(&run_ok(&store, &["export", "--format", "nodes-csv"]));
    let e_csv = csv_rows(&run_ok(&store, &["export", "--format", "edges-csv"]));
    assert_eq!(nodes.len(), n_csv.len());
    assert_eq!(edges.len(), e_csv.len());
    assert!(
        nodes.len() >= 15 && edges.len() >= 15,
        "{} {}",
        nodes.len(),
        edges.len()
    );
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ns, "data")) && n.attribute("key") == Some("label"))
        .filter_map(|n| n.text())
        .collect();
    assert!(labels.contains(&"Baloch Liberation Army"));
}

#[test]
fn rdf_exports_reparse_to_the_same_number_of_quads() {
    use oxigraph::io::{RdfFormat, RdfParser};
    let dir = TempDir::new().unwrap();
    let store = sample_store(&dir);
    // A second article repeats some triples in its own graph.
    let second = dir.path().join("talks.txt");
    std::fs::write(
        &second,
        "Pakistan and Iran held talks in Islamabad on Monday.",
    )
    .unwrap();
    ingest(&store, &[second.to_str().unwrap()]);
    let quads = count(&store, "GRAPH ?g { ?s ?p ?o }");
    let triples = count(
        &store,
        "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    let doc_quads = count(
        &store,
        "GRAPH <https://w3id.org/newsgraph/id/doc/pakistan-iran-2024-01-19> { ?s ?p ?o }",
    );
    assert!(quads > triples && triples > 100);
    for (flag, format, expected) in [
        ("nquads", RdfFormat::NQuads, quads),
        ("trig", RdfFormat::TriG, quads),
        (
            "jsonld",
            RdfFormat::from_extension("jsonld").unwrap(),
            quads,
        ),
        ("turtle", RdfFormat::Turtle, triples),
        ("ntriples", RdfFormat::NTriples, triples),
        ("rdfxml", RdfFormat::RdfXml, triples),
    ] {
        let out = bin()
            .args(["export", "--format", flag, "--store"])
            .arg(&store)
            .assert()
            .success();
        let parsed = RdfParser::from_format(format)
            .for_slice(&out.get_output().stdout)
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{flag} does not re-parse: {e}"));
        assert_eq!(parsed.len(), expected, "{flag}");
    }
    let out = run_ok(
        &store,
        &[
            "export",
            "--format",
            "nquads",
            "--doc",
            "pakistan-iran-2024-01-19",
        ],
    );
    assert_eq!(out.lines().count(), doc_quads);
    let err = run_err(&store, &["export", "--format", "turtle", "--focus", "Iran"]);
    assert!(err.contains("--focus"), "{err}");
}

// ─── serve: the SPARQL endpoint over HTTP ────────────────────────────────────────────────────

/// The `serve` child, killed however the test ends.
struct ServeChild(std::process::Child);

impl Drop for ServeChild {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `newsgraph serve` on a free loopback port; returns the child and its address, read
/// from the line it prints at startup.
fn serve(store: &Path, extra: &[&str]) -> (ServeChild, String) {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"))
        .args(["serve", "--bind", "127.0.0.1:0", "--store"])
        .arg(store)
        .args(extra)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let child = ServeChild(child);
    // A reader thread, so a server that never speaks fails the test rather than hanging it;
    // it keeps draining stderr afterwards so the server never writes into a closed pipe.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stderr);
        let mut line = String::new();
        let _ = reader.read_line(&mut line);
        let _ = tx.send(line);
        let _ = std::io::copy(&mut reader, &mut std::io::sink());
    });
    let line = rx
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("serve printed no startup line");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{line}");
    (child, addr)
}

/// One HTTP/1.1 exchange on a fresh connection: status, raw headers, body.
fn http(
    addr: &str,
    method: &str,
    target: &str,
    headers: &[&str],
    body: &str,
) -> (u16, String, String) {
    use std::io::{Read, Write};
    let timeout = Some(std::time::Duration::from_secs(60));
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(timeout).unwrap();
    s.set_write_timeout(timeout).unwrap();
    let mut req = format!(
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for h in headers {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let (head, body) = out.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_lowercase(), body.to_string())
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn serve_answers_sparql_over_http_and_leaves_the_store_intact() {
    let dir = TempDir::new().unwrap();
    let store = store_in(&dir);
    ingest(&store, &[SAMPLE]);
    let (server, addr) = serve(&store, &[]);

    let (status, _, body) = http(&addr, "GET", "/health", &[], "");
    assert_eq!((status, body.as_str()), (200, "ok\n"));

    let officials = "SELECT ?name ?state WHERE { ?o a ng:Official ; rdfs:label ?name ; ng:officialOf/rdfs:label ?state } ORDER BY ?name";
    let target = format!("/query?format=csv&query={}", url_encode(officials));
    let (status, head, body) = http(&addr, "GET", &target, &[], "");
    assert_eq!(status, 200, "{body}");
    assert!(head.contains("content-type: text/csv"), "{head}");
    let rows = csv_rows(&body);
    assert!(
        rows.contains(&vec![
            "Jalil Abbas Jilani".to_string(),
            "Pakistan".to_string()
        ]),
        "{rows:?}"
    );

    let (status, head, body) = http(
        &addr,
        "POST",
        "/query",
        &[
            "Content-Type: application/sparql-query",
            "Accept: application/sparql-results+json",
        ],
        "ASK { ?e a ng:Attack ; ng:actor/rdfs:label \"Iran\" }",
    );
    assert_eq!(status, 200, "{body}");
    assert!(head.contains("content-type: application/sparql-results+json"));
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["boolean"], true);

    let describe = format!(
        "/query?query={}",
        url_encode("CONSTRUCT { ?o a ng:Official } WHERE { ?o a ng:Official }")
    );
    let (status, head, body) = http(&addr, "GET", &describe, &["Accept: text/turtle"], "");
    assert_eq!(status, 200, "{body}");
    assert!(head.contains("content-type: text/turtle"));
    assert!(
        body.contains("jalil-abbas-jilani a ng:Official ."),
        "{body}"
    );

    let (status, _, body) = http(&addr, "GET", "/query?query=SELECT%20%7B", &[], "");
    assert_eq!(status, 400);
    assert!(body.starts_with("query: SPARQL syntax"), "{body}");

    let (status, _, body) = http(
        &addr,
        "POST",
        "/update",
        &["Content-Type: application/sparql-update"],
        "CLEAR ALL",
    );
    assert_eq!(status, 403, "{body}");

    // Killing the server leaves the store whole and free for the next command.
    drop(server);
    assert!(count(&store, "?o a ng:Official") >= 4);
}

#[test]
fn serve_reports_a_bad_bind_or_store_in_one_line() {
    let dir = TempDir::new().unwrap();
    let err = bin()
        .args(["serve", "--bind", "localhost"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8(err).unwrap().contains("--bind"));
    let out = bin()
        .args(["serve", "--bind", "127.0.0.1:0", "--store"])
        .arg(dir.path().join("nothing-here"))
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("nothing-here"), "{err}");
}

#[test]
fn a_stretch_of_days_is_stored_as_a_period() {
    let dir = TempDir::new().unwrap();
    let store = store_in(&dir);
    let file = dir.path().join("arrests.txt");
    std::fs::write(
        &file,
        "Police in Srinagar detained two suspects last week. Pakistan expelled an Indian \
         diplomat on Thursday.",
    )
    .unwrap();
    ingest(&store, &[file.to_str().unwrap(), "--date", "2025-05-08"]);
    let rows = csv_rows(&query(
        &store,
        &[
            "PREFIX ng: <https://w3id.org/newsgraph/ontology#>
             SELECT ?a ?b WHERE { ?e a ng:Arrest ; ng:periodStart ?a ; ng:periodEnd ?b }",
            "--format",
            "csv",
        ],
    ));
    assert_eq!(rows, [["2025-04-28", "2025-05-04"]]);
    // Time windows count a period from its last day (4 May).
    let file = dir.path().join("farooq.txt");
    std::fs::write(
        &file,
        "Indian police detained separatist leader Mirwaiz Umar Farooq in Srinagar last week.",
    )
    .unwrap();
    ingest(&store, &[file.to_str().unwrap(), "--date", "2025-05-08"]);
    let path = |since: &str| {
        bin()
            .args(["path", "--store"])
            .arg(&store)
            .args(["India", "Mirwaiz Umar Farooq", "--since", since])
            .output()
            .unwrap()
    };
    assert!(String::from_utf8_lossy(&path("2025-05-01").stdout).contains("Arrest"));
    assert!(!String::from_utf8_lossy(&path("2025-05-05").stdout).contains("Arrest"));
    // A card shows the stretch as an interval, not as undated.
    let card = run_ok(&store, &["lookup", "Mirwaiz Umar Farooq"]);
    assert!(card.contains("2025-04-28/2025-05-04"), "{card}");
    // A day stays a day.
    assert_eq!(
        count(
            &store,
            "?e a <https://w3id.org/newsgraph/ontology#Expulsion> ; \
             <https://w3id.org/newsgraph/ontology#date> \"2025-05-08\"^^<http://www.w3.org/2001/XMLSchema#date>"
        ),
        1
    );
}
