//! # Exercise: a pool that survives a crashing worker
//!
//! Section 1 of the lesson shows worker processes crash while their parent carries on; section
//! 6 builds a process pool. Put the two together: a pool whose workers run [`job`], which
//! crashes its whole process on some inputs, the way a buggy native library would. A thread
//! pool could not survive that; a process pool can, if it notices, reports and replaces.
//!
//! [`job`] is given: do not change it. It returns n², except that for an `n` ending in `666`
//! it aborts its process (killed by SIGABRT, signal 6), and for an `n` ending in `999` it exits
//! with code 42.
//!
//! **The worker**, [`serve`]: for each line of `input` (a decimal number), writes `job(n)` on a
//! line of `output` and flushes; returns when `input` ends.
//!
//! **The parent**, [`map_sturdy`]: one result per item, in the order of `items`:
//!
//! - `workers` worker processes (from `program.start()`) work at the same time while there are
//!   enough items; each handles one item at a time: send it, read the answer, then the next;
//! - a worker that dies in the middle of an item (its output ends before the answer) makes that
//!   item's result an `Err` saying how it ended, from its exit status (`Worker::wait`; on Unix
//!   `std::os::unix::process::ExitStatusExt::signal()` gives the signal):
//!   [`WorkerError::Killed`] or [`WorkerError::Exited`]. Use `wait`, not `try_wait`: the pipe
//!   closes a moment before the process can be reaped;
//! - a dead worker is replaced by a fresh one if items remain, and the item that killed it is
//!   not retried (it would only kill another): at most `workers` + (the number of crashes)
//!   workers are started in all;
//! - every worker is waited for before `map_sturdy` returns, and nothing hangs;
//! - an item that cannot be handed to any worker (one cannot start, say) gets
//!   [`WorkerError::Lost`].
//!
//! Tests: `cargo test -p exercises l03_multiprocessing::sturdy_pool`.
//! Hints, and where to read: `cargo run -p exercises -- hint sturdy_pool`.

// The stub ignores its parameters until you write the bodies; delete this line when you start.
#![allow(unused_variables)]

use std::fmt;
use std::io::{self, BufRead, Write};

use shared::worker::WorkerProgram;

/// The work for one item (given: do not change it). It crashes its process on some inputs, as
/// code you do not control might.
pub fn job(n: u64) -> u64 {
    match n % 1000 {
        666 => std::process::abort(),
        999 => std::process::exit(42),
        _ => n.wrapping_mul(n),
    }
}

/// Why an item has no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerError {
    /// Its worker exited with this code before answering.
    Exited {
        /// The exit code.
        code: i32,
    },
    /// Its worker was killed by this signal before answering.
    Killed {
        /// The signal's number: 6 is SIGABRT, 9 SIGKILL, 11 SIGSEGV.
        signal: i32,
    },
    /// No worker could take it (one could not start, or could not be talked to), and why.
    Lost(String),
}

impl fmt::Display for WorkerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Exited { code } => write!(f, "its worker exited with code {code}"),
            Self::Killed { signal } => write!(f, "its worker was killed by signal {signal}"),
            Self::Lost(why) => write!(f, "no worker could take it: {why}"),
        }
    }
}

impl std::error::Error for WorkerError {}

/// The worker's side: `job(n)` for every number, each answer flushed at once.
pub fn serve(input: impl BufRead, output: impl Write) -> io::Result<()> {
    // TODO: for each line: parse, write job(n) on a line, flush.
    todo!("l03_multiprocessing::sturdy_pool: the worker's side")
}

/// The parent's side: `job` for every item on a pool of `workers` processes that survives
/// crashes; one result per item, in order.
pub fn map_sturdy(
    items: &[u64],
    workers: usize,
    program: &WorkerProgram,
) -> Vec<Result<u64, WorkerError>> {
    // TODO: `workers` threads, each driving one worker at a time through a shared queue of
    // items; a worker that dies is waited for, its item gets the reason, and a fresh worker
    // takes over. Every worker is waited for before returning.
    todo!("l03_multiprocessing::sturdy_pool: the parent's side")
}
