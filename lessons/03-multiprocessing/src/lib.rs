//! # Lesson 03: processes
//!
//! Python's `multiprocessing`, done in Rust: why a language without a GIL rarely needs
//! processes for speed and when it does, workers that are this program started again (spawn)
//! or copied (fork), pipes and the cost of sending data, shared memory, a process pool, and
//! what a process costs next to a thread and a task.
//!
//! Each module is one idea: the functions the book quotes, then `show`, which runs them as one
//! numbered section of `cargo run -p lesson-03-multiprocessing`; [`LESSON`] lists the sections.
//! The program starts copies of itself as workers; [`role`] is how a copy knows it is one.
//!
//! Processes, signals, `fork` and shared mappings are Unix ideas: on other systems the
//! program builds, and each section says that it needs Unix.

use std::io;
use std::time::Duration;

use shared::lesson::{Env, Lesson, Section};
use shared::timing::cores;

#[cfg(unix)]
pub mod ended;
#[cfg(unix)]
pub mod fork;
#[cfg(unix)]
pub mod forked;
pub mod frame;
#[cfg(unix)]
pub mod leash;
#[cfg(unix)]
pub mod pipes;
#[cfg(unix)]
pub mod pool;
#[cfg(unix)]
pub mod pooled;
pub mod role;
#[cfg(unix)]
pub mod shared_memory;
#[cfg(unix)]
pub mod spawn;
#[cfg(unix)]
pub mod spawn_cost;
#[cfg(unix)]
pub mod why;

/// Each section's `show`, or, off Unix, a stand-in that says why it cannot run.
#[cfg(unix)]
mod sections {
    pub use crate::forked::show as fork_style;
    pub use crate::pipes::show as pipes;
    pub use crate::pooled::show as pool;
    pub use crate::shared_memory::show as shared_memory;
    pub use crate::spawn::show as spawn_style;
    pub use crate::spawn_cost::show as spawn_cost;
    pub use crate::why::show as why;
}

#[cfg(not(unix))]
mod sections {
    use shared::lesson::Env;
    use shared::report::{Record, Report};

    /// What every section does off Unix.
    pub fn needs_unix(report: &mut Report, _: &Env, _: &crate::Flags) -> anyhow::Result<()> {
        report.say("This section uses Unix processes, signals and shared memory.");
        report.results(&[Record::new("skipped").text("why", "needs a Unix system")]);
        Ok(())
    }

    pub use needs_unix as fork_style;
    pub use needs_unix as pipes;
    pub use needs_unix as pool;
    pub use needs_unix as shared_memory;
    pub use needs_unix as spawn_style;
    pub use needs_unix as spawn_cost;
    pub use needs_unix as why;
}

/// The program: its sections, in the order they run.
pub const LESSON: Lesson<Flags> = Lesson {
    package: env!("CARGO_PKG_NAME"),
    title: "Lesson 03: processes",
    about: "Python's multiprocessing, done in Rust. Every section says what is about to happen, \
            runs it, and shows what it measured; timelines show what ran when, one lane per \
            process. The program starts copies of itself as workers; none outlives it.",
    sections: &[
        Section {
            title: "Why processes, in a language without a GIL",
            run: sections::why,
        },
        Section {
            title: "Spawn-style workers: the program starts itself again",
            run: sections::spawn_style,
        },
        Section {
            title: "Fork-style workers, and why fork and threads do not mix",
            run: sections::fork_style,
        },
        Section {
            title: "Pipes, framing, and what sending data costs",
            run: sections::pipes,
        },
        Section {
            title: "Shared memory: counters every process sees",
            run: sections::shared_memory,
        },
        Section {
            title: "A process pool: map, unordered, chunks",
            run: sections::pool,
        },
        Section {
            title: "What starting a process costs",
            run: sections::spawn_cost,
        },
    ],
};

/// The lesson's own flags (every lesson also takes `--quick`, `--json`, `--unit-ms` and
/// `--section`).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// Worker processes (and threads, for comparison) in sections 1, 3 and 6 [default: the number of CPUs]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub workers: Option<u16>,

    /// Count the primes below this number in sections 1 and 3 [default: 4000000, or 300000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000_000))]
    pub primes_below: Option<u64>,

    /// Add up 0..N in section 2's workers [default: 2000000000, or 100000000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000_000_000))]
    pub sum_to: Option<u64>,

    /// Round trips per message size in section 4 [default: 10000, or 1000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub messages: Option<u32>,

    /// Processes to start in section 7 (ten times as many threads, a thousand times as many tasks) [default: 100, or 20 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub spawn_count: Option<u32>,
}

impl shared::lesson::Flags for Flags {}

impl Flags {
    /// Workers for sections 1, 3 and 6.
    pub fn workers(&self) -> usize {
        self.workers.map_or_else(cores, usize::from)
    }

    /// Sections 1 and 3's work.
    pub fn primes_below(&self, env: &Env) -> u64 {
        self.primes_below.unwrap_or(env.size(4_000_000, 300_000))
    }

    /// Section 2's work.
    pub fn sum_to(&self, env: &Env) -> u64 {
        self.sum_to.unwrap_or(env.size(2_000_000_000, 100_000_000))
    }

    /// Section 4's round trips per size.
    pub fn messages(&self, env: &Env) -> usize {
        self.messages
            .map_or(env.size(10_000, 1_000), |n| n as usize)
    }

    /// Section 7's processes.
    pub fn spawn_count(&self, env: &Env) -> usize {
        self.spawn_count.map_or(env.size(100, 20), |n| n as usize)
    }
}

/// Runs `work` as often as the course's rule says ([`Env::measure`]) and returns the last
/// result with the median time. The first error ends the measurement and is returned.
pub(crate) fn measured<T>(
    env: &Env,
    mut work: impl FnMut() -> io::Result<T>,
) -> anyhow::Result<(T, Duration)> {
    let (mut last, mut failed) = (None, None);
    let samples = env.measure(|| {
        if failed.is_none() {
            match work() {
                Ok(value) => last = Some(value),
                Err(error) => failed = Some(error),
            }
        }
    });
    match (failed, last) {
        (Some(error), _) => Err(error.into()),
        (None, Some(value)) => Ok((value, samples.median())),
        (None, None) => anyhow::bail!("nothing was measured"),
    }
}
