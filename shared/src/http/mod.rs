//! HTTP for every lesson and test, blocking or async, written once: building a client,
//! fetching a URL, and saying what happened in the words a person would use.
//!
//! | piece | blocking (threads) | async (tokio) |
//! |---|---|---|
//! | a client with a timeout | [`blocking::client`] | [`client`] |
//! | download, body size or error | [`blocking::fetch`] | [`fetch`] |
//!
//! A download's outcome is a [`Fetched`]: the body's size, or the error, never an error
//! message where a size belongs. [`describe`] turns it into `51200 bytes`, `HTTP 500`,
//! `timed out` or `could not connect`.

pub mod blocking;
mod scenarios;

use std::time::Duration;

pub use scenarios::every_outcome;

use crate::table::Table;

/// The outcome of one download: the body's size in bytes, or why there is none.
pub type Fetched = Result<usize, reqwest::Error>;

/// Where a client's requests go. Proxy settings from the environment (`HTTP_PROXY` …) apply
/// to the internet, but must not capture requests to the embedded server on 127.0.0.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    /// The embedded server on this machine: proxies are ignored.
    Loopback,
    /// Real sites: proxies from the environment are used.
    Internet,
}

/// An async HTTP client that gives up on a request after `timeout`. One client serves a whole
/// program: clones share its connection pool.
pub fn client(timeout: Duration, network: Network) -> reqwest::Result<reqwest::Client> {
    let builder = reqwest::Client::builder().timeout(timeout);
    match network {
        Network::Loopback => builder.no_proxy(),
        Network::Internet => builder,
    }
    .build()
}

// ANCHOR: fetch
/// Downloads `url` and returns the size of its body. An error status (404, 500) is an error
/// too: `error_for_status` turns it into one. The size is counted from the body actually
/// received, not from a header that may be missing or wrong.
pub async fn fetch(client: &reqwest::Client, url: &str) -> Fetched {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    Ok(body.len())
}
// ANCHOR_END: fetch

/// A one-line account of a download's outcome, in the terms a person would use:
/// `51200 bytes`, `HTTP 500`, `timed out`, `could not connect`.
pub fn describe(outcome: &Fetched) -> String {
    match outcome {
        Ok(bytes) => format!("{bytes} bytes"),
        Err(error) if error.is_timeout() => "timed out".into(),
        Err(error) if error.is_connect() => "could not connect".into(),
        Err(error) => match error.status() {
            Some(status) => format!("HTTP {}", status.as_u16()),
            None => format!("failed: {error}"),
        },
    }
}

/// Outcomes in words, in order: what tests compare with the outcomes they expect.
pub fn describe_all(outcomes: &[Fetched]) -> Vec<String> {
    outcomes.iter().map(describe).collect()
}

/// A table of URLs (shortened) and what happened to each.
pub fn outcomes_table<'a>(
    urls: &[String],
    outcomes: impl IntoIterator<Item = &'a Fetched>,
) -> Table {
    let mut table = Table::new(["URL", "outcome"]);
    for (url, outcome) in urls.iter().zip(outcomes) {
        table.row([short_url(url), describe(outcome)]);
    }
    table
}

/// A URL without `http://127.0.0.1:PORT` (the embedded server), for narrow tables and
/// timeline lanes; other URLs lose only their scheme.
pub fn short_url(url: &str) -> String {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    match without_scheme.split_once('/') {
        Some((host, path)) if host.starts_with("127.0.0.1") => format!("/{path}"),
        _ => without_scheme.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names() {
        assert_eq!(short_url("http://127.0.0.1:4000/delay/10"), "/delay/10");
        assert_eq!(
            short_url("https://www.rust-lang.org/learn"),
            "www.rust-lang.org/learn"
        );
        assert_eq!(short_url("plain"), "plain");
    }

    #[test]
    fn outcomes_in_words() {
        assert_eq!(describe(&Ok(42)), "42 bytes");
        // Errors are exercised against the real server in tests/http.rs.
    }
}
