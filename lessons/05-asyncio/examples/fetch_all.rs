//! Section 3's idiom without the course's instruments: a task per URL, one shared client, the
//! results in the order of the URLs. It downloads from the course's embedded server.
//!
//! `cargo run -p lesson-05-asyncio --example fetch_all`

use std::time::Duration;

use reqwest::Client;
use shared::http::{Fetched, Network, client, describe, fetch};
use shared::server::TestServer;

// ANCHOR: idiom
/// Downloads every URL at once; each body's size or error, in the order of `urls`.
async fn fetch_all(client: &Client, urls: &[String]) -> Vec<Fetched> {
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url) = (client.clone(), url.clone()); // a task owns what it uses
            tokio::spawn(async move { fetch(&client, &url).await })
        })
        .collect(); // every task is running now
    let mut results = Vec::with_capacity(tasks.len());
    for task in tasks {
        results.push(task.await.expect("a download task panicked"));
    }
    results
}
// ANCHOR_END: idiom

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = TestServer::start()?;
    let urls = vec![
        server.url("/delay/300?bytes=512"),
        server.url("/status/500"),
    ];
    let client = client(Duration::from_secs(5), Network::Loopback)?;
    for (url, outcome) in urls.iter().zip(fetch_all(&client, &urls).await) {
        println!("{url}: {}", describe(&outcome));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_url_at_once_each_outcome_in_place() {
        let server = TestServer::start().unwrap();
        let mut urls = vec![server.url("/barrier/3"); 3];
        urls.push(server.url("/status/404"));
        let client = client(Duration::from_secs(10), Network::Loopback).unwrap();
        let got: Vec<String> = fetch_all(&client, &urls)
            .await
            .iter()
            .map(describe)
            .collect();
        assert_eq!(got[3], "HTTP 404");
        assert!(got[..3].iter().all(|g| g.ends_with("bytes")), "{got:?}");
    }
}
