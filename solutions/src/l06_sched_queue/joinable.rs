//! l06_sched_queue::joinable: the reference answer.

/// Returns the answer.
pub fn answer() -> u32 {
    42
}
