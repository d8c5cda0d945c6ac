//! # Exercise: (a title)
//!
//! (The task: what to write, and every behaviour the tests check, in the learner's terms.)
//!
//! Tests: `cargo test -p exercises l02_race_condition::init_once`.
//! Hints, and where to read: `cargo run -p exercises -- hint l02_race_condition::init_once`.

/// Returns the answer.
pub fn answer() -> u32 {
    // TODO: return the answer the tests expect.
    todo!("l02_race_condition::init_once")
}
