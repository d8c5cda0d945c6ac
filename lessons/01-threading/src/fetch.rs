//! Section 3: a thread per URL, the tutorials' favourite use of threads. Each download is
//! mostly waiting for the server, so threads overlap the waits: the total is the slowest URL,
//! not the sum.
//!
//! Unlike the tutorials' versions, every request has a timeout (without one, a silent server
//! would hang its thread forever), and a failure is reported for its URL, as an error value,
//! instead of being printed as if it were a size or lost. Fetching itself is
//! [`shared::http::blocking::fetch`], written once for the whole course.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use reqwest::blocking::Client;
use shared::http::blocking::{client, fetch};
use shared::http::{Fetched, describe, every_outcome, outcomes_table, short_url as short};
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::server::TestServer;
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human, overlap_ratio, speedup};

use crate::Flags;

/// One URL after another, on this thread.
pub fn fetch_one_by_one(client: &Client, urls: &[String], timeline: &Timeline) -> Vec<Fetched> {
    urls.iter()
        .map(|url| {
            let _span = timeline.span(short(url), "download");
            fetch(client, url)
        })
        .collect()
}

// ANCHOR: handles
/// A thread per URL; each thread's outcome comes back through its `JoinHandle`, so the results
/// are in the order of `urls`, whatever order the downloads finish in.
pub fn fetch_with_handles(client: &Client, urls: &[String], timeline: &Timeline) -> Vec<Fetched> {
    let handles: Vec<JoinHandle<Fetched>> = urls
        .iter()
        .map(|url| {
            // A Client is a handle to a shared connection pool: cloning it is cheap.
            let (client, url, timeline) = (client.clone(), url.clone(), timeline.clone());
            thread::spawn(move || {
                let _span = timeline.span(short(&url), "download");
                fetch(&client, &url)
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a download thread panicked"))
        .collect()
}
// ANCHOR_END: handles

/// The tutorials' way: every thread writes into one shared map, keyed by URL. It works, but
/// needs a `Mutex` and an `Arc`, and the order of `urls` is lost.
pub fn fetch_into_shared_map(client: &Client, urls: &[String]) -> HashMap<String, Fetched> {
    let results: Arc<Mutex<HashMap<String, Fetched>>> = Arc::default();
    let handles: Vec<JoinHandle<()>> = urls
        .iter()
        .map(|url| {
            let (client, url, results) = (client.clone(), url.clone(), Arc::clone(&results));
            thread::spawn(move || {
                let outcome = fetch(&client, &url);
                results
                    .lock()
                    .expect("a thread panicked holding the lock")
                    .insert(url, outcome);
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("a download thread panicked");
    }
    Arc::into_inner(results)
        .expect("every thread has been joined")
        .into_inner()
        .expect("a thread panicked holding the lock")
}

/// The embedded server's URLs for this section: three slow downloads of 3, 2 and 1 units, a
/// server error, a server that never answers, and one that is down.
pub fn local_urls(server: &TestServer, unit: Duration) -> Vec<String> {
    every_outcome(
        server,
        &[(unit * 3, 51_200), (unit * 2, 131_072), (unit, 204_800)],
    )
}

/// Section 3 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    let targets = flags
        .live
        .choose(|| Ok(local_urls(env.server()?, unit)), unit * 4)?;
    let (urls, client) = (&targets.urls, client(targets.timeout, targets.network)?);
    report.say(&format!(
        "Download {} URLs{}, first one by one, then with a thread each. Every request gives \
         up after {}, and every failure is reported for its own URL.",
        urls.len(),
        if flags.live.is_live() {
            " given with --live"
        } else {
            " from the embedded server: three slow downloads, a server error, a server that \
             never answers, and one that is down"
        },
        human(targets.timeout),
    ));
    let clock = Stopwatch::start();
    let one_by_one = fetch_one_by_one(&client, urls, &Timeline::new());
    let sequential = clock.elapsed();
    let timeline = Timeline::new();
    let clock = Stopwatch::start();
    let with_handles = fetch_with_handles(&client, urls, &timeline);
    let threaded = clock.elapsed();
    let clock = Stopwatch::start();
    let mapped = fetch_into_shared_map(&client, urls);
    let map_time = clock.elapsed();

    report.table(&outcomes_table(urls, &with_handles));
    let from_map: Vec<String> = urls
        .iter()
        .map(|url| mapped.get(url).map_or_else(|| "missing".into(), describe))
        .collect();
    let in_words = |outcomes: &[Fetched]| outcomes.iter().map(describe).collect::<Vec<_>>();
    let threaded_words = in_words(&with_handles);
    report.say(
        if in_words(&one_by_one) == threaded_words && from_map == threaded_words {
            "All three ways got the same outcome for every URL."
        } else {
            "The outcomes differed between the runs (real sites change)."
        },
    );
    let longest = timeline.longest_span();
    report.results(&[
        Record::new("one by one").wall(sequential),
        Record::new("thread per URL")
            .wall(threaded)
            .speedup(speedup(sequential, threaded))
            .ratio("overlap", overlap_ratio(threaded, longest)),
        Record::new("thread per URL, shared map")
            .wall(map_time)
            .speedup(speedup(sequential, map_time)),
    ]);
    report.say(&format!(
        "Overlap is the total ÷ the longest single request, {} here{}. The threads' downloads, \
         one lane per URL:",
        human(longest),
        if flags.live.is_live() {
            ""
        } else {
            ": the silent server's, which lasts until the client's timeout"
        }
    ));
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::http::Network;

    #[test]
    fn outcomes_are_reported_per_url_in_input_order() {
        let server = TestServer::start().unwrap();
        let urls = local_urls(&server, Duration::from_millis(5));
        let client = client(Duration::from_millis(200), Network::Loopback).unwrap();
        let outcomes: Vec<String> = fetch_with_handles(&client, &urls, &Timeline::new())
            .iter()
            .map(describe)
            .collect();
        assert_eq!(
            outcomes,
            [
                "51200 bytes",
                "131072 bytes",
                "204800 bytes",
                "HTTP 500",
                "timed out",
                "could not connect"
            ]
        );
    }

    #[test]
    fn every_way_agrees() {
        let server = TestServer::start().unwrap();
        let urls = vec![
            server.url("/bytes/10"),
            server.url("/status/404"),
            server.url("/delay/1?bytes=7"),
        ];
        let client = client(Duration::from_secs(5), Network::Loopback).unwrap();
        let one_by_one: Vec<String> = fetch_one_by_one(&client, &urls, &Timeline::new())
            .iter()
            .map(describe)
            .collect();
        let handles: Vec<String> = fetch_with_handles(&client, &urls, &Timeline::new())
            .iter()
            .map(describe)
            .collect();
        let map = fetch_into_shared_map(&client, &urls);
        let from_map: Vec<String> = urls.iter().map(|url| describe(&map[url])).collect();
        assert_eq!(one_by_one, ["10 bytes", "HTTP 404", "7 bytes"]);
        assert_eq!(handles, one_by_one);
        assert_eq!(from_map, one_by_one);
    }

    #[test]
    fn a_thread_per_url_really_runs_them_at_once() {
        let server = TestServer::start().unwrap();
        let urls = vec![server.url("/barrier/3"); 3];
        let client = client(Duration::from_secs(20), Network::Loopback).unwrap();
        let outcomes = fetch_with_handles(&client, &urls, &Timeline::new());
        assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
        assert_eq!(server.peak_in_flight(), 3);
    }
}
