//! The course's test suite, run against your code in `exercises/src`.
//!
//! `cargo test -p exercises` runs every exercise's tests; add a filter to run fewer:
//! `cargo test -p exercises l01_threading` (one lesson), `… l01_threading::event` (one exercise).
//! The suite itself lives in `tests/suite/`: read it to see exactly what is checked.

use exercises as subject;

mod kit;
#[path = "suite/mod.rs"]
mod suite;
