//! MISTAKE: one loop for both phases, with the arm `Ok(()) = &mut shutdown`. A closed channel
//! gives `Err`, which the pattern does not match, so select! only disables the arm for that
//! turn; on the next turn of the loop the finished receiver is polled again, and tokio panics
//! with "called after complete".

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

/// Polls a completed oneshot again when the sender is dropped.
pub async fn run_until_shutdown(
    jobs: Vec<Job>,
    mut shutdown: oneshot::Receiver<()>,
    grace: Duration,
) -> ShutdownReport {
    let count = jobs.len();
    let mut running = spawn_all(jobs);
    let mut finished = Vec::new();
    let mut stop_at = None;
    loop {
        let grace_over = async {
            match stop_at {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            next = running.join_next() => match next {
                Some(outcome) => finished.push(outcome.unwrap()),
                None => return report(finished, count),
            },
            Ok(()) = &mut shutdown, if stop_at.is_none() => {
                stop_at = Some(tokio::time::Instant::now() + grace);
            }
            () = grace_over => break,
        }
    }
    abort_and_drain(running, &mut finished).await;
    report(finished, count)
}
