//! # Exercise: (a title)
//!
//! (The task: what to write, and every behaviour the tests check, in the learner's terms.)
//!
//! Tests: `cargo test -p exercises l06_sched_queue::joinable`.
//! Hints, and where to read: `cargo run -p exercises -- hint l06_sched_queue::joinable`.

/// Returns the answer.
pub fn answer() -> u32 {
    // TODO: return the answer the tests expect.
    todo!("l06_sched_queue::joinable")
}
