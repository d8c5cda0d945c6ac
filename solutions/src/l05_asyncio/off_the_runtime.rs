//! Lesson 05: keep the runtime responsive.

use std::panic;

/// Runs the blocking `work` off the runtime's threads and returns its result.
///
/// `spawn_blocking` runs the closure on tokio's blocking pool, a separate set of threads that
/// exists for exactly this, and returns a handle the task can await without blocking. The
/// handle's error is either a panic in `work`, passed on here unchanged, or a cancellation,
/// which cannot happen to blocking work that has started.
pub async fn run_blocking<T>(work: impl FnOnce() -> T + Send + 'static) -> T
where
    T: Send + 'static,
{
    match tokio::task::spawn_blocking(work).await {
        Ok(value) => value,
        Err(error) => panic::resume_unwind(error.into_panic()),
    }
}
