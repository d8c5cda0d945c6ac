//! # Lesson 01: threads
//!
//! Python's `threading` module, done in Rust: spawning and joining, getting results back,
//! scoped threads that borrow, overlapping waits, a thread per URL, events and semaphores built
//! from a `Mutex` and a `Condvar`, why there is no `RLock`, and what a thread costs.
//!
//! Each module is one idea: the functions the book quotes, then `show`, which runs them as one
//! numbered section of `cargo run -p lesson-01-threading`.

use std::time::Duration;

pub mod fetch;
pub mod gate;
pub mod overlap;
pub mod reentrancy;
pub mod refused;
pub mod semaphore;
pub mod signals;
pub mod spawn_join;
pub mod thread_cost;

/// What the program was asked to do, after parsing and checking the flags.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long one second of the Python examples lasts.
    pub unit: Duration,
    /// Smaller sizes for a quick run.
    pub quick: bool,
    /// Threads for the CPU-bound section.
    pub threads: usize,
    /// Count the primes below this number in the CPU-bound section.
    pub primes_below: u64,
    /// The semaphore's limit in section 4.
    pub limit: usize,
    /// Threads to start and join in section 6.
    pub spawn_count: usize,
    /// Real URLs to fetch instead of the embedded server's (`--live`).
    pub live: shared::cli::LiveArgs,
}

impl Settings {
    /// How many times to repeat a measurement: the median of three, or one run with `--quick`.
    pub fn runs(&self) -> usize {
        if self.quick { 1 } else { 3 }
    }
}
