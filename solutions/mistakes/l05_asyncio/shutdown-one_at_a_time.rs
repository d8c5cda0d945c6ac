//! MISTAKE: runs the jobs one after another in this task, checking for the signal between them.

use std::time::Duration;

use tokio::sync::oneshot;

pub use solutions::l05_asyncio::shutdown::{Job, ShutdownReport};

/// One job at a time.
pub async fn run_until_shutdown(
    jobs: Vec<Job>,
    mut shutdown: oneshot::Receiver<()>,
    _grace: Duration,
) -> ShutdownReport {
    let count = jobs.len();
    let mut finished = Vec::new();
    for (index, job) in jobs.into_iter().enumerate() {
        tokio::select! {
            () = job => finished.push(index),
            _ = &mut shutdown => break,
        }
    }
    let cancelled = (finished.len()..count).collect();
    ShutdownReport {
        finished,
        cancelled,
    }
}
