//! `cargo run -p lesson-01-threading`: Python's threading module, done in Rust, measured.

use std::process::ExitCode;

use clap::Parser;
use lesson_01_threading::{Settings, fetch, overlap, reentrancy, signals, spawn_join, thread_cost};
use shared::cli::{CommonArgs, LiveArgs, check_usage, exit_code, usage_error};
use shared::report::Report;
use shared::server::TestServer;
use shared::timing::cores;

/// Lesson 01: threads. Spawning and joining, results through join handles, scoped threads,
/// overlapping waits, a thread per URL, events and semaphores, why there is no RLock, and what
/// a thread costs.
#[derive(Debug, Parser)]
#[command(name = "lesson-01-threading")]
struct Args {
    #[command(flatten)]
    common: CommonArgs,

    /// Threads for the CPU-bound section and workers for the last [default: the number of CPUs]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    threads: Option<u16>,

    /// Count the primes below this number in the CPU-bound section [default: 4000000, or 500000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000_000))]
    primes_below: Option<u64>,

    /// The semaphore's limit in section 4
    #[arg(long, value_name = "K", default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=10))]
    limit: u16,

    /// Threads to start and join in section 6 [default: 1000, or 200 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    spawn_count: Option<u32>,

    #[command(flatten)]
    live: LiveArgs,
}

/// How many numbered sections the lesson has.
const SECTIONS: u32 = 6;

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
        threads: args.threads.map_or_else(cores, usize::from),
        primes_below: args.primes_below.unwrap_or(common.size(4_000_000, 500_000)),
        limit: usize::from(args.limit),
        spawn_count: args
            .spawn_count
            .map_or(common.size(1000, 200), |n| n as usize),
        live: args.live.clone(),
    };
    let server = TestServer::start()?;
    let mut report = Report::new("01-threading", common);
    if common.sections.is_empty() {
        report.title(
            "Lesson 01: threads",
            "Python's threading module, done in Rust. Every section says what is about to happen, \
             runs it, and shows what it measured; timelines show what ran when.",
        );
    }
    let runs = |section| common.runs_section(section);
    if runs(1) {
        spawn_join::show(&mut report, &settings)?;
    }
    if runs(2) {
        overlap::show(&mut report, &settings)?;
    }
    if runs(3) {
        fetch::show(&mut report, &settings, &server)?;
    }
    if runs(4) {
        signals::show(&mut report, &settings, &server)?;
    }
    if runs(5) {
        reentrancy::show(&mut report)?;
    }
    if runs(6) {
        thread_cost::show(&mut report, &settings)?;
    }
    Ok(())
}
