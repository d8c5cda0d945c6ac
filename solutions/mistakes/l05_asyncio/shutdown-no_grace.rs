//! MISTAKE: cancels at the signal, ignoring `grace`: the work in progress gets no time to
//! finish, which is the whole point of a grace period.

use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinSet;

pub use solutions::l05_asyncio::shutdown::{Job, ShutdownReport};

fn spawn_all(jobs: Vec<Job>) -> JoinSet<usize> {
    let mut running = JoinSet::new();
    for (index, job) in jobs.into_iter().enumerate() {
        running.spawn(async move {
            job.await;
            index
        });
    }
    running
}

fn report(mut finished: Vec<usize>, count: usize) -> ShutdownReport {
    finished.sort_unstable();
    let cancelled = (0..count).filter(|i| !finished.contains(i)).collect();
    ShutdownReport {
        finished,
        cancelled,
    }
}

async fn abort_and_drain(mut running: JoinSet<usize>, finished: &mut Vec<usize>) {
    running.abort_all();
    while let Some(outcome) = running.join_next().await {
        if let Ok(index) = outcome {
            finished.push(index);
        }
    }
}

/// Stops at the signal, whatever the grace.
pub async fn run_until_shutdown(
    jobs: Vec<Job>,
    mut shutdown: oneshot::Receiver<()>,
    _grace: Duration,
) -> ShutdownReport {
    let count = jobs.len();
    let mut running = spawn_all(jobs);
    let mut finished = Vec::new();
    loop {
        tokio::select! {
            next = running.join_next() => match next {
                Some(outcome) => finished.push(outcome.unwrap()),
                None => return report(finished, count),
            },
            _ = &mut shutdown => break,
        }
    }
    abort_and_drain(running, &mut finished).await;
    report(finished, count)
}
