//! The exercises' tests, grouped like the exercises: `suite::<lesson>::<exercise>::<test>`.
//!
//! `crate::subject` is the crate under test: `exercises` when you run `cargo test -p exercises`,
//! `solutions` when the workspace runs `cargo test`. Each lesson's `mod.rs` names its part of
//! it `subject`, and each test file uses `super::subject::…`, so the same file also tests the
//! plausible mistakes in `solutions/mistakes/`. Every test here must fail against the untouched
//! stubs, pass against the solutions, and catch the mistakes; `cargo run -p exercises --
//! verify` checks all three.
//!
//! No test measures wall-clock time. Concurrency is proven by rendezvous (work that only
//! finishes if it runs at the same time as other work), limits by gauges (the peak of work in
//! flight), and anything that could hang runs under a timeout guard that fails with a message.

mod l00_gil_analogy;
mod l01_threading;
mod l02_race_condition;
#[cfg(unix)]
mod l03_multiprocessing;
mod l04_futures;
mod l05_asyncio;
mod l06_sched_queue;
mod warmup;
