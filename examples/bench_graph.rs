//! Benchmark of the graph view and of `lookup`: builds a synthetic store of generated articles
//! (about 115 triples each, so 10,000 articles hold over a million), then times building the
//! view, looking names up, and the analyses, printing medians.
//!
//! cargo run --release --example bench_graph -- [--articles 10000] [--runs 7] [--store DIR]
//!
//! The store is kept (default: the system temp folder) and reused when it already holds the
//! requested number of articles; generation is deterministic.

use newsgraph::analysis::{self, Centrality};
use newsgraph::graph::{self, ViewOptions};
use newsgraph::model::{
    ArgumentRecord, DocHeader, Document, EntityRecord, EntityType, EventRecord, EventType,
    Extraction, MentionRecord, Predicate, RelationRecord, Role, SpanText,
};
use newsgraph::{Store, lookup, vocab};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift64*), so every run builds the same store.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index skewed towards the front, so a few entities are hubs as in real news.
    fn skewed(&mut self, len: usize) -> usize {
        ((self.unit().powi(3) * len as f64) as usize).min(len - 1)
    }
}

#[derive(Clone)]
struct Pooled {
    kind: EntityType,
    name: String,
    alias: Option<String>,
}

fn column(tsv: &str) -> Vec<String> {
    tsv.lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

fn slug(s: &str) -> String {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}

/// Entity pools: gazetteer states, groups, organisations and places, and generated officials.
fn pools() -> Vec<Vec<Pooled>> {
    let of = |kind, names: Vec<String>| -> Vec<Pooled> {
        names
            .into_iter()
            .map(|name| Pooled {
                kind,
                name,
                alias: None,
            })
            .collect()
    };
    let first = [
        "Amir", "Sara", "Omar", "Leila", "Ivan", "Mei", "Kofi", "Ana", "Raj", "Yusuf", "Nadia",
        "Tomas", "Aisha", "Kenji", "Farid", "Elena", "Hassan", "Ines", "Pavel", "Zainab",
    ];
    let last = [
        "Rahimi", "Okafor", "Petrov", "Haddad", "Khan", "Silva", "Tanaka", "Mensah", "Novak",
        "Aziz", "Costa", "Ibrahim", "Kovac", "Nasser", "Qureshi", "Moreau", "Demir", "Osei",
        "Sato", "Varga", "Bakr", "Lund", "Farouk", "Ndiaye", "Rossi",
    ];
    let mut officials = Vec::new();
    for (i, f) in first.iter().enumerate() {
        for (j, l) in last.iter().enumerate() {
            for k in 0..4 {
                let middle = ["", "A. ", "B. ", "C. "][k];
                let name = format!("{f} {middle}{l}");
                if (i + j + k) % 3 != 1 {
                    officials.push(Pooled {
                        kind: EntityType::Official,
                        alias: Some(format!("{l}, {f} {middle}").trim().to_string()),
                        name,
                    });
                }
            }
        }
    }
    vec![
        of(
            EntityType::State,
            column(include_str!("../ontology/gazetteer/states.tsv")),
        ),
        officials,
        of(
            EntityType::MilitantGroup,
            column(include_str!("../ontology/gazetteer/militant_groups.tsv")),
        ),
        of(
            EntityType::Organization,
            column(include_str!("../ontology/gazetteer/organizations.tsv")),
        ),
        of(
            EntityType::Place,
            column(include_str!("../ontology/gazetteer/places.tsv")),
        ),
    ]
}

fn iri(e: &Pooled) -> String {
    format!("{}{}/{}", vocab::ID, e.kind.segment(), slug(&e.name))
}

/// One generated article: five entities, three events, one relation, sentences to match.
fn article(n: usize, rng: &mut Rng, pools: &[Vec<Pooled>]) -> (Document, Extraction) {
    let pick = |rng: &mut Rng, p: usize| pools[p][rng.skewed(pools[p].len())].clone();
    let (a, b) = (pick(rng, 0), pick(rng, 0));
    let b = if a.name == b.name { pick(rng, 0) } else { b };
    let official = pick(rng, 1);
    let group = pick(rng, 2);
    let place = pick(rng, 4);
    let day = 1 + n % 28;
    let date = format!("2024-{:02}-{day:02}", 1 + (n / 28) % 12);
    let s1 = format!(
        "{} struck {} positions near {} on Monday.",
        a.name, group.name, place.name
    );
    let s2 = format!(
        "{} of {} spoke with counterparts in {} about the strikes.",
        official.name, a.name, b.name
    );
    let s3 = format!("{} accused {} of harbouring militants.", b.name, a.name);
    let text = format!("{s1} {s2} {s3}");
    let len = |s: &str| s.chars().count();
    let (o1, o2, o3) = (0, len(&s1) + 1, len(&s1) + len(&s2) + 2);
    let find = |hay: &str, needle: &str, base: usize| {
        let byte = hay.find(needle).unwrap_or(0);
        let start = base + hay[..byte].chars().count();
        (start, start + len(needle))
    };
    let mention = |name: &str, hay: &str, base: usize| {
        let (start, end) = find(hay, name, base);
        MentionRecord {
            start,
            end,
            text: name.to_string(),
            kind: Default::default(),
        }
    };
    let entity = |e: &Pooled, m: MentionRecord| EntityRecord {
        id: iri(e),
        kind: e.kind,
        name: e.name.clone(),
        aliases: e.alias.iter().cloned().collect(),
        wikidata: None,
        roles: if e.kind == EntityType::Official {
            vec!["Foreign Minister".into()]
        } else {
            Vec::new()
        },
        mentions: vec![m],
    };
    let mut entities = vec![
        entity(&a, mention(&a.name, &s1, o1)),
        entity(&group, mention(&group.name, &s1, o1)),
        entity(&place, mention(&place.name, &s1, o1)),
        entity(&official, mention(&official.name, &s2, o2)),
        entity(&b, mention(&b.name, &s2, o2)),
    ];
    entities.dedup_by(|x, y| x.id == y.id);
    let arg = |role, e: &Pooled, hay: &str, base: usize| {
        let (start, end) = find(hay, &e.name, base);
        ArgumentRecord {
            role,
            entity: Some(iri(e)),
            start,
            end,
            text: e.name.clone(),
        }
    };
    let span = |start: usize, s: &str| SpanText {
        start,
        end: start + len(s),
        text: String::new(),
    };
    let event = |kind: EventType, args: Vec<ArgumentRecord>, ev: SpanText| EventRecord {
        id: format!("{}event/{n}-{}", vocab::ID, kind.as_str()),
        kind,
        cameo: kind.default_cameo().to_string(),
        triggers: vec![SpanText {
            start: ev.start,
            end: ev.start + 1,
            text: "x".into(),
        }],
        date: Some(date.clone()),
        period: None,
        arguments: args,
        evidence: vec![ev],
    };
    let events = vec![
        event(
            EventType::Attack,
            vec![
                arg(Role::Actor, &a, &s1, o1),
                arg(Role::Target, &group, &s1, o1),
                arg(Role::Place, &place, &s1, o1),
            ],
            span(o1, &s1),
        ),
        event(
            EventType::Call,
            vec![
                arg(Role::Participant, &official, &s2, o2),
                arg(Role::Participant, &b, &s2, o2),
            ],
            span(o2, &s2),
        ),
        event(
            EventType::Accusation,
            vec![
                arg(Role::Actor, &b, &s3, o3),
                arg(Role::Target, &a, &s3, o3),
            ],
            span(o3, &s3),
        ),
    ];
    let relations = vec![RelationRecord {
        subject: iri(&official),
        predicate: Predicate::OfficialOf,
        object: iri(&a),
        evidence: vec![span(o2, &s2)],
    }];
    let id = format!("bench-{n:05}");
    (
        Document {
            id: id.clone(),
            text,
            date: Some(date.clone()),
            title: None,
            url: None,
        },
        Extraction {
            doc: DocHeader {
                id,
                date: Some(date),
            },
            entities,
            events,
            relations,
        },
    )
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    (median(times), last.expect("at least one run"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut articles = 10_000usize;
    let mut runs = 7usize;
    let mut dir = std::env::temp_dir().join("newsgraph-bench-graph");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--articles" => articles = value()?.parse()?,
            "--runs" => runs = value()?.parse::<usize>()?.max(1),
            "--store" => dir = PathBuf::from(value()?),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let dir = dir.join(format!("{articles}"));
    std::fs::create_dir_all(dir.parent().unwrap_or(&dir))?;
    let store = Store::open(&dir)?;
    let have = store.docs()?.len();
    if have != articles {
        eprintln!("generating {articles} articles into {}", dir.display());
        let t = Instant::now();
        let pools = pools();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for n in 0..articles {
            let (doc, ex) = article(n, &mut rng, &pools);
            store.ingest(&doc, &ex, "2024-06-01T00:00:00Z")?;
        }
        eprintln!("generated in {:.1} s", t.elapsed().as_secs_f64());
    }
    let quads = store.len()?;
    println!(
        "store: {articles} articles, {quads} quads ({})",
        dir.display()
    );

    let opts = ViewOptions::default();
    let (t, view) = time(runs, || graph::build(&store, &opts));
    let view = view?;
    println!(
        "graph view: {} nodes, {} edges, built in {} (median of {runs})",
        view.graph.node_count(),
        view.graph.edge_count(),
        ms(t)
    );

    let any = BTreeSet::new();
    let pools = pools();
    // The busiest state and official (the generator favours the front of each list), and a
    // typical official from the back, by label, in lower case, by alias, and misspelt.
    let hub_state = pools[0][0].name.clone();
    let busy = pools[1][0].name.clone();
    let typical = pools[1][pools[1].len() - 1].clone();
    let misspelt = {
        let mut s = typical.name.clone();
        s.insert(2, 'x');
        s
    };
    let cases = [
        ("typical official, label", typical.name.clone()),
        ("typical official, lower case", typical.name.to_lowercase()),
        (
            "typical official, alias",
            typical.alias.clone().unwrap_or_default(),
        ),
        ("typical official, misspelt: reads the name index", misspelt),
        ("busiest official", busy),
        ("busiest state", hub_state),
    ];
    for (what, name) in cases {
        // The whole lookup, and its two steps (finding the entity, reading its card) apart.
        let (t, card) = time(runs, || -> newsgraph::Result<_> {
            let e = lookup::resolve(&store, &name, &any)?;
            lookup::card(&store, &e, &lookup::CardOptions::default())
        });
        let (t_resolve, entity) = time(runs, || lookup::resolve(&store, &name, &any));
        let t_card = match &entity {
            Ok(e) => {
                time(runs, || {
                    lookup::card(&store, e, &lookup::CardOptions::default())
                })
                .0
            }
            Err(_) => Duration::ZERO,
        };
        let split = format!("resolve {}, card {}", ms(t_resolve), ms(t_card));
        match card {
            Ok(c) => println!(
                "lookup {name:?} ({what}): {} with {} events, {} relations, in {} ({split})",
                c.name,
                c.event_count,
                c.relation_count,
                ms(t)
            ),
            Err(e) => println!("lookup {name:?} ({what}): {e}, in {} ({split})", ms(t)),
        }
    }

    let (t, _) = time(runs.min(3), || analysis::rank(&view, Centrality::PageRank));
    println!("rank --by pagerank: {}", ms(t));
    let (t, _) = time(runs.min(3), || analysis::rank(&view, Centrality::Degree));
    println!("rank --by degree: {}", ms(t));
    let (t, c) = time(1, || analysis::communities(&view, 1.0));
    println!(
        "communities (Louvain): {} communities in {}",
        c?.len(),
        ms(t)
    );
    Ok(())
}
