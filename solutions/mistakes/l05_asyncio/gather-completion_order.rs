//! MISTAKE: collects results from a JoinSet as they finish: concurrent, but in completion
//! order rather than the order of the URLs.

use reqwest::Client;
use tokio::task::JoinSet;

/// Concurrent, with results in completion order.
pub async fn fetch_all(client: &Client, urls: &[String]) -> Vec<Result<usize, reqwest::Error>> {
    let mut tasks = JoinSet::new();
    for url in urls {
        let (client, url) = (client.clone(), url.clone());
        tasks.spawn(async move {
            Ok(client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?
                .len())
        });
    }
    let mut results = Vec::new();
    while let Some(outcome) = tasks.join_next().await {
        results.push(outcome.unwrap());
    }
    results
}
