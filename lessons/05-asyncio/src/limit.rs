//! Section 4: at most k requests at a time, with `tokio::sync::Semaphore`.
//!
//! A task takes a permit before its request and holds it until the request is done; the
//! permit goes back when it is dropped. Each task owns a clone of an `Arc<Semaphore>`;
//! `acquire_owned` returns a permit that keeps its own `Arc`, so it borrows nothing and could
//! even be moved elsewhere (`acquire` on the task's clone would do here as well).

use std::sync::Arc;
use std::time::Duration;

use reqwest::Client;
use shared::http::{Fetched, Network, client, fetch};
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::tasks::in_order;
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human};
use tokio::sync::Semaphore;

use crate::{Flags, multi_thread_runtime};

// ANCHOR: limited
/// A task per URL, at most `limit` of them downloading at a time; results in input order.
pub async fn fetch_limited(
    client: &Client,
    urls: &[String],
    limit: usize,
    timeline: &Timeline,
) -> Vec<Fetched> {
    let permits = Arc::new(Semaphore::new(limit));
    let tasks: Vec<_> = urls
        .iter()
        .enumerate()
        .map(|(i, url)| {
            let (client, url, timeline) = (client.clone(), url.clone(), timeline.clone());
            let permits = Arc::clone(&permits);
            tokio::spawn(async move {
                let _permit = permits
                    .acquire_owned()
                    .await
                    .expect("the semaphore is never closed");
                let _span = timeline.span(format!("request {i}"), "download");
                fetch(&client, &url).await
            })
        })
        .collect();
    in_order(tasks).await
}
// ANCHOR_END: limited

/// Section 4 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (unit, limit, requests) = (env.unit(), usize::from(flags.limit), 10usize);
    report.say(&format!(
        "Ten tasks each download a one-second reply (one second = {} here) from the embedded \
         server, first all at once, then through a tokio Semaphore of {limit}. The server counts \
         the requests it serves at once: with the semaphore that peak should be exactly {limit}, \
         and the total about ⌈{requests}/{limit}⌉ = {} seconds.",
        human(unit),
        requests.div_ceil(limit)
    ));
    let server = env.server()?;
    let urls = vec![server.url(&format!("/delay/{}", unit.as_millis())); requests];
    let runtime = multi_thread_runtime()?;
    let (unlimited, limited, timeline) = runtime.block_on(async {
        let client = client(unit * 20, Network::Loopback)?;
        server.reset_peak();
        let clock = Stopwatch::start();
        fetch_limited(&client, &urls, requests, &Timeline::new()).await;
        let unlimited = (clock.elapsed(), server.peak_in_flight());
        server.reset_peak();
        let timeline = Timeline::new();
        let clock = Stopwatch::start();
        fetch_limited(&client, &urls, limit, &timeline).await;
        anyhow::Ok((
            unlimited,
            (clock.elapsed(), server.peak_in_flight()),
            timeline,
        ))
    })?;
    let in_waits = |took: Duration| took.as_secs_f64() / unit.as_secs_f64();
    report.results(&[
        Record::new("no limit")
            .wall(unlimited.0)
            .peak(unlimited.1)
            .ratio("waits", in_waits(unlimited.0)),
        Record::new(format!("Semaphore::new({limit})"))
            .wall(limited.0)
            .peak(limited.1)
            .ratio("waits", in_waits(limited.0)),
    ]);
    report
        .say("\"waits\" is the total in one-second waits. The limited run, one lane per request:");
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_limit_is_reached_and_never_exceeded() {
        let server = shared::server::TestServer::start().unwrap();
        // Rounds of three meet at the barrier: proof that three ran at once.
        let urls = vec![server.url("/barrier/3"); 9];
        let client = client(Duration::from_secs(20), Network::Loopback).unwrap();
        let outcomes = fetch_limited(&client, &urls, 3, &Timeline::new()).await;
        assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
        assert_eq!(server.peak_in_flight(), 3);
    }
}
