//! MISTAKE: one timeout around the whole batch: when one server is silent, the answers that
//! had already arrived are thrown away with it.

use std::time::Duration;

use reqwest::Client;

/// What one request did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    /// The body arrived: its size in bytes.
    Done(usize),
    /// The request failed before the deadline.
    Failed(String),
    /// The deadline passed first.
    TimedOut,
}

/// Times the batch out as a whole.
pub async fn fetch_with_deadline(
    client: &Client,
    urls: &[String],
    deadline: Duration,
) -> Vec<Fetch> {
    let batch = async {
        let tasks: Vec<_> = urls
            .iter()
            .map(|url| {
                let (client, url) = (client.clone(), url.clone());
                tokio::spawn(async move {
                    match client
                        .get(url)
                        .send()
                        .await
                        .and_then(|r| r.error_for_status())
                    {
                        Ok(response) => match response.bytes().await {
                            Ok(body) => Fetch::Done(body.len()),
                            Err(error) => Fetch::Failed(error.to_string()),
                        },
                        Err(error) => Fetch::Failed(error.to_string()),
                    }
                })
            })
            .collect();
        let mut results = Vec::new();
        for task in tasks {
            results.push(task.await.unwrap());
        }
        results
    };
    match tokio::time::timeout(deadline, batch).await {
        Ok(results) => results,
        Err(_) => vec![Fetch::TimedOut; urls.len()],
    }
}
