//! MISTAKE: creates a semaphore and never uses it: every request runs at once.

use std::sync::Arc;

use reqwest::Client;
use tokio::sync::Semaphore;

/// Ignores the limit.
pub async fn fetch_bounded(
    client: &Client,
    urls: &[String],
    limit: usize,
) -> Vec<Result<usize, reqwest::Error>> {
    let _permits = Arc::new(Semaphore::new(limit));
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move {
                Ok(client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?
                    .len())
            })
        })
        .collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap());
    }
    results
}
