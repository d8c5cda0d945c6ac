//! Lesson 05: gather, with one task per URL.

use reqwest::Client;

/// Downloads every URL in `urls` at the same time; returns each body's size or error, in the
/// order of `urls`.
///
/// Every task is spawned before any is awaited: spawning starts the work, awaiting only
/// collects it. Awaiting the handles in spawn order gives input order, while the downloads
/// themselves overlap and finish in whatever order they like.
pub async fn fetch_all(client: &Client, urls: &[String]) -> Vec<Result<usize, reqwest::Error>> {
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| tokio::spawn(fetch(client.clone(), url.clone())))
        .collect();
    let mut results = Vec::with_capacity(tasks.len());
    for task in tasks {
        results.push(task.await.expect("a download task panicked"));
    }
    results
}

async fn fetch(client: Client, url: String) -> Result<usize, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    Ok(body.len())
}
