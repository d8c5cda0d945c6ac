//! The exercises' tests, grouped like the exercises: `suite::<lesson>::<exercise>::<test>`.
//!
//! `crate::subject` is the crate under test: `exercises` when you run `cargo test -p exercises`,
//! `solutions` when the workspace runs `cargo test`. Every test here must fail against the
//! untouched stubs and pass against the solutions; `cargo run -p exercises -- verify` checks both.
//!
//! No test measures wall-clock time. Concurrency is proven by rendezvous (work that only
//! finishes if it runs at the same time as other work), limits by gauges (the peak of work in
//! flight), and anything that could hang runs under a timeout guard that fails with a message.

use std::time::Duration;

mod cases;
mod l01_threading;
mod l05_asyncio;
mod warmup;

/// How long a test waits for work that should take well under a second before calling it stuck.
/// Generous, because test machines are busy: a correct solution never comes near it.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// Gets the message out of a caught panic.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(a panic without a message)".into())
}
