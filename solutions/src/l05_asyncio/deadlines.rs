//! Lesson 05: a deadline for the whole batch, with a limit.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Client;
use shared::http::fetch;
use shared::tasks::in_order;
use tokio::sync::Semaphore;
use tokio::time::{Instant, timeout_at};

/// What happened to one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    /// The whole body arrived: its size in bytes.
    Done(usize),
    /// The request failed before the deadline; the text says why.
    Failed(String),
    /// The deadline came first.
    TimedOut,
}

/// Downloads `urls`, at most `limit` at a time, until `deadline` from now; what happened to each
/// URL, in order.
///
/// The end is one moment, computed once, and every task races against it with `timeout_at`:
/// `timeout(deadline, …)` inside each task would give each request the whole time again, from
/// whenever it got its turn. The permit is taken inside the race, so a URL still queued at the
/// end times out too, and the body is read inside it (`fetch` reads it), so a slow body cannot
/// outlast the deadline. Losing the race drops the request, which cancels it.
pub async fn fetch_until(
    client: &Client,
    urls: &[String],
    limit: usize,
    deadline: Duration,
) -> Vec<Fetch> {
    let end = Instant::now() + deadline;
    let permits = Arc::new(Semaphore::new(limit));
    let tasks = urls
        .iter()
        .map(|url| {
            let (client, url, permits) = (client.clone(), url.clone(), Arc::clone(&permits));
            tokio::spawn(async move {
                let download = async {
                    let _permit = permits.acquire().await.expect("never closed");
                    fetch(&client, &url).await
                };
                match timeout_at(end, download).await {
                    Ok(Ok(size)) => Fetch::Done(size),
                    Ok(Err(error)) => Fetch::Failed(error.to_string()),
                    Err(_deadline) => Fetch::TimedOut,
                }
            })
        })
        .collect();
    in_order(tasks).await
}
