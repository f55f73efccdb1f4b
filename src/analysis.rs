//! Analyses of a graph view: shortest connections between two entities, centrality rankings
//! and communities. PageRank, betweenness and Louvain come from the `graphrs` crate.

use crate::error::{Error, Result};
use crate::graph::{GraphView, NodeKind};
use crate::store::Store;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

/// One step of a path: the facts that join two consecutive nodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    pub from: NodeIndex,
    pub to: NodeIndex,
    /// Edges between the two, in either direction; the best explained (most evidence) first.
    pub edges: Vec<EdgeIndex>,
}

/// A connection between two nodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    pub nodes: Vec<NodeIndex>,
    pub hops: Vec<Hop>,
}

/// Sorted neighbour lists of the view taken as a simple undirected graph.
fn adjacency(view: &GraphView) -> Vec<Vec<usize>> {
    let mut adj = vec![Vec::new(); view.graph.node_count()];
    for e in view.graph.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        if a != b {
            adj[a].push(b);
            adj[b].push(a);
        }
    }
    for n in &mut adj {
        n.sort_unstable();
        n.dedup();
    }
    adj
}

/// Breadth-first shortest path avoiding some nodes and edges, within `max_hops`.
fn bfs(
    adj: &[Vec<usize>],
    from: usize,
    to: usize,
    banned_nodes: &HashSet<usize>,
    banned_edges: &HashSet<(usize, usize)>,
    max_hops: usize,
) -> Option<Vec<usize>> {
    let mut prev: HashMap<usize, usize> = HashMap::from([(from, from)]);
    let mut depth: HashMap<usize, usize> = HashMap::from([(from, 0)]);
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            let mut path = vec![to];
            let mut cur = to;
            while cur != from {
                cur = prev[&cur];
                path.push(cur);
            }
            path.reverse();
            return Some(path);
        }
        let d = depth[&n];
        if d == max_hops {
            continue;
        }
        for &m in &adj[n] {
            if prev.contains_key(&m) || banned_nodes.contains(&m) || banned_edges.contains(&(n, m))
            {
                continue;
            }
            prev.insert(m, n);
            depth.insert(m, d + 1);
            queue.push_back(m);
        }
    }
    None
}

/// Up to `k` shortest loop-free connections between two nodes with at most `max_hops` hops,
/// shortest first (Yen's algorithm over the undirected view; ties by node order, which follows
/// IRIs, so the answer is stable).
pub fn paths(
    view: &GraphView,
    from: NodeIndex,
    to: NodeIndex,
    k: usize,
    max_hops: usize,
) -> Vec<Path> {
    let adj = adjacency(view);
    let (s, t) = (from.index(), to.index());
    let none = HashSet::new();
    let Some(first) = bfs(&adj, s, t, &none, &HashSet::new(), max_hops) else {
        return Vec::new();
    };
    let mut found: Vec<Vec<usize>> = vec![first];
    let mut candidates: BTreeSet<(usize, Vec<usize>)> = BTreeSet::new();
    while found.len() < k {
        let last = found.last().unwrap().clone();
        for i in 0..last.len().saturating_sub(1) {
            let spur = last[i];
            let root = &last[..=i];
            let mut banned_edges = HashSet::new();
            for p in &found {
                if p.len() > i + 1 && &p[..=i] == root {
                    banned_edges.insert((p[i], p[i + 1]));
                    banned_edges.insert((p[i + 1], p[i]));
                }
            }
            let banned_nodes: HashSet<usize> = root[..i].iter().copied().collect();
            if let Some(rest) = bfs(&adj, spur, t, &banned_nodes, &banned_edges, max_hops - i) {
                let mut path = root[..i].to_vec();
                path.extend(rest);
                if !found.contains(&path) {
                    candidates.insert((path.len(), path));
                }
            }
        }
        match candidates.pop_first() {
            Some((_, p)) => found.push(p),
            None => break,
        }
    }
    found
        .into_iter()
        .map(|nodes| {
            let nodes: Vec<NodeIndex> = nodes.into_iter().map(NodeIndex::new).collect();
            let hops = nodes
                .windows(2)
                .map(|w| {
                    let mut edges = view.edges_between(w[0], w[1]);
                    best_explained_first(view, &mut edges);
                    Hop {
                        from: w[0],
                        to: w[1],
                        edges,
                    }
                })
                .collect();
            Path { nodes, hops }
        })
        .collect()
}

/// Orders edges with the most sentences first, then dated ones, then by index.
fn best_explained_first(view: &GraphView, edges: &mut [EdgeIndex]) {
    edges.sort_by_key(|e| {
        let edge = &view.graph[*e];
        (
            std::cmp::Reverse(edge.evidence.len()),
            edge.date.is_none(),
            *e,
        )
    });
}

/// Loads the evidence of every edge on the paths and puts each hop's best explained edge first.
pub fn explain(view: &mut GraphView, store: &Store, found: &mut [Path]) -> Result<()> {
    let used: Vec<EdgeIndex> = found
        .iter()
        .flat_map(|p| p.hops.iter().flat_map(|h| h.edges.iter().copied()))
        .collect();
    view.load_evidence(store, Some(&used))?;
    for hop in found.iter_mut().flat_map(|p| p.hops.iter_mut()) {
        best_explained_first(view, &mut hop.edges);
    }
    Ok(())
}

/// Centrality measures for `rank`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Centrality {
    /// PageRank over the directed view (symmetric facts count both ways), edges weighted by
    /// how many facts join the two nodes.
    PageRank,
    /// How many other nodes a node is directly connected to.
    Degree,
    /// Normalised betweenness: the share of shortest paths between other nodes through it.
    Betweenness,
}

/// A node with its score.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub node: NodeIndex,
    pub score: f64,
}

/// Node pairs with the number of facts between them: directed (a, b) or, undirected, a < b.
fn weights(view: &GraphView, directed: bool) -> BTreeMap<(usize, usize), f64> {
    let mut w = BTreeMap::new();
    for e in view.graph.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        if a == b {
            continue;
        }
        let mut add = |x: usize, y: usize| *w.entry((x, y)).or_insert(0.0) += 1.0;
        if !directed {
            add(a.min(b), a.max(b));
        } else {
            add(a, b);
            if e.weight().kind.is_symmetric() {
                add(b, a);
            }
        }
    }
    w
}

fn to_graphrs(view: &GraphView, directed: bool) -> Result<graphrs::Graph<usize, ()>> {
    let specs = if directed {
        graphrs::GraphSpecs::directed()
    } else {
        graphrs::GraphSpecs::undirected()
    };
    let mut g = graphrs::Graph::new(specs);
    g.add_nodes(
        view.graph
            .node_indices()
            .map(|n| graphrs::Node::from_name(n.index()))
            .collect(),
    );
    let edges = weights(view, directed)
        .into_iter()
        .map(|((a, b), w)| graphrs::Edge::with_weight(a, b, w))
        .collect();
    g.add_edges(edges)
        .map_err(|e| Error::Algorithm(e.message))?;
    Ok(g)
}

/// Scores every node of the view, best first; equal scores (to 1e-9, since parallel sums
/// differ in the last bits) are ordered by label, then IRI.
pub fn rank(view: &GraphView, by: Centrality) -> Result<Vec<Score>> {
    let n = view.graph.node_count();
    if n == 0 {
        return Ok(Vec::new());
    }
    let scores: Vec<f64> = match by {
        Centrality::Degree => adjacency(view).iter().map(|a| a.len() as f64).collect(),
        Centrality::PageRank => {
            let g = to_graphrs(view, true)?;
            let map = graphrs::algorithms::centrality::pagerank::pagerank(
                &g,
                true,
                Some(0.85),
                Some(1000),
                None,
            )
            .map_err(|e| Error::Algorithm(e.message))?;
            (0..n)
                .map(|i| map.get(&i).copied().unwrap_or(0.0))
                .collect()
        }
        Centrality::Betweenness => {
            let g = to_graphrs(view, false)?;
            let map = graphrs::algorithms::centrality::betweenness::betweenness_centrality(
                &g, false, true,
            )
            .map_err(|e| Error::Algorithm(e.message))?;
            (0..n)
                .map(|i| map.get(&i).copied().unwrap_or(0.0))
                .collect()
        }
    };
    let mut out: Vec<Score> = scores
        .into_iter()
        .enumerate()
        .map(|(i, score)| Score {
            node: NodeIndex::new(i),
            score,
        })
        .collect();
    let key = |s: &Score| (-(s.score * 1e9).round()) as i64;
    out.sort_by(|a, b| {
        key(a).cmp(&key(b)).then_with(|| {
            let (x, y) = (&view.graph[a.node], &view.graph[b.node]);
            (&x.label, &x.iri).cmp(&(&y.label, &y.iri))
        })
    });
    Ok(out)
}

/// Communities of entities by Louvain modularity (seeded, so repeatable) on the undirected view
/// with facts counted as edge weights. Larger `resolution` gives smaller communities. Each
/// community lists its members best connected first; communities come largest first.
pub fn communities(view: &GraphView, resolution: f64) -> Result<Vec<Vec<NodeIndex>>> {
    let entities = view.subgraph(|n| matches!(view.graph[n].kind, NodeKind::Entity(_)));
    if entities.graph.node_count() == 0 {
        return Ok(Vec::new());
    }
    let g = to_graphrs(&entities, false)?;
    const SEED: u64 = 1;
    let found = graphrs::algorithms::community::louvain::louvain_communities(
        &g,
        true,
        Some(resolution),
        None,
        Some(SEED),
    )
    .map_err(|e| Error::Algorithm(e.message))?;
    let degree: Vec<usize> = adjacency(&entities).iter().map(Vec::len).collect();
    let back = |i: usize| {
        view.node(&entities.graph[NodeIndex::new(i)].iri)
            .expect("subgraph nodes are in the view")
    };
    let mut out: Vec<Vec<NodeIndex>> = found
        .into_iter()
        .map(|members| {
            let mut m: Vec<usize> = members.into_iter().collect();
            m.sort_by(|a, b| {
                degree[*b].cmp(&degree[*a]).then_with(|| {
                    let (x, y) = (
                        &entities.graph[NodeIndex::new(*a)],
                        &entities.graph[NodeIndex::new(*b)],
                    );
                    (&x.label, &x.iri).cmp(&(&y.label, &y.iri))
                })
            });
            m.into_iter().map(back).collect()
        })
        .collect();
    out.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then_with(|| view.graph[a[0]].label.cmp(&view.graph[b[0]].label))
            .then_with(|| view.graph[a[0]].iri.cmp(&view.graph[b[0]].iri))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, EdgeKind, Node};
    use crate::model::{EntityType, Predicate};

    /// Two triangles joined by one edge: a–b–c, d–e–f, c–d.
    fn two_triangles() -> GraphView {
        let mut g = petgraph::Graph::new();
        let ids: Vec<NodeIndex> = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .map(|n| {
                g.add_node(Node {
                    iri: format!("urn:{n}"),
                    kind: NodeKind::Entity(EntityType::State),
                    label: n.to_uppercase(),
                    aliases: Vec::new(),
                    date: None,
                })
            })
            .collect();
        for (a, b) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)] {
            g.add_edge(
                ids[a],
                ids[b],
                Edge {
                    kind: EdgeKind::Relation(Predicate::LocatedIn),
                    event: None,
                    date: None,
                    docs: Vec::new(),
                    evidence: Vec::new(),
                },
            );
        }
        let mut v = GraphView::default();
        v.graph = g;
        // subgraph rebuilds the IRI index.
        v.subgraph(|_| true)
    }

    #[test]
    fn paths_are_shortest_first_and_loop_free() {
        let v = two_triangles();
        let (a, f) = (v.node("urn:a").unwrap(), v.node("urn:f").unwrap());
        let p = paths(&v, a, f, 3, 6);
        assert_eq!(p.len(), 3);
        let labels = |p: &Path| -> Vec<String> {
            p.nodes.iter().map(|n| v.graph[*n].label.clone()).collect()
        };
        assert_eq!(labels(&p[0]), vec!["A", "C", "D", "F"]);
        assert!(p[1].nodes.len() >= 4 && p[2].nodes.len() >= p[1].nodes.len());
        for path in &p {
            let set: HashSet<_> = path.nodes.iter().collect();
            assert_eq!(set.len(), path.nodes.len(), "no loops");
            assert_eq!(path.hops.len(), path.nodes.len() - 1);
        }
        assert!(paths(&v, a, f, 3, 2).is_empty(), "three hops needed");
    }

    #[test]
    fn the_bridge_is_most_between_and_communities_split_at_it() {
        let v = two_triangles();
        let top = rank(&v, Centrality::Betweenness).unwrap();
        let first: BTreeSet<&str> = top[..2]
            .iter()
            .map(|s| v.graph[s.node].label.as_str())
            .collect();
        assert_eq!(first, BTreeSet::from(["C", "D"]));
        let deg = rank(&v, Centrality::Degree).unwrap();
        assert_eq!(deg[0].score, 3.0);
        let pr = rank(&v, Centrality::PageRank).unwrap();
        assert!((pr.iter().map(|s| s.score).sum::<f64>() - 1.0).abs() < 1e-6);
        let c = communities(&v, 1.0).unwrap();
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c, communities(&v, 1.0).unwrap(), "repeatable");
    }
}
