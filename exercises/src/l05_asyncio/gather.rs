//! # Exercise: gather, with one task per URL
//!
//! `asyncio.gather(*(fetch(session, url) for url in urls))` starts every download, waits for
//! all of them, and returns the results in the order of the URLs. Write the same with tokio and
//! reqwest's async `Client`:
//!
//! - every request in flight at once (the tests' server only answers some URLs when all of
//!   them are waiting together, so awaiting one request after another fails);
//! - results in the order of `urls`, not the order the downloads finish;
//! - an error status (404, 500) is an error: `error_for_status()`;
//! - one failing URL does not stop the others.
//!
//! A `reqwest::Client` is a handle to a shared connection pool: `client.clone()` is cheap, and
//! a spawned task needs its own clone (and its own copy of the URL), because `tokio::spawn`
//! requires `'static` futures.
//!
//! Tests: `cargo test -p exercises l05_asyncio::gather`.
//! Hints, and where to read: `cargo run -p exercises -- hint gather`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use reqwest::Client;

/// Downloads every URL in `urls` at the same time; returns each body's size or error, in the
/// order of `urls`.
pub async fn fetch_all(client: &Client, urls: &[String]) -> Vec<Result<usize, reqwest::Error>> {
    // TODO: spawn one task per URL (each with its own client clone and URL), keep the
    // JoinHandles in order, then await them one by one.
    todo!("l05_asyncio::gather: fetch every URL in a task of its own")
}
