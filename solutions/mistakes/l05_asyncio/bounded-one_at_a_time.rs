//! MISTAKE: holds one permit for the whole batch, so the requests go one at a time, far
//! below the limit.

use std::sync::Arc;

use reqwest::Client;
use tokio::sync::Semaphore;

/// Fetches one URL at a time.
pub async fn fetch_bounded(
    client: &Client,
    urls: &[String],
    limit: usize,
) -> Vec<Result<usize, reqwest::Error>> {
    let permits = Arc::new(Semaphore::new(limit));
    let _permit = permits.acquire().await.unwrap();
    let mut results = Vec::new();
    for url in urls {
        let fetched = async {
            Ok(client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?
                .len())
        };
        results.push(fetched.await);
    }
    results
}
