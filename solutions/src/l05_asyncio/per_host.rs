//! Lesson 05: at most k requests per host.

use std::collections::HashMap;
use std::sync::Arc;

use reqwest::Client;
use shared::http::{Fetched, fetch};
use shared::tasks::in_order;
use tokio::sync::Semaphore;

/// Downloads every URL, at most `per_host` at a time to any one host; each body's size or
/// error, in the order of `urls`.
///
/// One semaphore per host, made before any task starts, so every request to a host shares that
/// host's permits (a semaphore made inside each task would limit nothing). Each task holds its
/// permit through `fetch`, which reads the whole body, and drops it at the end of the task.
/// Tasks waiting for one host's permits do not stop the other hosts' tasks: they are separate
/// tasks, waiting on separate semaphores.
pub async fn fetch_per_host(client: &Client, urls: &[String], per_host: usize) -> Vec<Fetched> {
    let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
    let tasks = urls
        .iter()
        .map(|url| {
            let permits = Arc::clone(
                hosts
                    .entry(host_of(url))
                    .or_insert_with(|| Arc::new(Semaphore::new(per_host))),
            );
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move {
                let _permit = permits
                    .acquire_owned()
                    .await
                    .expect("the semaphore is never closed");
                fetch(&client, &url).await
            })
        })
        .collect();
    in_order(tasks).await
}

/// `host:port` of a URL, or the URL itself if it does not parse (its request will fail and say
/// why).
fn host_of(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(parsed) => format!(
            "{}:{}",
            parsed.host_str().unwrap_or_default(),
            parsed.port_or_known_default().unwrap_or_default()
        ),
        Err(_) => url.to_string(),
    }
}
