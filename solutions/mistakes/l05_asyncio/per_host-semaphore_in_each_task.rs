//! MISTAKE: makes the host's semaphore inside each task. Every task gets a fresh semaphore with
//! all its permits free, so nothing is limited at all.

use std::sync::Arc;

use reqwest::Client;
use shared::http::{Fetched, fetch};
use shared::tasks::in_order;
use tokio::sync::Semaphore;

/// A new semaphore per request: no limit.
pub async fn fetch_per_host(client: &Client, urls: &[String], per_host: usize) -> Vec<Fetched> {
    let tasks = urls
        .iter()
        .map(|url| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move {
                let permits = Arc::new(Semaphore::new(per_host));
                let _permit = permits.acquire_owned().await.unwrap();
                fetch(&client, &url).await
            })
        })
        .collect();
    in_order(tasks).await
}
