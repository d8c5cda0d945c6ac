//! MISTAKE: awaits each download before starting the next, with `?`-style early returns. It stops
//! at the first failure, but only once every URL before it has answered, and nothing overlaps.

use reqwest::Client;
use shared::http::fetch;

pub use solutions::l05_asyncio::try_gather::Failed;

/// One download at a time.
pub async fn try_fetch_all(client: &Client, urls: &[String]) -> Result<Vec<usize>, Failed> {
    let mut sizes = Vec::new();
    for (index, url) in urls.iter().enumerate() {
        let size = fetch(client, url)
            .await
            .map_err(|error| Failed { index, error })?;
        sizes.push(size);
    }
    Ok(sizes)
}
