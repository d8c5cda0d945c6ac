//! l02_race_condition::transfer: the reference answer.

/// Returns the answer.
pub fn answer() -> u32 {
    42
}
