//! MISTAKE: races only `send()` against the deadline and reads the body afterwards, so a body
//! that arrives slowly can take as long as it likes: "done" is counted at the headers.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Client;
use shared::tasks::in_order;
use tokio::sync::Semaphore;
use tokio::time::{Instant, timeout_at};

pub use solutions::l05_asyncio::deadlines::Fetch;

/// The deadline covers the headers only.
pub async fn fetch_until(
    client: &Client,
    urls: &[String],
    limit: usize,
    deadline: Duration,
) -> Vec<Fetch> {
    let end = Instant::now() + deadline;
    let permits = Arc::new(Semaphore::new(limit));
    let tasks = urls
        .iter()
        .map(|url| {
            let (client, url, permits) = (client.clone(), url.clone(), Arc::clone(&permits));
            tokio::spawn(async move {
                let headers = async {
                    let permit = permits.acquire_owned().await.unwrap();
                    let response = client.get(url).send().await?.error_for_status()?;
                    Ok::<_, reqwest::Error>((permit, response))
                };
                match timeout_at(end, headers).await {
                    Err(_) => Fetch::TimedOut,
                    Ok(Err(error)) => Fetch::Failed(error.to_string()),
                    Ok(Ok((_permit, response))) => match response.bytes().await {
                        Ok(body) => Fetch::Done(body.len()),
                        Err(error) => Fetch::Failed(error.to_string()),
                    },
                }
            })
        })
        .collect();
    in_order(tasks).await
}
