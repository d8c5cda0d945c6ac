//! # Exercise: a blocking source, streamed to async code
//!
//! Section 6 handed one blocking computation to `spawn_blocking` and awaited its one answer.
//! Often the blocking side produces a *stream*: lines read with `std::io`, rows from a
//! synchronous database driver, events from a blocking library. Write
//! `stream_blocking(source, capacity)`: it runs the blocking iterator `source` off the runtime's
//! threads and returns a `tokio::sync::mpsc::Receiver` from which async code takes the items, in
//! order, as they come:
//!
//! - the runtime keeps running other tasks while `source` blocks (the tests run on a
//!   current-thread runtime, asyncio's model, with a heartbeat task beside it);
//! - backpressure: the channel holds at most `capacity` items, so `source` is read no faster than
//!   the items are taken (never more than `capacity` items, plus the one being handed over, ahead
//!   of the consumer);
//! - when `source` ends, the stream ends (`recv()` gives `None`); if the receiver is dropped,
//!   reading stops;
//! - a `capacity` of 0 is the caller's mistake: panic with a message that says "capacity".
//!
//! Call it from async code: it needs a runtime. Python's nearest equivalent is a thread that puts
//! items on a bounded `asyncio.Queue` with `asyncio.run_coroutine_threadsafe(queue.put(item),
//! loop).result()`.
//!
//! Tests: `cargo test -p exercises l05_asyncio::off_the_runtime`.
//! Hints, and where to read: `cargo run -p exercises -- hint off_the_runtime`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use tokio::sync::mpsc::Receiver;

/// Reads `source` off the runtime's threads and streams its items, at most `capacity` ahead.
pub fn stream_blocking<T, I>(source: I, capacity: usize) -> Receiver<T>
where
    T: Send + 'static,
    I: Iterator<Item = T> + Send + 'static,
{
    // TODO: a bounded channel of `capacity`; a blocking thread that sends each item of `source`
    // (waiting while the channel is full); return the receiving end.
    todo!("l05_asyncio::off_the_runtime: stream a blocking source to async code")
}
