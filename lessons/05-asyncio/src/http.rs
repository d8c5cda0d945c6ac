//! Section 3: async HTTP with one shared client.
//!
//! reqwest's async `Client` plays aiohttp's `ClientSession`: one per program, cloned freely
//! (clones share one connection pool). Each request runs in a task of its own; awaiting the
//! tasks' handles in order gives `gather`'s input-order results. Every request has a timeout,
//! and every failure stays with its own URL. Fetching one URL is [`shared::http::fetch`],
//! written once for the whole course.

use std::time::Duration;

use reqwest::Client;
use shared::http::{Fetched, client, describe, every_outcome, fetch, outcomes_table, short_url};
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::server::TestServer;
use shared::tasks::in_order;
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human, overlap_ratio, speedup};

use crate::{Flags, multi_thread_runtime};

// ANCHOR: fetch_all
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
// ANCHOR_END: fetch_all

/// One URL after another: each `.await` finishes before the next request starts.
pub async fn fetch_one_by_one(client: &Client, urls: &[String]) -> Vec<Fetched> {
    let mut results = Vec::with_capacity(urls.len());
    for url in urls {
        results.push(fetch(client, url).await);
    }
    results
}

/// The embedded server's URLs: replies after 1, 2 and 1 seconds (the Python example's
/// `/delay` URLs), a server error, a server that never answers, and one that is down.
pub fn local_urls(server: &TestServer, unit: Duration) -> Vec<String> {
    every_outcome(
        server,
        &[(unit, 20_000), (unit * 2, 40_000), (unit, 30_000)],
    )
}

/// Section 3 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    let targets = flags
        .live
        .choose(|| Ok(local_urls(env.server()?, unit)), unit * 3)?;
    let urls = &targets.urls;
    report.say(&format!(
        "Download {} URLs with one reqwest::Client{}, first awaiting one request after \
         another, then with a task per URL. Each request gives up after {}.",
        urls.len(),
        if flags.live.is_live() {
            ", the ones given with --live".to_string()
        } else {
            format!(
                ": replies after 1, 2 and 1 seconds (one second = {} here) from the embedded \
                 server, a server error, a server that never answers, and one that is down",
                human(env.unit())
            )
        },
        human(targets.timeout),
    ));
    let runtime = multi_thread_runtime()?;
    let (one_by_one, sequential, all, concurrent, timeline) = runtime.block_on(async {
        let client = client(targets.timeout, targets.network)?;
        let clock = Stopwatch::start();
        let one_by_one = fetch_one_by_one(&client, urls).await;
        let sequential = clock.elapsed();
        let timeline = Timeline::new();
        let clock = Stopwatch::start();
        let all = fetch_all(&client, urls, &timeline).await;
        anyhow::Ok((one_by_one, sequential, all, clock.elapsed(), timeline))
    })?;
    report.table(&outcomes_table(urls, &all));
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
    report.say(&format!(
        "Overlap is the total ÷ the longest single request, {} here{}. The tasks, one lane \
         per URL:",
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

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn outcomes_come_back_in_input_order() {
        let server = TestServer::start().unwrap();
        let urls = local_urls(&server, Duration::from_millis(5));
        let client = client(Duration::from_millis(300), Network::Loopback).unwrap();
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
        let client = client(Duration::from_secs(20), Network::Loopback).unwrap();
        let outcomes = fetch_all(&client, &urls, &Timeline::new()).await;
        assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
        assert_eq!(server.peak_in_flight(), 4);
    }
}
