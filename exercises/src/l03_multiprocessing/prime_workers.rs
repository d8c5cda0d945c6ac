//! # Exercise: count primes with worker processes
//!
//! Section 1 of the lesson counts primes in worker processes: the lesson program started again
//! in a worker role. Here you write both sides of that conversation. The workers are started
//! for you by a [`WorkerProgram`]: `program.start()` is the course's
//! `Command::new(current_exe()).args(ROLE)…spawn()`, with the worker's standard input and
//! output piped, and it also works inside the test binary, where the worker runs your `serve`.
//!
//! **The worker**, [`serve`]: reads one line, `START END` (two decimal numbers), from `input`;
//! counts the primes `n` with `START <= n < END` (`shared::workload::cpu::count_primes`); writes
//! the count, in decimal, on one line to `output`; and returns. A line that is not two numbers is
//! an `io::Error`.
//!
//! **The parent**, [`count_primes_in_workers`]: counts the primes below `limit` with exactly
//! `workers` worker processes (`1 <= workers <= limit`):
//!
//! - split `0..limit` into `workers` contiguous ranges that cover it exactly
//!   (`shared::workload::cpu::split` does that), and start one worker per range;
//! - the workers must work *at the same time*: send every worker its range before you read any
//!   answer (the tests make workers wait for one another before answering; a worker left alone
//!   gives up after ten seconds);
//! - read every worker's count and add them up;
//! - wait for every worker you started (`Worker::wait`), even when something failed: a child
//!   nobody waits for stays a zombie. A worker that did not exit successfully is an error.
//!
//! Return problems (a worker that cannot start, a missing or garbled answer, a worker that
//! failed) as an `io::Error`; never panic.
//!
//! Tests: `cargo test -p exercises l03_multiprocessing::prime_workers`.
//! Hints, and where to read: `cargo run -p exercises -- hint prime_workers`.

// The stub ignores its parameters until you write the bodies; delete this line when you start.
#![allow(unused_variables)]

use std::io::{self, BufRead, Write};

use shared::worker::WorkerProgram;

/// The worker's side: one line `START END` in, one line with the count of primes out.
pub fn serve(input: impl BufRead, output: impl Write) -> io::Result<()> {
    // TODO: read the line, count the primes in START..END, write the count on a line.
    todo!("l03_multiprocessing::prime_workers: the worker's side")
}

/// The parent's side: the primes below `limit`, counted by `workers` worker processes.
pub fn count_primes_in_workers(
    limit: u64,
    workers: usize,
    program: &WorkerProgram,
) -> io::Result<u64> {
    // TODO: start the workers, send each its range, then read every answer, then wait for all.
    todo!("l03_multiprocessing::prime_workers: the parent's side")
}
