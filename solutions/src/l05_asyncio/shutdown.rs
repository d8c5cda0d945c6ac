//! Lesson 05: graceful shutdown.

use std::future::Future;
use std::panic;
use std::pin::Pin;

use tokio::sync::oneshot;
use tokio::task::JoinSet;

/// A job: any future that can run as a task.
pub type Job = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// What happened to the jobs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShutdownReport {
    /// Indices of the jobs that ran to the end, in increasing order.
    pub finished: Vec<usize>,
    /// Indices of the jobs that were cancelled, in increasing order.
    pub cancelled: Vec<usize>,
}

/// Runs every job at once until they are all done or `shutdown` fires, then reports.
///
/// A JoinSet owns its tasks: `abort_all` cancels each at its next `.await`, and draining the set
/// afterwards waits until every cancelled task has really stopped (dropping a plain
/// `JoinHandle` would only detach the task, which would run on unwatched). The receiver
/// completes with `Ok` for a message and `Err` when the sender is gone; both mean "stop".
pub async fn run_until_shutdown(
    jobs: Vec<Job>,
    mut shutdown: oneshot::Receiver<()>,
) -> ShutdownReport {
    let count = jobs.len();
    let mut running = JoinSet::new();
    for (index, job) in jobs.into_iter().enumerate() {
        running.spawn(async move {
            job.await;
            index
        });
    }
    let mut finished = Vec::new();
    loop {
        tokio::select! {
            next = running.join_next() => match next {
                Some(outcome) => finished.push(index_or_panic(outcome)),
                None => break,
            },
            _ = &mut shutdown => {
                running.abort_all();
                break;
            }
        }
    }
    while let Some(outcome) = running.join_next().await {
        match outcome {
            Err(error) if error.is_cancelled() => {}
            // A job that finished just before the abort still finished.
            outcome => finished.push(index_or_panic(outcome)),
        }
    }
    finished.sort_unstable();
    let cancelled = (0..count)
        .filter(|index| !finished.contains(index))
        .collect();
    ShutdownReport {
        finished,
        cancelled,
    }
}

fn index_or_panic(outcome: Result<usize, tokio::task::JoinError>) -> usize {
    outcome.unwrap_or_else(|error| panic::resume_unwind(error.into_panic()))
}
