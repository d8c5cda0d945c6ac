//! MISTAKE: one semaphore for every host. Each host is still polite, but a slow host's requests
//! take every place, and the other hosts wait behind them.

use std::sync::Arc;

use reqwest::Client;
use shared::http::{Fetched, fetch};
use shared::tasks::in_order;
use tokio::sync::Semaphore;

/// One limit shared by all hosts.
pub async fn fetch_per_host(client: &Client, urls: &[String], per_host: usize) -> Vec<Fetched> {
    let permits = Arc::new(Semaphore::new(per_host));
    let tasks = urls
        .iter()
        .map(|url| {
            let (client, url, permits) = (client.clone(), url.clone(), Arc::clone(&permits));
            tokio::spawn(async move {
                let _permit = permits.acquire_owned().await.unwrap();
                fetch(&client, &url).await
            })
        })
        .collect();
    in_order(tasks).await
}
