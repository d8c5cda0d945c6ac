use std::time::Duration;

use shared::http::{Network, client, describe_all};
use shared::instruments::block_on_within;
use shared::server::TestServer;

use super::subject::per_host::fetch_per_host;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// Runs `fetch_per_host` on a fresh runtime under a timeout guard; each outcome in words.
fn fetch(urls: Vec<String>, per_host: usize) -> Vec<String> {
    let outcomes = block_on_within(PATIENCE * 2, "fetch_per_host", move || async move {
        let client = client(PATIENCE, Network::Loopback).expect("a client");
        fetch_per_host(&client, &urls, per_host).await
    });
    describe_all(&outcomes)
}

fn barrier_server() -> TestServer {
    TestServer::builder()
        .barrier_timeout(Duration::from_secs(2))
        .start()
        .unwrap()
}

#[test]
fn each_host_gets_its_limit_and_no_more() {
    // Two hosts; on each, rounds of 2 requests must meet at the barrier (the limit is reached)
    // and slow downloads must never be more than 2 at once (the limit holds).
    let (a, b) = (barrier_server(), barrier_server());
    let mut urls = Vec::new();
    for _ in 0..4 {
        urls.push(a.url("/barrier/2"));
        urls.push(b.url("/barrier/2"));
        urls.push(a.url("/delay/50?bytes=3"));
        urls.push(b.url("/delay/50?bytes=3"));
    }
    let got = fetch(urls, 2);
    let (peak_a, peak_b) = (a.peak_in_flight(), b.peak_in_flight());
    assert!(
        peak_a <= 2 && peak_b <= 2,
        "one host served {} requests at once with a limit of 2 per host: the limit did not \
         hold. Every task of a host must take a permit from the same semaphore, made before the \
         tasks start, and hold it: `let _permit = …`, not `let _ = …`, which drops it at once \
         ({READ})",
        peak_a.max(peak_b)
    );
    assert!(
        got.iter().all(|outcome| outcome.ends_with("bytes")),
        "with a limit of 2 per host, 2 requests must run at once on each host (rounds of 2 meet \
         at the servers' barriers), but got {got:?} ({READ})"
    );
}

#[test]
fn a_slow_host_does_not_hold_up_another() {
    // Host A never answers; its requests hold both of A's places for the whole test. Host B's
    // request must be fetched meanwhile: only possible if each host has places of its own.
    let (a, b) = (TestServer::start().unwrap(), TestServer::start().unwrap());
    let urls = vec![a.url("/never"), a.url("/never"), b.url("/bytes/5")];
    let b_fetched = block_on_within(PATIENCE * 2, "fetch_per_host", move || async move {
        let client = client(Duration::from_secs(3600), Network::Loopback).expect("a client");
        let fetching = fetch_per_host(&client, &urls, 2);
        let b_done = async {
            while b.answered() == 0 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        };
        tokio::select! {
            _ = fetching => false,
            done = tokio::time::timeout(PATIENCE, b_done) => done.is_ok(),
        }
    });
    assert!(
        b_fetched,
        "while host A's two requests hung, host B's request never started: one limit for every \
         host lets a slow host take all the places. Give each host a semaphore of its own \
         ({READ})"
    );
}

#[test]
fn a_place_is_held_until_the_body_has_arrived() {
    // The server sends each body in 2 chunks, 200 ms apart, and counts the download as in
    // flight until its last chunk.
    let server = TestServer::start().unwrap();
    let urls = vec![server.url("/drip/8?chunks=2&every=200"); 3];
    let got = fetch(urls, 1);
    assert_eq!(got, vec!["8 bytes"; 3], "({READ})");
    assert_eq!(
        server.peak_in_flight(),
        1,
        "with a limit of 1, a second download started while the first body was still arriving: \
         the permit was given back after the headers. Hold it until the body has been read \
         ({READ})"
    );
}

#[test]
fn results_and_failures_stay_with_their_urls() {
    let server = TestServer::start().unwrap();
    let urls = vec![
        server.url("/bytes/30"),
        server.url("/status/500"),
        server.url("/delay/200?bytes=10"),
        server.url("/status/404"),
        server.url("/bytes/20"),
        server.url("/drip/12?chunks=3&every=20&length=no"),
    ];
    assert_eq!(
        fetch(urls, 2),
        [
            "30 bytes", "HTTP 500", "10 bytes", "HTTP 404", "20 bytes", "12 bytes"
        ],
        "each result in the order of the URLs, each failure with its own URL, a failed request \
         giving its place back, and each size counted from the body received (the last body \
         comes in chunks with no Content-Length header) ({READ})"
    );
}
