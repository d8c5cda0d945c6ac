//! MISTAKE: only a message means "stop": when the sender is dropped without sending, the jobs
//! run to the end as if nobody had asked.

use std::future::Future;
use std::pin::Pin;

use tokio::sync::oneshot;
use tokio::task::JoinSet;

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

/// Treats a closed channel as "never stop".
pub async fn run_until_shutdown(jobs: Vec<Job>, shutdown: oneshot::Receiver<()>) -> ShutdownReport {
    let count = jobs.len();
    let mut running = JoinSet::new();
    for (index, job) in jobs.into_iter().enumerate() {
        running.spawn(async move {
            job.await;
            index
        });
    }
    let stop = async {
        if shutdown.await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    tokio::pin!(stop);
    let mut finished = Vec::new();
    loop {
        tokio::select! {
            next = running.join_next() => match next {
                Some(outcome) => finished.push(outcome.unwrap()),
                None => break,
            },
            () = &mut stop => {
                running.abort_all();
                break;
            }
        }
    }
    while let Some(outcome) = running.join_next().await {
        if let Ok(index) = outcome {
            finished.push(index);
        }
    }
    finished.sort_unstable();
    let cancelled = (0..count).filter(|i| !finished.contains(i)).collect();
    ShutdownReport {
        finished,
        cancelled,
    }
}
