//! MISTAKE: one timeout around the whole batch: when the deadline comes, every answer that had
//! already arrived is thrown away with the ones still missing.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Client;
use shared::http::fetch;
use shared::tasks::in_order;
use tokio::sync::Semaphore;

pub use solutions::l05_asyncio::deadlines::Fetch;

/// All or nothing.
pub async fn fetch_until(
    client: &Client,
    urls: &[String],
    limit: usize,
    deadline: Duration,
) -> Vec<Fetch> {
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
    let aborts: Vec<_> = tasks.iter().map(|task| task.abort_handle()).collect();
    match tokio::time::timeout(deadline, in_order(tasks)).await {
        Ok(results) => results,
        Err(_) => {
            aborts.iter().for_each(|task| task.abort());
            vec![Fetch::TimedOut; urls.len()]
        }
    }
}
