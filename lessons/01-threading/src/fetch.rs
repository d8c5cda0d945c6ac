//! Section 3: a thread per URL (the seeds' E01 and E12). Each download is mostly waiting for
//! the server, so threads overlap the waits: the total is the slowest URL, not the sum.
//!
//! Unlike the tutorials' versions, every request has a timeout (the seeds' E12 has none, so a
//! silent server would hang its thread forever), and a failure is reported for its URL, as an
//! error value, instead of being printed as if it were a size (E03) or lost (E18).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use reqwest::blocking::Client;
use shared::http::{describe, outcomes_table, short_url as short};
use shared::report::{Record, Report};
use shared::server::{TestServer, unreachable_url};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, overlap_ratio, speedup};

use crate::Settings;

/// The outcome of one download: the body's size in bytes, or why there is none.
pub type Fetched = Result<usize, reqwest::Error>;

/// A blocking HTTP client that gives up on a request after `timeout`. For the embedded server
/// (`live == false`) it ignores proxy settings, which must not capture 127.0.0.1.
pub fn client(timeout: Duration, live: bool) -> reqwest::Result<Client> {
    let builder = Client::builder().timeout(timeout);
    if live { builder } else { builder.no_proxy() }.build()
}

// ANCHOR: fetch
/// Downloads `url` and returns the size of its body. An error status (404, 500) is an error
/// too: `error_for_status` turns it into one.
pub fn fetch(client: &Client, url: &str) -> Fetched {
    let body = client.get(url).send()?.error_for_status()?.bytes()?;
    Ok(body.len())
}
// ANCHOR_END: fetch

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

/// The tutorials' way (E01): every thread writes into one shared map, keyed by URL. It works,
/// but needs a `Mutex` and an `Arc`, and the order of `urls` is lost.
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

/// The embedded server's URLs for this section: three slow downloads of different lengths, a
/// server error, a server that never answers, and one that is down.
pub fn local_urls(server: &TestServer, unit: Duration) -> Vec<String> {
    let ms = |units: u32| (unit * units).as_millis();
    vec![
        server.url(&format!("/delay/{}?bytes=51200", ms(3))),
        server.url(&format!("/delay/{}?bytes=131072", ms(2))),
        server.url(&format!("/delay/{}?bytes=204800", ms(1))),
        server.url("/status/500"),
        server.url("/never"),
        unreachable_url(),
    ]
}

/// Section 3 of the lesson program.
pub fn show(report: &mut Report, settings: &Settings, server: &TestServer) -> anyhow::Result<()> {
    let live = settings.live.is_live();
    let (urls, timeout) = settings
        .live
        .choose(|| local_urls(server, settings.unit), settings.unit * 4);
    let client = client(timeout, live)?;
    report.section(
        3,
        "A thread per URL",
        &format!(
            "Download {} URLs{}, first one by one, then with a thread each. Every request gives \
             up after {}, and every failure is reported for its own URL.",
            urls.len(),
            if live { " given with --live" } else { " from the embedded server: three slow downloads, a server error, a server that never answers, and one that is down" },
            shared::timing::human(timeout),
        ),
    );
    let clock = Stopwatch::start();
    let one_by_one = fetch_one_by_one(&client, &urls, &Timeline::new());
    let sequential = clock.elapsed();
    let timeline = Timeline::new();
    let clock = Stopwatch::start();
    let with_handles = fetch_with_handles(&client, &urls, &timeline);
    let threaded = clock.elapsed();
    let clock = Stopwatch::start();
    let mapped = fetch_into_shared_map(&client, &urls);
    let map_time = clock.elapsed();

    report.table(&outcomes_table(&urls, &with_handles));
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
    report.say(
        "Overlap is the total ÷ the slowest single download. The threads' downloads, one lane \
         per URL (the silent server's lane lasts until the timeout):",
    );
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_are_reported_per_url_in_input_order() {
        let server = TestServer::start().unwrap();
        let urls = local_urls(&server, Duration::from_millis(5));
        let client = client(Duration::from_millis(200), false).unwrap();
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
        let client = client(Duration::from_secs(5), false).unwrap();
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
        let client = client(Duration::from_secs(20), false).unwrap();
        let outcomes = fetch_with_handles(&client, &urls, &Timeline::new());
        assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
        assert_eq!(server.peak_in_flight(), 3);
    }
}
