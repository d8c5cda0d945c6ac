//! MISTAKE: each task sends its result over a channel and the first error is returned at once,
//! but the other tasks are never cancelled: their JoinHandles are dropped, which detaches them,
//! so their requests run on after the caller has been told it is all over.

use reqwest::Client;
use shared::http::fetch;
use tokio::sync::mpsc;

pub use solutions::l05_asyncio::try_gather::Failed;

/// Returns at the first error and leaves the rest running.
pub async fn try_fetch_all(client: &Client, urls: &[String]) -> Result<Vec<usize>, Failed> {
    let (done, mut results) = mpsc::unbounded_channel();
    for (index, url) in urls.iter().enumerate() {
        let (client, url, done) = (client.clone(), url.clone(), done.clone());
        tokio::spawn(async move {
            let _ = done.send((index, fetch(&client, &url).await));
        });
    }
    drop(done);
    let mut sizes = vec![0; urls.len()];
    while let Some((index, outcome)) = results.recv().await {
        match outcome {
            Ok(size) => sizes[index] = size,
            Err(error) => return Err(Failed { index, error }),
        }
    }
    Ok(sizes)
}
