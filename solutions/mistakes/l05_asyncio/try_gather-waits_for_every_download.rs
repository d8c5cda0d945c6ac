//! MISTAKE: gathers every result first, in order, and looks for an error afterwards: right
//! whenever every server answers, stuck for as long as the slowest one takes when one does not.

use reqwest::Client;
use shared::http::fetch;

pub use solutions::l05_asyncio::try_gather::Failed;

/// Waits for every download, then reports.
pub async fn try_fetch_all(client: &Client, urls: &[String]) -> Result<Vec<usize>, Failed> {
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move { fetch(&client, &url).await })
        })
        .collect();
    let mut sizes = Vec::new();
    for (index, task) in tasks.into_iter().enumerate() {
        match task.await.unwrap() {
            Ok(size) => sizes.push(size),
            Err(error) => return Err(Failed { index, error }),
        }
    }
    Ok(sizes)
}
