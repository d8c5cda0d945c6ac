//! Lesson 05: graceful shutdown, with a grace period.

use std::future::Future;
use std::panic;
use std::pin::Pin;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::{JoinError, JoinSet};

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

/// Runs every job at once until they are all done, or until `grace` after `shutdown` fires;
/// then cancels what is left and reports.
///
/// Two phases, each a loop over `select!`: before the signal, the next job to finish against
/// the signal; after it, the next job to finish against the end of the grace period, a timer
/// started when the signal came. The receiver completes with `Ok` for a message and `Err` when
/// the sender is gone: both mean "stop", so the arm matches any outcome (`_ = …`), and the first
/// phase ends there, so the finished receiver is never polled again. A JoinSet owns its tasks:
/// `abort_all` cancels each where it waits, and draining the set afterwards waits until every
/// cancelled task has really stopped (dropping a plain `JoinHandle` would only detach it).
pub async fn run_until_shutdown(
    jobs: Vec<Job>,
    mut shutdown: oneshot::Receiver<()>,
    grace: Duration,
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
    let mut told_to_stop = false;
    while !told_to_stop {
        tokio::select! {
            next = running.join_next() => match next {
                Some(outcome) => finished.push(index_or_panic(outcome)),
                None => return report(finished, count),
            },
            _ = &mut shutdown => told_to_stop = true,
        }
    }
    let grace_period = tokio::time::sleep(grace);
    tokio::pin!(grace_period);
    loop {
        tokio::select! {
            next = running.join_next() => match next {
                Some(outcome) => finished.push(index_or_panic(outcome)),
                None => return report(finished, count),
            },
            () = &mut grace_period => break,
        }
    }
    running.abort_all();
    while let Some(outcome) = running.join_next().await {
        match outcome {
            Err(error) if error.is_cancelled() => {}
            // A job that finished just before the abort still finished.
            outcome => finished.push(index_or_panic(outcome)),
        }
    }
    report(finished, count)
}

fn report(mut finished: Vec<usize>, count: usize) -> ShutdownReport {
    finished.sort_unstable();
    let cancelled = (0..count)
        .filter(|index| !finished.contains(index))
        .collect();
    ShutdownReport {
        finished,
        cancelled,
    }
}

fn index_or_panic(outcome: Result<usize, JoinError>) -> usize {
    outcome.unwrap_or_else(|error| panic::resume_unwind(error.into_panic()))
}
