//! l02_race_condition::publish: the reference answer.

/// Returns the answer.
pub fn answer() -> u32 {
    42
}
