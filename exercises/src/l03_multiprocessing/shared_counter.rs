//! # Exercise: one counter, several processes
//!
//! Section 5 of the lesson counts in an anonymous shared mapping, which forked children inherit.
//! Workers started as programs inherit no memory at all; they need a *name* to find shared
//! memory by. `SharedAtomics::create_named(len)` makes a named block of `len` atomic counters,
//! all zero (Python's `shared_memory.SharedMemory(create=True)`); `block.name()` is its name,
//! and `SharedAtomics::open_named(name)` maps the same memory in another process. The block
//! dereferences to `[AtomicU64]`: `block[0]` is the first counter.
//!
//! **The worker**, [`add`]: reads one line `NAME TIMES` from `input`, opens the named block,
//! adds one to its first counter `TIMES` times, and returns. It writes nothing. Other workers
//! add to the same counter at the same moment, so every addition must be safe against theirs.
//!
//! **The parent**, [`count_together`]: creates a block with one counter; starts `workers`
//! workers with `program.start()` and sends each the block's name and `times`; waits for every
//! worker (one that did not exit successfully is an error); and returns the counter's value,
//! which must be exactly `workers × times`.
//!
//! The tests make the workers wait, as soon as they start, until all of them are running (a
//! worker left alone gives up after ten seconds): start them all before you wait for any.
//! Return problems as an `io::Error`; never panic.
//!
//! Tests: `cargo test -p exercises l03_multiprocessing::shared_counter`.
//! Hints, and where to read: `cargo run -p exercises -- hint shared_counter`.

// The stub ignores its parameters until you write the bodies; delete this line when you start.
#![allow(unused_variables)]

use std::io::{self, BufRead, Write};

use shared::worker::WorkerProgram;

/// The worker's side: `NAME TIMES` in; `TIMES` additions to the named block's first counter.
pub fn add(input: impl BufRead, output: impl Write) -> io::Result<()> {
    // TODO: read the line, open the block, add one TIMES times.
    todo!("l03_multiprocessing::shared_counter: the worker's side")
}

/// The parent's side: `workers` workers each add one `times` times to one shared counter.
pub fn count_together(workers: usize, times: u64, program: &WorkerProgram) -> io::Result<u64> {
    // TODO: create the block, start every worker and send it the name and `times`, wait for
    // them all, read the counter.
    todo!("l03_multiprocessing::shared_counter: the parent's side")
}
