//! Reporting HTTP outcomes the same way in every lesson, blocking or async.

use crate::table::Table;

/// A one-line account of a download's outcome, in the terms a person would use:
/// `51200 bytes`, `HTTP 500`, `timed out`, `could not connect`.
pub fn describe(outcome: &Result<usize, reqwest::Error>) -> String {
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

/// A table of URLs (shortened) and what happened to each.
pub fn outcomes_table<'a>(
    urls: &[String],
    outcomes: impl IntoIterator<Item = &'a Result<usize, reqwest::Error>>,
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
        // Errors are exercised against the real server in tests/server.rs.
    }
}
