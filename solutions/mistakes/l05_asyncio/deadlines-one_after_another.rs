//! MISTAKE: a deadline per request, but the requests run one after another.

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

/// One request at a time, each with its own deadline.
pub async fn fetch_with_deadline(
    client: &Client,
    urls: &[String],
    deadline: Duration,
) -> Vec<Fetch> {
    let mut results = Vec::new();
    for url in urls {
        let fetched = async {
            Ok::<_, reqwest::Error>(
                client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?
                    .len(),
            )
        };
        results.push(match tokio::time::timeout(deadline, fetched).await {
            Ok(Ok(size)) => Fetch::Done(size),
            Ok(Err(error)) => Fetch::Failed(error.to_string()),
            Err(_) => Fetch::TimedOut,
        });
    }
    results
}
