//! MISTAKE: `let _ = permits.acquire_owned().await` binds the permit to `_`, which is not a
//! variable: the permit is dropped at the end of that statement, before the request starts.
//! Everything looks limited and nothing is.

use std::collections::HashMap;
use std::sync::Arc;

use reqwest::Client;
use shared::http::{Fetched, fetch};
use shared::tasks::in_order;
use tokio::sync::Semaphore;

/// Takes a permit and drops it at once.
pub async fn fetch_per_host(client: &Client, urls: &[String], per_host: usize) -> Vec<Fetched> {
    let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
    let tasks = urls
        .iter()
        .map(|url| {
            let host = reqwest::Url::parse(url)
                .map(|u| format!("{:?}:{:?}", u.host_str(), u.port()))
                .unwrap_or_default();
            let permits = Arc::clone(
                hosts
                    .entry(host)
                    .or_insert_with(|| Arc::new(Semaphore::new(per_host))),
            );
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move {
                let _ = permits.acquire_owned().await.unwrap();
                fetch(&client, &url).await
            })
        })
        .collect();
    in_order(tasks).await
}
