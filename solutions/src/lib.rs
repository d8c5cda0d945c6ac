//! # Reference solutions
//!
//! One answer per exercise, in the same module tree as `exercises/src`, tested by the same
//! suite (`cargo test -p solutions`). They are written to be read: each file says why it is
//! built the way it is, and what the tempting wrong version would do.

pub mod l00_gil_analogy;
pub mod l01_threading;
pub mod l02_race_condition;
#[cfg(unix)]
pub mod l03_multiprocessing;
pub mod l04_futures;
pub mod l05_asyncio;
pub mod l06_sched_queue;
pub mod warmup;
