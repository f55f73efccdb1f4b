//! The `newsgraph` binary: parses the command line, dispatches, and maps errors to exit codes.

mod cli;

use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    // One line, not a backtrace, if a bug ever panics.
    std::panic::set_hook(Box::new(|info| eprintln!("internal error: {info}")));
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(a) => cli::ingest::run(a),
        Command::Extract(a) => cli::extract::run(a),
        Command::Query(a) => cli::query::run(a),
        Command::Update(a) => cli::update::run(a),
        Command::Docs(a) => cli::docs::run(a),
        Command::Remove(a) => cli::remove::run(a),
        Command::Lookup(a) => cli::lookup::run(a),
        Command::Path(a) => cli::path::run(a),
        Command::Rank(a) => cli::rank::run(a),
        Command::Communities(a) => cli::communities::run(a),
        Command::Export(a) => cli::export::run(a),
        Command::Serve(a) => cli::serve::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            eprintln!("error: {}", chain.join(": "));
            ExitCode::FAILURE
        }
    }
}

/// Output cut short by a closed pipe (`newsgraph query … | head`) is not a failure.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
