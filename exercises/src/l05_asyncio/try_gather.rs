//! # Exercise: all or nothing, with the rest cancelled
//!
//! Section 3 gathered every download, failures included, like `asyncio.gather`. Often one
//! failure makes the rest worthless: a page is useless with one of its parts missing. Python's
//! `asyncio.TaskGroup` then cancels the tasks still running and raises the first error. Write
//! `try_fetch_all(client, urls)`:
//!
//! - every request in flight at once (the tests' server answers some URLs only when all of them
//!   are waiting together);
//! - if every download succeeds: `Ok` with each body's size, in the order of `urls`;
//! - as soon as one download fails (an error status such as 404 or 500 counts): `Err` with that
//!   URL's position in `urls` and its error, **without waiting for the others**, which may never
//!   answer (the tests' client has no timeout);
//! - the downloads still running are cancelled, not left to run unwatched: the tests' server
//!   checks that their requests go away.
//!
//! `shared::http::fetch(&client, &url)` downloads one URL (it is not the exercise). A
//! `tokio::task::JoinSet` hands back tasks in the order they finish, and aborts the tasks still
//! in it when it is dropped; a plain `JoinHandle`, dropped, only detaches its task.
//!
//! Tests: `cargo test -p exercises l05_asyncio::try_gather`.
//! Hints, and where to read: `cargo run -p exercises -- hint try_gather`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use reqwest::Client;

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
pub async fn try_fetch_all(client: &Client, urls: &[String]) -> Result<Vec<usize>, Failed> {
    // TODO: a task per URL (each remembering its index); take results as they finish; on the
    // first error, make sure the others are cancelled and return it.
    todo!("l05_asyncio::try_gather: every size, or the first failure with the rest cancelled")
}
