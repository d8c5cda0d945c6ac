//! # Lesson 05: async with tokio
//!
//! Python's `asyncio`, done with tokio: futures and runtimes, gathering, async HTTP with one
//! shared client, semaphores, timeouts and cancellation, what blocking the runtime does and how
//! to avoid it, files, and what a hundred thousand waiting tasks cost.
//!
//! Each module is one idea: the functions the book quotes, then `show`, which runs them as one
//! numbered section of `cargo run -p lesson-05-asyncio`. The program's `main` is an ordinary
//! function: each section builds the runtime it needs, because two of them are about the
//! difference between runtimes.

use std::time::Duration;

use tokio::runtime::{Builder, Runtime};

pub mod basics;
pub mod blocking;
pub mod cancel;
pub mod files;
pub mod gather;
pub mod http;
pub mod limit;
pub mod scale;

/// What the program was asked to do, after parsing and checking the flags.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long one second of the Python examples lasts.
    pub unit: Duration,
    /// Smaller sizes for a quick run.
    pub quick: bool,
    /// The semaphore's limit in section 4.
    pub limit: usize,
    /// Tasks to start in section 8.
    pub tasks: usize,
    /// Threads to start in section 8, for comparison.
    pub threads: usize,
    /// Real URLs to fetch instead of the embedded server's (`--live`).
    pub live: shared::cli::LiveArgs,
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
