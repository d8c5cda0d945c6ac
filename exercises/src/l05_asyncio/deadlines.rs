//! # Exercise: a deadline for the whole batch, with a limit
//!
//! Section 5 gave one request a deadline with `tokio::time::timeout`. A page must be ready in
//! time as a whole: fetch a batch of URLs, at most `limit` at a time (section 4's semaphore),
//! and stop at `deadline` counted from the call. Write
//! `fetch_until(client, urls, limit, deadline)`, which reports for each URL, in order:
//!
//! - `Fetch::Done(size)` if its whole body arrived before the deadline;
//! - `Fetch::Failed(why)` if it failed first (an error status, a refused connection);
//! - `Fetch::TimedOut` if the deadline came first, whether it was downloading or still waiting
//!   for its turn (with a limit, a URL may never get a turn).
//!
//! At most `limit` requests in flight at once, and really `limit`. The deadline is one moment
//! for the whole batch, not a time allowed to each request: a request that starts late gets only
//! what is left. A request cut off by the deadline is cancelled, not left running. The client
//! has no timeout of its own.
//!
//! `shared::http::fetch(&client, &url)` downloads one URL, body included. `tokio::time::timeout_at`
//! takes a deadline as a moment (`tokio::time::Instant`) rather than a duration.
//!
//! Tests: `cargo test -p exercises l05_asyncio::deadlines`.
//! Hints, and where to read: `cargo run -p exercises -- hint deadlines`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use std::time::Duration;

use reqwest::Client;

/// What happened to one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    /// The whole body arrived: its size in bytes.
    Done(usize),
    /// The request failed before the deadline; the text says why.
    Failed(String),
    /// The deadline came first.
    TimedOut,
}

/// Downloads `urls`, at most `limit` at a time, until `deadline` from now; what happened to each
/// URL, in order.
pub async fn fetch_until(
    client: &Client,
    urls: &[String],
    limit: usize,
    deadline: Duration,
) -> Vec<Fetch> {
    // TODO: note the moment the batch must end; a task per URL that waits for a permit and
    // downloads, both within that moment; turn each task's outcome into a Fetch.
    todo!("l05_asyncio::deadlines: fetch within one deadline for the batch, `limit` at a time")
}
