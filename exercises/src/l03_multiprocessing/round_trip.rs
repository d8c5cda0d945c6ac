//! # Exercise: squares over a pipe, both ways at once
//!
//! Section 4 of the lesson sends messages to a worker one at a time and shows why a parent
//! must read a child's output before waiting for it. Here a long stream flows both ways at
//! once: numbers to a worker process, their squares back.
//!
//! **The worker**, [`square_each`]: for each line of `input` (a decimal number below 2³²),
//! writes its square on a line of `output`, and *flushes after each answer*: `output` is
//! buffered, and the parent may wait for one answer before it sends the next number. When
//! `input` ends, it returns.
//!
//! **The parent**, [`squares`]: starts one worker with `program.start()`, sends it every number
//! (one per line), and returns the squares in the order of `numbers`, one per number; then it
//! waits for the worker, and a worker that did not exit successfully is an error.
//!
//! - The stream may be long: the tests send 100 000 numbers, over a megabyte each way, and a
//!   pipe holds 64 KiB. Write everything before reading anything, and both processes end up
//!   waiting for each other. Write on one thread while you read on another
//!   (`std::thread::scope`); `worker.stdin` and `worker.stdout` are separate fields, so you
//!   can take one into the writing thread and keep the other.
//! - Close the worker's input when the last number is sent (drop the `ChildStdin`): only then
//!   does the worker see the end of it and return.
//!
//! Return problems as an `io::Error`; never panic.
//!
//! Tests: `cargo test -p exercises l03_multiprocessing::round_trip`.
//! Hints, and where to read: `cargo run -p exercises -- hint round_trip`.

// The stub ignores its parameters until you write the bodies; delete this line when you start.
#![allow(unused_variables)]

use std::io::{self, BufRead, Write};

use shared::worker::WorkerProgram;

/// The worker's side: a square for every number, each flushed at once.
pub fn square_each(input: impl BufRead, output: impl Write) -> io::Result<()> {
    // TODO: for each line: parse, write the square on a line, flush.
    todo!("l03_multiprocessing::round_trip: the worker's side")
}

/// The parent's side: every number's square, computed by one worker process, in order.
pub fn squares(numbers: &[u64], program: &WorkerProgram) -> io::Result<Vec<u64>> {
    // TODO: start a worker; write the numbers on one thread, read the squares on another;
    // close its input; wait for it.
    todo!("l03_multiprocessing::round_trip: the parent's side")
}
