//! Lesson 05: all or nothing, with the rest cancelled.

use reqwest::Client;
use shared::http::fetch;
use tokio::task::JoinSet;

/// The first download that failed: its position in `urls`, and why.
#[derive(Debug)]
pub struct Failed {
    /// Its position in `urls`.
    pub index: usize,
    /// What went wrong.
    pub error: reqwest::Error,
}

/// Downloads every URL at once; every body's size in the order of `urls`, or the first failure
/// with the other downloads cancelled.
///
/// A JoinSet gives the tasks back in the order they finish, so the first failure is seen as soon
/// as it happens, whatever its position. Returning from inside the loop drops the set, and a
/// dropped JoinSet aborts every task still in it: their requests are dropped where they wait,
/// which closes their connections. Each task carries its index, so the sizes go back into input
/// order.
pub async fn try_fetch_all(client: &Client, urls: &[String]) -> Result<Vec<usize>, Failed> {
    let mut downloads = JoinSet::new();
    for (index, url) in urls.iter().enumerate() {
        let (client, url) = (client.clone(), url.clone());
        downloads.spawn(async move { (index, fetch(&client, &url).await) });
    }
    let mut sizes = vec![0; urls.len()];
    while let Some(finished) = downloads.join_next().await {
        let (index, outcome) = finished.expect("a download task panicked");
        match outcome {
            Ok(size) => sizes[index] = size,
            Err(error) => return Err(Failed { index, error }),
        }
    }
    Ok(sizes)
}
