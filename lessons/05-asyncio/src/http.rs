//! Section 3: async HTTP with one shared client (the seeds' E32 and E19).
//!
//! reqwest's async `Client` plays aiohttp's `ClientSession`: one per program, cloned freely
//! (clones share one connection pool). Each request runs in a task of its own; awaiting the
//! tasks' handles in order gives `gather`'s input-order results. Every request has a timeout,
//! and every failure stays with its own URL.

use std::panic;
use std::time::Duration;

use reqwest::Client;
use shared::http::{describe, outcomes_table, short_url};
use shared::report::{Record, Report};
use shared::server::{TestServer, unreachable_url};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human, overlap_ratio, speedup};

use tokio::task::JoinHandle;

use crate::{Settings, multi_thread_runtime};

/// The outcome of one download: the body's size in bytes, or why there is none.
pub type Fetched = Result<usize, reqwest::Error>;

/// An async HTTP client that gives up on a request after `timeout`. For the embedded server
/// (`live == false`) it ignores proxy settings, which must not capture 127.0.0.1.
pub fn client(timeout: Duration, live: bool) -> reqwest::Result<Client> {
    let builder = Client::builder().timeout(timeout);
    if live { builder } else { builder.no_proxy() }.build()
}

// ANCHOR: fetch
/// Downloads `url` and returns the size of its body; an error status is an error.
pub async fn fetch(client: &Client, url: &str) -> Fetched {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    Ok(body.len())
}

/// One task per URL, all started before any is awaited; the handles are awaited in order, so
/// the results are in the order of `urls` (what `asyncio.gather` returns).
pub async fn fetch_all(client: &Client, urls: &[String], timeline: &Timeline) -> Vec<Fetched> {
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url, timeline) = (client.clone(), url.clone(), timeline.clone());
            tokio::spawn(async move {
                let _span = timeline.span(short_url(&url), "download");
                fetch(&client, &url).await
            })
        })
        .collect();
    in_order(tasks).await
}

/// Awaits spawned tasks one by one, in the order given, and returns their results in that
/// order: `asyncio.gather`'s contract. They all run meanwhile; awaiting only collects them.
/// A task that panicked passes its panic on here.
pub async fn in_order<T>(tasks: Vec<JoinHandle<T>>) -> Vec<T> {
    let mut results = Vec::with_capacity(tasks.len());
    for task in tasks {
        results.push(
            task.await
                .unwrap_or_else(|error| panic::resume_unwind(error.into_panic())),
        );
    }
    results
}
// ANCHOR_END: fetch

/// One URL after another: each `.await` finishes before the next request starts.
pub async fn fetch_one_by_one(client: &Client, urls: &[String]) -> Vec<Fetched> {
    let mut results = Vec::with_capacity(urls.len());
    for url in urls {
        results.push(fetch(client, url).await);
    }
    results
}

/// The embedded server's URLs: E32's delays of 1, 2 and 1 seconds, a server error, a server
/// that never answers, and one that is down.
pub fn local_urls(server: &TestServer, unit: Duration) -> Vec<String> {
    let ms = |units: u32| (unit * units).as_millis();
    vec![
        server.url(&format!("/delay/{}?bytes=20000", ms(1))),
        server.url(&format!("/delay/{}?bytes=40000", ms(2))),
        server.url(&format!("/delay/{}?bytes=30000", ms(1))),
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
        .choose(|| local_urls(server, settings.unit), settings.unit * 3);
    report.section(
        3,
        "Async HTTP with one shared client",
        &format!(
            "Download {} URLs with one reqwest::Client{}, first awaiting one request after \
             another, then with a task per URL. Each request gives up after {}.",
            urls.len(),
            if live {
                ", the ones given with --live"
            } else {
                ": E32's waits of 1, 2 and 1 seconds on the embedded server, a server error, a \
                 server that never answers, and one that is down"
            },
            human(timeout),
        ),
    );
    let runtime = multi_thread_runtime()?;
    let (one_by_one, sequential, all, concurrent, timeline) = runtime.block_on(async {
        let client = client(timeout, live)?;
        let clock = Stopwatch::start();
        let one_by_one = fetch_one_by_one(&client, &urls).await;
        let sequential = clock.elapsed();
        let timeline = Timeline::new();
        let clock = Stopwatch::start();
        let all = fetch_all(&client, &urls, &timeline).await;
        anyhow::Ok((one_by_one, sequential, all, clock.elapsed(), timeline))
    })?;
    report.table(&outcomes_table(&urls, &all));
    let same = one_by_one.iter().map(describe).eq(all.iter().map(describe));
    report.say(if same {
        "Both ways got the same outcome for every URL."
    } else {
        "The outcomes differed between the two runs (real sites change)."
    });
    let longest = timeline.longest_span();
    report.results(&[
        Record::new("one request after another").wall(sequential),
        Record::new("a task per URL")
            .wall(concurrent)
            .speedup(speedup(sequential, concurrent))
            .ratio("overlap", overlap_ratio(concurrent, longest)),
    ]);
    report.say("Overlap is the total ÷ the slowest single request. The tasks, one lane per URL:");
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn outcomes_come_back_in_input_order() {
        let server = TestServer::start().unwrap();
        let urls = local_urls(&server, Duration::from_millis(5));
        let client = client(Duration::from_millis(300), false).unwrap();
        let outcomes: Vec<String> = fetch_all(&client, &urls, &Timeline::new())
            .await
            .iter()
            .map(describe)
            .collect();
        assert_eq!(
            outcomes,
            [
                "20000 bytes",
                "40000 bytes",
                "30000 bytes",
                "HTTP 500",
                "timed out",
                "could not connect"
            ]
        );
        let one_by_one: Vec<String> = fetch_one_by_one(&client, &urls)
            .await
            .iter()
            .map(describe)
            .collect();
        assert_eq!(one_by_one, outcomes);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_task_per_url_runs_them_at_once() {
        let server = TestServer::start().unwrap();
        let urls = vec![server.url("/barrier/4"); 4];
        let client = client(Duration::from_secs(20), false).unwrap();
        let outcomes = fetch_all(&client, &urls, &Timeline::new()).await;
        assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
        assert_eq!(server.peak_in_flight(), 4);
    }
}
