//! # Your exercises
//!
//! Each file under `src/` is one exercise: its doc comment says what to build, every gap is
//! marked `TODO`, and the body ends in `todo!()` until you replace it.
//!
//! ```text
//! cargo run -p exercises                  what is done, what is next
//! cargo test -p exercises warmup::both    one exercise's tests
//! cargo run -p exercises -- hint both     a hint, when you are stuck
//! ```
//!
//! The same tests run against the reference answers in `solutions/` (same file names), so a
//! green run there shows that every test can pass; read them when you are done, or truly stuck.

pub mod l00_gil_analogy;
pub mod l01_threading;
pub mod l02_race_condition;
#[cfg(unix)]
pub mod l03_multiprocessing;
pub mod l04_futures;
pub mod l05_asyncio;
pub mod l06_sched_queue;
pub mod warmup;
