//! Section 2: `as_completed` against the embedded server. Downloads are submitted in one order
//! and finish in another; `as_completed` reports each the moment it finishes, `map` in the
//! order of submission. A URL that fails is reported as an error, a different type from a
//! size: never an error message where the size belongs.
//!
//! Each task returns a [`Fetched`], `Result<usize, reqwest::Error>`, and `result()` wraps that
//! in the pool's own `Result`, so a download has three possible fates, which a `match` tells
//! apart: `Ok(Ok(size))`, `Ok(Err(download error))`, and `Err(task error)` (a panic, or a
//! task cancelled before it started).

use std::time::Duration;

use reqwest::blocking::Client;
use shared::http::blocking::{client, fetch};
use shared::http::{Fetched, describe, short_url as short};
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::server::{TestServer, unreachable_url};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human};

use crate::{Executor, Outcome, as_completed};

/// Workers of this section's pool.
pub const WORKERS: usize = 4;

/// A download's fate in words: its size, the download's error (`HTTP 500`), or the task's
/// (`the task panicked: …`).
pub fn in_words(outcome: &Outcome<Fetched>) -> String {
    match outcome {
        Ok(fetched) => describe(fetched),
        Err(task_error) => task_error.to_string(),
    }
}

/// One download, as this section reports it.
#[derive(Debug)]
pub struct Finished {
    /// Its place in the list of URLs: the order of submission.
    pub submitted: usize,
    /// When it finished, from the first submission.
    pub at: Duration,
    /// What happened.
    pub outcome: Outcome<Fetched>,
}

// ANCHOR: fetch_as_completed
/// Submits a download per URL, then takes the outcomes as the downloads finish.
pub fn fetch_as_completed(
    pool: &Executor,
    client: &Client,
    urls: &[String],
    timeline: &Timeline,
) -> Vec<Finished> {
    let clock = Stopwatch::start();
    let handles: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url, timeline) = (client.clone(), url.clone(), timeline.clone());
            pool.submit(move || {
                let _span = timeline.span(short(&url), "download");
                fetch(&client, &url)
            })
        })
        .collect();
    as_completed(handles)
        .map(|(submitted, outcome)| Finished {
            submitted,
            at: clock.elapsed(),
            outcome,
        })
        .collect()
}
// ANCHOR_END: fetch_as_completed

/// The same downloads through `map`: outcomes in the order of `urls`.
pub fn fetch_in_order(pool: &Executor, client: &Client, urls: &[String]) -> Vec<Outcome<Fetched>> {
    let client = client.clone();
    pool.map(move |url: String| fetch(&client, &url), urls.to_vec())
        .collect()
}

/// The embedded server's URLs for this section, in the order they are submitted: two slow
/// downloads (two waits, then one), a server error, an instant download, and an address where
/// nothing listens.
pub fn local_urls(server: &TestServer, unit: Duration) -> Vec<String> {
    vec![
        server.url(&format!("/delay/{}?bytes=51200", (unit * 2).as_millis())),
        server.url(&format!("/delay/{}?bytes=131072", unit.as_millis())),
        server.url("/status/500"),
        server.url("/bytes/1000"),
        unreachable_url(),
    ]
}

/// "1st", "2nd", "3rd", "4th", … for positions counted from 0.
pub fn ordinal(position: usize) -> String {
    let n = position + 1;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Section 2 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &crate::Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    let targets = flags
        .live
        .choose(|| Ok(local_urls(env.server()?, unit)), unit * 4)?;
    let (urls, client) = (&targets.urls, client(targets.timeout, targets.network)?);
    report.say(&format!(
        "Submit {} downloads to a pool of {WORKERS} workers{}, then collect them with \
         as_completed, which yields each one as it finishes. Every request gives up after {}.",
        urls.len(),
        if flags.live.is_live() {
            ", the URLs given with --live"
        } else {
            ": two slow ones (two waits, then one), a server error, an instant one, and an \
             address where nothing listens"
        },
        human(targets.timeout),
    ));
    let pool = Executor::new(WORKERS);
    let timeline = Timeline::new();
    let finished = fetch_as_completed(&pool, &client, urls, &timeline);
    let records: Vec<Record> = finished
        .iter()
        .enumerate()
        .map(|(place, done)| {
            Record::new(short(&urls[done.submitted]))
                .text("submitted", ordinal(done.submitted))
                .text("finished", ordinal(place))
                .duration("at", done.at)
                .text("outcome", in_words(&done.outcome))
        })
        .collect();
    report.results(&records);
    let failed = finished
        .iter()
        .filter(|done| !matches!(done.outcome, Ok(Ok(_))))
        .count();
    report.say(&format!(
        "{} downloaded, {failed} failed, each failure an Err for its own URL. The \
         requests, one lane per URL:",
        finished.len() - failed
    ));
    report.timeline(&timeline);

    let in_order = fetch_in_order(&pool, &client, urls);
    let in_words: Vec<String> = in_order.iter().map(in_words).collect();
    report.say(&format!(
        "map over the same URLs hands the outcomes back in submission order instead: {}.",
        in_words.join(", ")
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::http::Network;

    fn words(finished: &[Finished]) -> Vec<(usize, String)> {
        finished
            .iter()
            .map(|done| (done.submitted, in_words(&done.outcome)))
            .collect()
    }

    #[test]
    fn every_url_gets_its_own_outcome_and_failures_are_errors() {
        // The finishing order itself is proven with channels in `as_completed`'s tests; a
        // server's delays would make this test depend on timing.
        let server = TestServer::start().unwrap();
        let urls = vec![
            server.url("/delay/20?bytes=3"),
            server.url("/bytes/2"),
            server.url("/status/500"),
        ];
        let client = client(Duration::from_secs(20), Network::Loopback).unwrap();
        let pool = Executor::new(3);
        let mut finished = words(&fetch_as_completed(&pool, &client, &urls, &Timeline::new()));
        finished.sort();
        assert_eq!(
            finished,
            [
                (0, "3 bytes".to_string()),
                (1, "2 bytes".to_string()),
                (2, "HTTP 500".to_string())
            ]
        );
        let in_order: Vec<String> = fetch_in_order(&pool, &client, &urls)
            .iter()
            .map(in_words)
            .collect();
        assert_eq!(in_order, ["3 bytes", "2 bytes", "HTTP 500"]);
    }

    #[test]
    fn the_pool_downloads_at_once() {
        let server = TestServer::start().unwrap();
        let urls = vec![server.url("/barrier/3"); 3];
        let client = client(Duration::from_secs(20), Network::Loopback).unwrap();
        let finished = fetch_as_completed(&Executor::new(3), &client, &urls, &Timeline::new());
        assert!(
            finished
                .iter()
                .all(|done| matches!(done.outcome, Ok(Ok(_))))
        );
        assert_eq!(server.peak_in_flight(), 3);
    }

    #[test]
    fn local_urls_cover_success_and_failure() {
        let server = TestServer::start().unwrap();
        let urls = local_urls(&server, Duration::from_millis(5));
        let client = client(Duration::from_secs(20), Network::Loopback).unwrap();
        let outcomes: Vec<String> = fetch_in_order(&Executor::new(WORKERS), &client, &urls)
            .iter()
            .map(in_words)
            .collect();
        assert_eq!(
            outcomes,
            [
                "51200 bytes",
                "131072 bytes",
                "HTTP 500",
                "1000 bytes",
                "could not connect"
            ]
        );
    }

    #[test]
    fn ordinals() {
        let words: Vec<String> = [0, 1, 2, 3, 10, 11, 12, 20, 21].map(ordinal).to_vec();
        assert_eq!(
            words,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"
            ]
        );
    }
}
