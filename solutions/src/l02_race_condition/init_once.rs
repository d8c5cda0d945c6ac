//! l02_race_condition::init_once: the reference answer.

/// Returns the answer.
pub fn answer() -> u32 {
    42
}
