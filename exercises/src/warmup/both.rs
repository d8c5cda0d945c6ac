//! # Warm-up: run two closures at the same time
//!
//! Write `both(a, b)`: it runs the closures `a` and `b` *at the same time* and returns both
//! results, `(a(), b())`. It is a two-line taste of what this course is about, and of how the
//! tests judge it: they hand you two closures that only finish when both are running at once,
//! so a version that calls `a()` and then `b()` can never pass.
//!
//! What the tests check:
//! - `both(a, b)` returns `(a(), b())`;
//! - `a` and `b` run at the same time: each waits for the other to start;
//! - if `a` panics, `both` panics too, **with the same message** (not a message of its own,
//!   such as the one `.unwrap()` would add).
//!
//! Run one of them on a new thread and the other on this one. `std::thread::scope` lets the
//! thread borrow, so the closures need not be `'static`.
//!
//! Tests: `cargo test -p exercises warmup::both`.
//! Hints, and where to read: `cargo run -p exercises -- hint both`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

/// Runs `a` and `b` at the same time and returns `(a(), b())`.
pub fn both<A, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B)
where
    A: Send,
    B: Send,
{
    // TODO: start `a` on a scoped thread, run `b` here, then join the thread.
    todo!("warmup::both: run the two closures at the same time")
}
