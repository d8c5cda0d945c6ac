//! Lesson 05: a deadline per request, and the results that made it.

use std::time::Duration;

use reqwest::Client;

/// What one request did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    /// The body arrived: its size in bytes.
    Done(usize),
    /// The request failed before the deadline; the text says why.
    Failed(String),
    /// The deadline passed first.
    TimedOut,
}

/// Downloads every URL at the same time, each with `deadline` to finish; returns what each
/// request did, in the order of `urls`.
///
/// The timeout wraps each request inside its own task, so each deadline starts with its own
/// request and a silent server costs only its own result. A timeout around the whole batch
/// would throw away every answer that had already arrived.
pub async fn fetch_with_deadline(
    client: &Client,
    urls: &[String],
    deadline: Duration,
) -> Vec<Fetch> {
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move {
                match tokio::time::timeout(deadline, fetch(&client, &url)).await {
                    Ok(Ok(size)) => Fetch::Done(size),
                    Ok(Err(error)) => Fetch::Failed(error.to_string()),
                    Err(_elapsed) => Fetch::TimedOut,
                }
            })
        })
        .collect();
    let mut results = Vec::with_capacity(tasks.len());
    for task in tasks {
        results.push(task.await.expect("a download task panicked"));
    }
    results
}

async fn fetch(client: &Client, url: &str) -> Result<usize, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    Ok(body.len())
}
