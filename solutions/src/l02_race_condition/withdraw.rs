//! l02_race_condition::withdraw: the reference answer.

/// Returns the answer.
pub fn answer() -> u32 {
    42
}
