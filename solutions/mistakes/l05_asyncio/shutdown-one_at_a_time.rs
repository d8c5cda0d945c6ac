//! MISTAKE: runs the jobs one after another in this task, checking for the signal between them.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use tokio::sync::oneshot;

/// A job.
pub type Job = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// What happened to the jobs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShutdownReport {
    /// Jobs that ran to the end.
    pub finished: Vec<usize>,
    /// Jobs that were cancelled.
    pub cancelled: Vec<usize>,
}

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
