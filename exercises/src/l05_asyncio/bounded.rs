//! # Exercise: at most `limit` requests at a time
//!
//! Firing every request at once is rude to a server and can exhaust your own sockets. The
//! tutorials' answer is `asyncio.Semaphore(3)` with `async with semaphore:` around each request.
//! Write `fetch_bounded(client, urls, limit)` with `tokio::sync::Semaphore`:
//!
//! - never more than `limit` requests in flight (the tests' server counts them);
//! - but really `limit` at once, not fewer;
//! - every URL fetched, results in the order of `urls`, errors per URL as in `gather`.
//!
//! A permit is given back when it is dropped. Spawned tasks cannot borrow the semaphore, so
//! give each one a clone of an `Arc<Semaphore>`; `acquire_owned` returns a permit that keeps
//! its own `Arc` and borrows nothing.
//!
//! Tests: `cargo test -p exercises l05_asyncio::bounded`.
//! Hints, and where to read: `cargo run -p exercises -- hint bounded`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use reqwest::Client;

/// Downloads every URL in `urls`, at most `limit` at a time; returns each body's size or
/// error, in the order of `urls`.
pub async fn fetch_bounded(
    client: &Client,
    urls: &[String],
    limit: usize,
) -> Vec<Result<usize, reqwest::Error>> {
    // TODO: an Arc<tokio::sync::Semaphore> with `limit` permits; in each task, hold a permit
    // for the duration of the request.
    todo!("l05_asyncio::bounded: fetch every URL, at most `limit` at a time")
}
