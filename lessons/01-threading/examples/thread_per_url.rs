//! Section 3's idiom without the course's instruments: a scoped thread per URL, results in the
//! order of the URLs, every failure a value for its own URL. It downloads from the course's
//! embedded server, so it runs offline.
//!
//! `cargo run -p lesson-01-threading --example thread_per_url`

use std::thread;
use std::time::Duration;

use reqwest::blocking::Client;
use shared::http::{Network, blocking, describe};
use shared::server::TestServer;

// ANCHOR: idiom
/// Downloads every URL on a thread of its own; each body's size or error, in order.
fn fetch_all(client: &Client, urls: &[String]) -> Vec<Result<usize, reqwest::Error>> {
    thread::scope(|scope| {
        let handles: Vec<_> = urls
            .iter()
            .map(|url| scope.spawn(move || blocking::fetch(client, url)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a download thread panicked"))
            .collect()
    })
}
// ANCHOR_END: idiom

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = TestServer::start()?;
    let urls = vec![
        server.url("/delay/300?bytes=512"),
        server.url("/status/500"),
    ];
    let client = blocking::client(Duration::from_secs(5), Network::Loopback)?;
    for (url, outcome) in urls.iter().zip(fetch_all(&client, &urls)) {
        println!("{url}: {}", describe(&outcome));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_url_at_once_each_outcome_in_place() {
        let server = TestServer::start().unwrap();
        let mut urls = vec![server.url("/barrier/2"); 2];
        urls.push(server.url("/status/404"));
        let client = blocking::client(Duration::from_secs(10), Network::Loopback).unwrap();
        let got: Vec<String> = fetch_all(&client, &urls).iter().map(describe).collect();
        assert_eq!(got[2], "HTTP 404");
        assert!(got[..2].iter().all(|g| g.ends_with("bytes")), "{got:?}");
    }
}
