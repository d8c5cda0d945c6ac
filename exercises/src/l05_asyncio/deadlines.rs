//! # Exercise: a deadline per request, and the results that made it
//!
//! Some servers never answer. Give every request its own deadline, run them all at once, and
//! return what each one did:
//!
//! - `Fetch::Done(size)` if the body arrived within the deadline;
//! - `Fetch::Failed(why)` if it failed first (an error status, a refused connection);
//! - `Fetch::TimedOut` if the deadline passed first.
//!
//! The deadline counts from each request's start and applies to each request on its own: one
//! silent server must not cost the others their results. The `client` has no timeout of its
//! own; use `tokio::time::timeout`, which gives up on any future (and drops it, which cancels
//! the request).
//!
//! Tests: `cargo test -p exercises l05_asyncio::deadlines`.
//! Hints, and where to read: `cargo run -p exercises -- hint deadlines`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use std::time::Duration;

use reqwest::Client;

/// What one request did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    /// The body arrived: its size in bytes.
    Done(usize),
    /// The request failed before the deadline; the text says why.
    Failed(String),
    /// The deadline passed first.
    TimedOut,
}

/// Downloads every URL at the same time, each with `deadline` to finish; returns what each
/// request did, in the order of `urls`.
pub async fn fetch_with_deadline(
    client: &Client,
    urls: &[String],
    deadline: Duration,
) -> Vec<Fetch> {
    // TODO: a task per URL; in each, tokio::time::timeout(deadline, the request) and turn its
    // result into a Fetch.
    todo!("l05_asyncio::deadlines: give every request its own deadline")
}
