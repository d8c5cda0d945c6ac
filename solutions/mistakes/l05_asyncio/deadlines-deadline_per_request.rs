//! MISTAKE: gives each request its own `timeout(deadline, …)` once it has its permit. Each
//! request is bounded, but a request that waited for its turn starts the clock again: the batch
//! can run for many deadlines.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Client;
use shared::http::fetch;
use shared::tasks::in_order;
use tokio::sync::Semaphore;

pub use solutions::l05_asyncio::deadlines::Fetch;

/// A deadline per request.
pub async fn fetch_until(
    client: &Client,
    urls: &[String],
    limit: usize,
    deadline: Duration,
) -> Vec<Fetch> {
    let permits = Arc::new(Semaphore::new(limit));
    let tasks = urls
        .iter()
        .map(|url| {
            let (client, url, permits) = (client.clone(), url.clone(), Arc::clone(&permits));
            tokio::spawn(async move {
                let _permit = permits.acquire().await.unwrap();
                match tokio::time::timeout(deadline, fetch(&client, &url)).await {
                    Ok(Ok(size)) => Fetch::Done(size),
                    Ok(Err(error)) => Fetch::Failed(error.to_string()),
                    Err(_) => Fetch::TimedOut,
                }
            })
        })
        .collect();
    in_order(tasks).await
}
