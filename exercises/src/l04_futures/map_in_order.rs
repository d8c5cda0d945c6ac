//! # Exercise: map on a few workers, results in input order, borrowing allowed
//!
//! Python's `executor.map(f, inputs)` runs `f` on the pool's workers and gives the results
//! back in the order of the inputs, whatever order they finish in. The lesson's
//! `Executor::map` needs a `'static` function, because its workers outlive any one call.
//! Write `map_in_order(inputs, workers, f)`, whose workers live only for the call, so that `f`
//! may borrow the caller's data (look at its signature: no `'static`):
//!
//! - it calls `f` once for every input, on exactly `workers` threads started for the call: at
//!   most `workers` calls run at any moment, and that many do when there is enough work;
//! - each worker takes the next input as soon as it is free, so one slow input holds up only
//!   its own worker (dealing the inputs out in advance, in chunks or like cards, does not);
//! - it returns the results in the order of `inputs`, whatever order the calls finish in;
//! - no inputs, no results (and no hang); `workers` must be at least 1: panic with a message
//!   saying "at least one worker" for 0.
//!
//! `std::thread::scope` starts threads that may borrow. A `crossbeam::channel` whose receiving
//! end every worker clones is a queue they can share; a second channel can carry each result
//! home with the input's index beside it.
//!
//! Tests: `cargo test -p exercises l04_futures::map_in_order`.
//! Hints, and where to read: `cargo run -p exercises -- hint map_in_order`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

/// `f` applied to every input on `workers` threads; the results in input order.
pub fn map_in_order<A, T, F>(inputs: Vec<A>, workers: usize, f: F) -> Vec<T>
where
    A: Send,
    T: Send,
    F: Fn(A) -> T + Sync,
{
    // TODO: queue the inputs with their indices; start `workers` scoped threads that take
    // inputs from the queue and send back (index, result); put each result in its place.
    todo!("l04_futures::map_in_order: map on a few workers")
}
