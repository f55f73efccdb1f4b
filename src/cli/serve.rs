//! `newsgraph serve`: binds the SPARQL endpoint of `newsgraph::endpoint` to a socket and carries
//! requests to it until the process is stopped.

use super::ServeArgs;
use super::output::PREFIXES;
use anyhow::Context;
use newsgraph::Store;
use newsgraph::endpoint::{Endpoint, Request};
use oxhttp::Server;
use oxhttp::model::header::{ACCEPT, CONTENT_TYPE, HeaderName};
use oxhttp::model::{Body, Request as HttpRequest, Response as HttpResponse, StatusCode};
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

/// Connections served at once (one thread each); later ones wait to be accepted.
const MAX_CONNECTIONS: usize = 8;
/// A client silent this long is dropped, so idle keep-alive connections give their slot back.
const TIMEOUT: Duration = Duration::from_secs(30);

pub fn run(args: ServeArgs) -> anyhow::Result<()> {
    let store = Store::open_existing(&args.store.store)?;
    let endpoint = Arc::new(Endpoint::new(store, args.writable).with_prefixes(PREFIXES));
    // oxhttp binds inside `spawn` and does not tell which port it got, so the address (port 0
    // included) is settled here, which also reports a taken or foreign address up front.
    let addr = TcpListener::bind(args.bind)
        .and_then(|l| l.local_addr())
        .with_context(|| format!("--bind {}: cannot listen there", args.bind))?;
    let handler = move |req: &mut HttpRequest<Body>| respond(&endpoint, req);
    let server = Server::new(handler)
        .bind(addr)
        .with_global_timeout(TIMEOUT)
        .with_max_concurrent_connections(MAX_CONNECTIONS)
        .spawn()
        .with_context(|| format!("--bind {addr}: cannot listen there"))?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "warning: listening beyond this machine; anyone who reaches {addr} can read the store"
        );
    }
    eprintln!(
        "listening on http://{addr}/ ({}, store {}); Ctrl-C stops",
        if args.writable {
            "writable"
        } else {
            "read-only"
        },
        args.store.store.display()
    );
    server.join().context("server stopped")?;
    Ok(())
}

/// One HTTP exchange: the request's parts to the endpoint, its answer back.
fn respond(endpoint: &Endpoint, req: &mut HttpRequest<Body>) -> HttpResponse<Body> {
    let header = |name: HeaderName| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (accept, content_type) = (header(ACCEPT), header(CONTENT_TYPE));
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let query = req.uri().query().unwrap_or("").to_owned();
    let answer = endpoint.handle(
        &Request {
            method: &method,
            path: &path,
            query: &query,
            accept: accept.as_deref(),
            content_type: content_type.as_deref(),
        },
        req.body_mut(),
    );
    let mut response = HttpResponse::builder().status(answer.status);
    for (name, value) in &answer.headers {
        response = response.header(*name, value.as_str());
    }
    response.body(Body::from(answer.body)).unwrap_or_else(|e| {
        let mut r = HttpResponse::new(Body::from(format!("internal error: {e}\n")));
        *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        r
    })
}
