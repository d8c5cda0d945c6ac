//! # Exercise: keep the runtime responsive
//!
//! Async tasks take turns on the runtime's threads, and a task only gives its thread up at an
//! `.await`. A blocking call (a long computation, `std::thread::sleep`, `std::fs`, a blocking
//! HTTP client) inside async code holds the thread, and on a current-thread runtime, the model
//! of Python's event loop, it stops every other task. Python's answer is
//! `await loop.run_in_executor(None, work)` or `await asyncio.to_thread(work)`.
//!
//! Write `run_blocking(work)`: it runs the blocking closure `work` somewhere other than the
//! runtime's threads and awaits its result, so the runtime keeps running other tasks meanwhile.
//! If `work` panics, the caller should panic with the same message.
//!
//! The tests run a heartbeat task on a current-thread runtime, and give you work that only
//! finishes once it has seen the heartbeat tick: running `work` inline can never pass.
//!
//! Tests: `cargo test -p exercises l05_asyncio::off_the_runtime`.
//! Hints, and where to read: `cargo run -p exercises -- hint off_the_runtime`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

/// Runs the blocking `work` off the runtime's threads and returns its result.
pub async fn run_blocking<T>(work: impl FnOnce() -> T + Send + 'static) -> T
where
    T: Send + 'static,
{
    // TODO: hand `work` to tokio's blocking pool and await the result; pass a panic on.
    todo!("l05_asyncio::off_the_runtime: run the work off the runtime")
}
