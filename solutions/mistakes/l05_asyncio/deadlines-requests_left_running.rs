//! MISTAKE: waits for the tasks until the deadline and reports the unfinished ones as timed
//! out, but never cancels them: their JoinHandles are dropped, which detaches the tasks, and
//! their requests run on after the caller has its answer.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Client;
use shared::http::fetch;
use tokio::sync::Semaphore;
use tokio::time::{Instant, timeout_at};

pub use solutions::l05_asyncio::deadlines::Fetch;

/// Stops waiting at the deadline, and stops nothing else.
pub async fn fetch_until(
    client: &Client,
    urls: &[String],
    limit: usize,
    deadline: Duration,
) -> Vec<Fetch> {
    let end = Instant::now() + deadline;
    let permits = Arc::new(Semaphore::new(limit));
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url, permits) = (client.clone(), url.clone(), Arc::clone(&permits));
            tokio::spawn(async move {
                let _permit = permits.acquire().await.unwrap();
                match fetch(&client, &url).await {
                    Ok(size) => Fetch::Done(size),
                    Err(error) => Fetch::Failed(error.to_string()),
                }
            })
        })
        .collect();
    let mut results = Vec::new();
    for mut task in tasks {
        results.push(match timeout_at(end, &mut task).await {
            Ok(outcome) => outcome.unwrap(),
            Err(_) => Fetch::TimedOut,
        });
    }
    results
}
