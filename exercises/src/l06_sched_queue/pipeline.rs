//! # Exercise: a bounded pipeline that stops cleanly, even when a step fails
//!
//! Several producers, several consumers, one bounded channel between them. Python does it with
//! threads around a `queue.Queue(maxsize)` and a sentinel per consumer; do it the Rust way,
//! where the channel closes when its last sender is dropped. Write
//! `run_pipeline(producers, consumers, capacity, work)`:
//!
//! - each producer is an iterator, drained on a thread of its own; all of them send their
//!   items into one channel that holds at most `capacity` items, so a producer that gets ahead
//!   waits in `send`: producers are never more than `capacity` items (plus the one each holds)
//!   ahead of the consumers, however fast they are;
//! - `consumers` threads take items from the channel and call `work` on each, at the same time;
//! - when every producer is done and the channel is empty, the consumers stop by themselves and
//!   `run_pipeline` returns `Ok` with every result, each exactly once, in any order;
//! - when `work` returns `Err` for an item, the whole pipeline stops early and returns that
//!   error (the first one, if several fail): no consumer starts `work` on another item once it
//!   has seen the failure (one already inside `work` may finish), and the producers stop taking
//!   items from their iterators: one waiting in `send` on a full channel must be released, not
//!   left there. (The tests allow `capacity + producers + consumers` items to be taken after
//!   the failing one, and no more.)
//!
//! `capacity` and `consumers` are at least 1.
//!
//! Tests: `cargo test -p exercises l06_sched_queue::pipeline`.
//! Hints, and where to read: `cargo run -p exercises -- hint pipeline`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

/// Runs `work` on every item of every producer, in `consumers` threads, over a channel of
/// `capacity`; returns every result, or the first error.
pub fn run_pipeline<T, U, E, P>(
    producers: Vec<P>,
    consumers: usize,
    capacity: usize,
    work: impl Fn(T) -> Result<U, E> + Sync,
) -> Result<Vec<U>, E>
where
    P: Iterator<Item = T> + Send,
    T: Send,
    U: Send,
    E: Send,
{
    // TODO: a crossbeam bounded channel; a scoped thread per producer (with its own sender)
    // and per consumer (with its own receiver); a shared flag (and a slot for the first
    // error) so the consumers stop together. Make sure that, once the consumers stop, no
    // sender or receiver is left alive that would keep a producer waiting.
    todo!("l06_sched_queue::pipeline: run the pipeline")
}
