//! MISTAKE: stops *waiting* when the grace period ends, but never cancels: dropping a tokio
//! `JoinHandle` detaches its task, which runs on, unwatched, after the report says it was
//! cancelled.

use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

pub use solutions::l05_asyncio::shutdown::{Job, ShutdownReport};

/// Reports without cancelling anything.
pub async fn run_until_shutdown(
    jobs: Vec<Job>,
    mut shutdown: oneshot::Receiver<()>,
    grace: Duration,
) -> ShutdownReport {
    let count = jobs.len();
    let (done, mut finishing) = mpsc::unbounded_channel();
    for (index, job) in jobs.into_iter().enumerate() {
        let done = done.clone();
        tokio::spawn(async move {
            job.await;
            let _ = done.send(index);
        });
    }
    drop(done);
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
            next = finishing.recv() => match next {
                Some(index) => finished.push(index),
                None => break,
            },
            _ = &mut shutdown, if stop_at.is_none() => {
                stop_at = Some(tokio::time::Instant::now() + grace);
            }
            () = grace_over => break,
        }
    }
    finished.sort_unstable();
    let cancelled = (0..count).filter(|i| !finished.contains(i)).collect();
    ShutdownReport {
        finished,
        cancelled,
    }
}
