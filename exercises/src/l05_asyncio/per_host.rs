//! # Exercise: at most k requests per host
//!
//! Section 4 limited *all* requests with one semaphore. A crawler needs something finer: be
//! polite to each server (at most `per_host` requests to any one host at a time) without letting
//! a slow host hold up the others. Write `fetch_per_host(client, urls, per_host)`:
//!
//! - at most `per_host` requests to the same host (host name and port) at a time, and really
//!   `per_host`, not fewer: the tests' servers count them;
//! - hosts do not wait for one another: while one host's requests hang, another host's requests
//!   go ahead;
//! - a request holds its place until its whole body has arrived, not just its headers: the
//!   tests' server sends some bodies slowly and counts a download until its last byte;
//! - every URL fetched, each body's size or error in the order of `urls`.
//!
//! `shared::http::fetch(&client, &url)` downloads one URL, body included. `reqwest::Url::parse`
//! takes a URL apart (`host_str()`, `port_or_known_default()`). A permit of `tokio::sync::Semaphore`
//! goes back when it is dropped: `let _permit = …` holds it to the end of the block, while
//! `let _ = …` drops it at once.
//!
//! Tests: `cargo test -p exercises l05_asyncio::per_host`.
//! Hints, and where to read: `cargo run -p exercises -- hint per_host`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use reqwest::Client;

/// Downloads every URL, at most `per_host` at a time to any one host; each body's size or
/// error, in the order of `urls`.
pub async fn fetch_per_host(
    client: &Client,
    urls: &[String],
    per_host: usize,
) -> Vec<Result<usize, reqwest::Error>> {
    // TODO: one semaphore of `per_host` permits per host, shared by that host's tasks; a task per
    // URL that holds a permit of its host's semaphore for the whole download.
    todo!("l05_asyncio::per_host: fetch every URL, at most `per_host` per host at a time")
}
