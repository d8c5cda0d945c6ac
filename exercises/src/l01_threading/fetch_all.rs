//! # Exercise: fetch every URL at once
//!
//! The Python tutorials start one `threading.Thread` per URL and collect the results in a
//! shared dict. Do it the Rust way: one *scoped* thread per URL, each returning its result
//! through its join handle, so no shared state and no lock are needed.
//!
//! `fetch_all(client, urls)` downloads every URL at the same time and returns, **in the order
//! of `urls`**, the size of each body in bytes, or the error for that URL:
//!
//! - every request must be in flight at once (the tests' server only answers some URLs when
//!   all of them are waiting together, so a loop that fetches one URL after another fails);
//! - an error status (404, 500) is an error, not a body: `error_for_status()` makes it one;
//! - one failing URL must not stop the others.
//!
//! The `client` already has a timeout; share it by reference (`&Client`), no cloning needed.
//!
//! Tests: `cargo test -p exercises l01_threading::fetch_all`.
//! Hints, and where to read: `cargo run -p exercises -- hint fetch_all`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use reqwest::blocking::Client;

/// Downloads every URL in `urls` at the same time; returns each body's size or error, in the
/// order of `urls`.
pub fn fetch_all(client: &Client, urls: &[String]) -> Vec<Result<usize, reqwest::Error>> {
    // TODO: inside std::thread::scope, spawn one thread per URL that GETs it, turns an error
    // status into an error, and returns the body's length. Keep the handles in a Vec, in
    // order, and join them after *all* have been spawned.
    todo!("l01_threading::fetch_all: fetch every URL on its own scoped thread")
}
