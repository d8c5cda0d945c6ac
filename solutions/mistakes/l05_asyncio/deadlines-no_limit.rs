//! MISTAKE: the deadline is right, but the semaphore is forgotten: every request starts at once.

use std::time::Duration;

use reqwest::Client;
use shared::http::fetch;
use shared::tasks::in_order;
use tokio::time::{Instant, timeout_at};

pub use solutions::l05_asyncio::deadlines::Fetch;

/// One deadline, no limit.
pub async fn fetch_until(
    client: &Client,
    urls: &[String],
    _limit: usize,
    deadline: Duration,
) -> Vec<Fetch> {
    let end = Instant::now() + deadline;
    let tasks = urls
        .iter()
        .map(|url| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move {
                match timeout_at(end, fetch(&client, &url)).await {
                    Ok(Ok(size)) => Fetch::Done(size),
                    Ok(Err(error)) => Fetch::Failed(error.to_string()),
                    Err(_) => Fetch::TimedOut,
                }
            })
        })
        .collect();
    in_order(tasks).await
}
