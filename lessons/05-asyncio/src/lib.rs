//! # Lesson 05: async with tokio
//!
//! Python's `asyncio`, done with tokio: futures and runtimes, gathering, async HTTP with one
//! shared client, semaphores, timeouts and cancellation, what blocking the runtime does and how
//! to avoid it, files, and what a hundred thousand waiting tasks cost.
//!
//! Each module is one idea: the functions the book quotes, then `show`, which runs them as one
//! numbered section of `cargo run -p lesson-05-asyncio`; [`LESSON`] lists the sections. The
//! program's `main` is an ordinary function: each section builds the runtime it needs, because
//! two of them are about the difference between runtimes.

use shared::cli::LiveArgs;
use shared::lesson::{Env, Lesson, Section};
use tokio::runtime::{Builder, Runtime};

pub mod basics;
pub mod blocking;
pub mod cancel;
pub mod files;
pub mod gather;
pub mod http;
pub mod limit;
pub mod scale;

/// The program: its sections, in the order they run.
pub const LESSON: Lesson<Flags> = Lesson {
    package: env!("CARGO_PKG_NAME"),
    title: "Lesson 05: async with tokio",
    about: "Python's asyncio, done with tokio. Every section says what is about to happen, runs \
            it, and shows what it measured; timelines show what ran when, one lane per task.",
    sections: &[
        Section {
            title: "async fn, .await and a runtime",
            run: basics::show,
        },
        Section {
            title: "Gather: waits of 2, 1 and 3 seconds",
            run: gather::show,
        },
        Section {
            title: "Async HTTP with one shared client",
            run: http::show,
        },
        Section {
            title: "A semaphore over 10 requests",
            run: limit::show,
        },
        Section {
            title: "Timeouts and cancellation",
            run: cancel::show,
        },
        Section {
            title: "Never block the runtime",
            run: blocking::show,
        },
        Section {
            title: "Files: tokio::fs is spawn_blocking in disguise",
            run: files::show,
        },
        Section {
            title: "A hundred thousand waits",
            run: scale::show,
        },
    ],
};

/// The lesson's own flags (every lesson also takes `--quick`, `--json`, `--unit-ms` and
/// `--section`).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// The semaphore's limit in section 4
    #[arg(long, value_name = "K", default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=10))]
    pub limit: u16,

    /// Tasks to start in section 8 [default: 100000, or 10000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub tasks: Option<u32>,

    /// OS threads to start in section 8, for comparison [default: 1000, or 200 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub threads: Option<u32>,

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
    /// Section 8's tasks.
    pub fn tasks(&self, env: &Env) -> usize {
        self.tasks.map_or(env.size(100_000, 10_000), |n| n as usize)
    }

    /// Section 8's threads.
    pub fn threads(&self, env: &Env) -> usize {
        self.threads.map_or(env.size(1000, 200), |n| n as usize)
    }
}

/// A multi-threaded runtime, one worker per CPU: what `#[tokio::main]` builds.
pub fn multi_thread_runtime() -> std::io::Result<Runtime> {
    Builder::new_multi_thread().enable_all().build()
}

/// A runtime on the current thread only, like asyncio's event loop: every task takes turns on
/// one thread, so a task that does not reach an `.await` stops all the others.
pub fn current_thread_runtime() -> std::io::Result<Runtime> {
    Builder::new_current_thread().enable_all().build()
}
