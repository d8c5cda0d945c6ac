//! Lesson 05: at most `limit` requests at a time.

use std::sync::Arc;

use reqwest::Client;
use tokio::sync::Semaphore;

/// Downloads every URL in `urls`, at most `limit` at a time; returns each body's size or
/// error, in the order of `urls`.
///
/// All tasks are spawned at once and queue at the semaphore; each holds its permit for exactly
/// the length of its request. The permit is a guard: it goes back when dropped, on success,
/// on error, or if the task is cancelled, so no path can leak one.
pub async fn fetch_bounded(
    client: &Client,
    urls: &[String],
    limit: usize,
) -> Vec<Result<usize, reqwest::Error>> {
    let permits = Arc::new(Semaphore::new(limit));
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url, permits) = (client.clone(), url.clone(), Arc::clone(&permits));
            tokio::spawn(async move {
                let _permit = permits
                    .acquire_owned()
                    .await
                    .expect("the semaphore is never closed");
                let body = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                Ok(body.len())
            })
        })
        .collect();
    let mut results = Vec::with_capacity(tasks.len());
    for task in tasks {
        results.push(task.await.expect("a download task panicked"));
    }
    results
}
