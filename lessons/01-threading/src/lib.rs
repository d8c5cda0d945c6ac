//! # Lesson 01: threads
//!
//! Python's `threading` module, done in Rust: spawning and joining, getting results back,
//! scoped threads that borrow, overlapping waits, a thread per URL, events and semaphores built
//! from a `Mutex` and a `Condvar`, why there is no `RLock`, and what a thread costs.
//!
//! Each module is one idea: the functions the book quotes, then `show`, which runs them as one
//! numbered section of `cargo run -p lesson-01-threading`. [`LESSON`] lists the sections.

pub mod fetch;
pub mod gate;
pub mod overlap;
pub mod reentrancy;
pub mod refused;
pub mod semaphore;
pub mod signals;
pub mod spawn_join;
pub mod thread_cost;

use shared::cli::LiveArgs;
use shared::lesson::{Env, Lesson, Section};
use shared::timing::cores;

/// The program: its sections, in the order they run.
pub const LESSON: Lesson<Flags> = Lesson {
    package: env!("CARGO_PKG_NAME"),
    title: "Lesson 01: threads",
    about: "Python's threading module, done in Rust. Every section says what is about to \
            happen, runs it, and shows what it measured; timelines show what ran when.",
    sections: &[
        Section {
            title: "Spawn, join, and results that come back",
            run: spawn_join::show,
        },
        Section {
            title: "Waits overlap",
            run: overlap::show,
        },
        Section {
            title: "A thread per URL",
            run: fetch::show,
        },
        Section {
            title: "Events and semaphores",
            run: signals::show,
        },
        Section {
            title: "Why there is no RLock",
            run: reentrancy::show,
        },
        Section {
            title: "What a thread costs",
            run: thread_cost::show,
        },
    ],
};

/// The lesson's own flags (every lesson also takes `--quick`, `--json`, `--unit-ms` and
/// `--section`).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// Threads for the CPU-bound section and workers for the last [default: the number of CPUs]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub threads: Option<u16>,

    /// Count the primes below this number in the CPU-bound section [default: 4000000, or 500000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000_000))]
    pub primes_below: Option<u64>,

    /// The semaphore's limit in section 4
    #[arg(long, value_name = "K", default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=10))]
    pub limit: u16,

    /// Threads to start and join in section 6 [default: 1000, or 200 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub spawn_count: Option<u32>,

    /// Real URLs for section 3 (`--live`).
    #[command(flatten)]
    pub live: LiveArgs,
}

impl shared::lesson::Flags for Flags {
    fn check(&self, package: &str) -> Result<(), String> {
        self.live.check(package)
    }
}

impl Flags {
    /// Threads for section 1 and workers for section 6.
    pub fn threads(&self) -> usize {
        self.threads.map_or_else(cores, usize::from)
    }

    /// Section 1's work.
    pub fn primes_below(&self, env: &Env) -> u64 {
        self.primes_below.unwrap_or(env.size(4_000_000, 500_000))
    }

    /// Section 6's threads.
    pub fn spawn_count(&self, env: &Env) -> usize {
        self.spawn_count.map_or(env.size(1000, 200), |n| n as usize)
    }
}
