//! MISTAKE: holds the permit around `send()` only, in its own block, and reads the body after
//! it has been given back. The headers come quickly; the body may take long, and meanwhile the
//! next request to the same host is already running.

use std::collections::HashMap;
use std::sync::Arc;

use reqwest::Client;
use shared::http::Fetched;
use shared::tasks::in_order;
use tokio::sync::Semaphore;

/// Limits the requests, not the downloads.
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
                let response = {
                    let _permit = permits.acquire_owned().await.unwrap();
                    client.get(url).send().await?.error_for_status()?
                };
                Ok(response.bytes().await?.len())
            })
        })
        .collect();
    in_order(tasks).await
}
