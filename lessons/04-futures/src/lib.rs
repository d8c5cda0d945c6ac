//! # Lesson 04: thread pools and futures
//!
//! Python's `concurrent.futures`, done in Rust. The lesson's own [`Executor`] has the shape of
//! `ThreadPoolExecutor`: [`Executor::submit`] returns a [`Handle`] (Python's `Future`) whose
//! `result()` waits for the task; [`Executor::map`] gives results in input order;
//! [`as_completed()`] gives them in the order the tasks finish; dropping the executor is the
//! `with` block's exit. A task's panic becomes an error at `result()`, and the pool serves on.
//! For CPU-bound work, rayon plays the part of `ProcessPoolExecutor`: every core, one process.
//!
//! Each section module is one idea: the functions the book quotes, then `show`, which runs them
//! as one numbered section of `cargo run -p lesson-04-futures`. [`LESSON`] lists the sections.

pub mod as_completed;
pub mod completion;
pub mod cpu;
pub mod downloads;
pub mod executor;
pub mod handle;
pub mod no_priorities;
pub mod refused;
pub mod task_cost;

pub use as_completed::{AsCompleted, as_completed};
pub use executor::{Executor, InOrder, Shutdown};
pub use handle::{Handle, Outcome, TaskError};

use shared::cli::LiveArgs;
use shared::lesson::{Env, Lesson, Section};
use shared::timing::cores;

/// The program: its sections, in the order they run.
pub const LESSON: Lesson<Flags> = Lesson {
    package: env!("CARGO_PKG_NAME"),
    title: "Lesson 04: thread pools and futures",
    about: "Python's concurrent.futures, done in Rust: a thread pool with submit, map and \
            as_completed, errors and panics that come back as values, and rayon for CPU work. \
            Every section says what is about to happen, runs it, and shows what it measured; \
            timelines show what ran when.",
    sections: &[
        Section {
            title: "map: four downloads on four workers, then on two",
            run: downloads::show,
        },
        Section {
            title: "as_completed: finishing order, and a failure that is an error",
            run: completion::show,
        },
        Section {
            title: "CPU work: tiny tasks, then rayon on every core",
            run: cpu::show,
        },
        Section {
            title: "No priorities: first submitted, first started",
            run: no_priorities::show,
        },
        Section {
            title: "A pool or a thread per task",
            run: task_cost::show,
        },
    ],
};

/// The lesson's own flags (every lesson also takes `--quick`, `--json`, `--unit-ms` and
/// `--section`).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// Threads of the custom rayon pool in section 3 [default: the number of CPUs]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,

    /// Count the primes below this number in section 3 [default: 4000000, or 500000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1000..=1_000_000_000))]
    pub primes_below: Option<u64>,

    /// Tiny tasks to run in section 5 [default: 5000, or 1000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub tasks: Option<u32>,

    /// Real URLs for section 2 (`--live`).
    #[command(flatten)]
    pub live: LiveArgs,
}

impl shared::lesson::Flags for Flags {
    fn check(&self, package: &str) -> Result<(), String> {
        self.live.check(package)
    }
}

impl Flags {
    /// Threads of section 3's custom rayon pool.
    pub fn threads(&self) -> usize {
        self.threads.map_or_else(cores, usize::from)
    }

    /// Section 3's prime count.
    pub fn primes_below(&self, env: &Env) -> u64 {
        self.primes_below.unwrap_or(env.size(4_000_000, 500_000))
    }

    /// Section 5's tasks.
    pub fn tasks(&self, env: &Env) -> usize {
        self.tasks.map_or(env.size(5000, 1000), |n| n as usize)
    }
}

/// The name of the thread running this code (`worker 2`), for timeline lanes.
pub fn this_thread() -> String {
    std::thread::current()
        .name()
        .unwrap_or("unnamed thread")
        .to_string()
}
