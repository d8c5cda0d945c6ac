//! `cargo run -p lesson-05-asyncio`: Python's asyncio, done with tokio, measured.

use std::process::ExitCode;

use clap::Parser;
use lesson_05_asyncio::{Settings, basics, blocking, cancel, files, gather, http, limit, scale};
use shared::cli::{CommonArgs, LiveArgs, check_usage, exit_code, usage_error};
use shared::report::Report;
use shared::server::TestServer;

/// Lesson 05: async with tokio. Futures and runtimes, gather, async HTTP with one client,
/// semaphores, timeouts and cancellation, not blocking the runtime, files, and a hundred
/// thousand waiting tasks.
#[derive(Debug, Parser)]
#[command(name = "lesson-05-asyncio")]
struct Args {
    #[command(flatten)]
    common: CommonArgs,

    /// The semaphore's limit in section 4
    #[arg(long, value_name = "K", default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=10))]
    limit: u16,

    /// Tasks to start in section 8 [default: 100000, or 10000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    tasks: Option<u32>,

    /// OS threads to start in section 8, for comparison [default: 1000, or 200 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    threads: Option<u32>,

    #[command(flatten)]
    live: LiveArgs,
}

/// How many numbered sections the lesson has.
const SECTIONS: u32 = 8;

fn main() -> ExitCode {
    let args = Args::parse();
    let package = env!("CARGO_PKG_NAME");
    if let Err(why) = check_usage(
        &args.common,
        SECTIONS,
        &args.live,
        package,
        cfg!(feature = "tls"),
    ) {
        return usage_error(&why);
    }
    #[cfg(feature = "tls")]
    shared::tls::install_crypto_provider();
    exit_code(run(&args))
}

fn run(args: &Args) -> anyhow::Result<()> {
    let common = &args.common;
    let settings = Settings {
        unit: common.unit(),
        quick: common.quick,
        limit: usize::from(args.limit),
        tasks: args
            .tasks
            .map_or(common.size(100_000, 10_000), |n| n as usize),
        threads: args.threads.map_or(common.size(1000, 200), |n| n as usize),
        live: args.live.clone(),
    };
    let server = TestServer::start()?;
    let mut report = Report::new("05-asyncio", common);
    if common.sections.is_empty() {
        report.title(
            "Lesson 05: async with tokio",
            "Python's asyncio, done with tokio. Every section says what is about to happen, runs \
             it, and shows what it measured; timelines show what ran when, one lane per task.",
        );
    }
    let runs = |section| common.runs_section(section);
    if runs(1) {
        basics::show(&mut report, &settings)?;
    }
    if runs(2) {
        gather::show(&mut report, &settings)?;
    }
    if runs(3) {
        http::show(&mut report, &settings, &server)?;
    }
    if runs(4) {
        limit::show(&mut report, &settings, &server)?;
    }
    if runs(5) {
        cancel::show(&mut report, &settings, &server)?;
    }
    if runs(6) {
        blocking::show(&mut report, &settings)?;
    }
    if runs(7) {
        files::show(&mut report, &settings)?;
    }
    if runs(8) {
        scale::show(&mut report, &settings)?;
    }
    Ok(())
}
