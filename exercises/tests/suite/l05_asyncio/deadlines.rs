use std::time::Duration;

use shared::http::{Network, client};
use shared::instruments::block_on_within;
use shared::server::{TestServer, unreachable_url};

use super::subject::deadlines::{Fetch, fetch_until};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

const DEADLINE: Duration = Duration::from_secs(1);

/// Runs `fetch_until` with a client that has no timeout of its own, and returns what it said
/// and whether the server's requests were all gone right after it returned.
fn fetch(server: TestServer, urls: Vec<String>, limit: usize) -> (Vec<Fetch>, bool, usize) {
    block_on_within(PATIENCE * 2, "fetch_until", move || async move {
        let client = client(Duration::from_secs(3600), Network::Loopback).expect("a client");
        let got = fetch_until(&client, &urls, limit, DEADLINE).await;
        let gone = tokio::time::timeout(PATIENCE, async {
            while server.in_flight() > 0 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
        .await
        .is_ok();
        (got, gone, server.peak_in_flight())
    })
}

#[test]
fn the_answers_that_arrived_are_kept() {
    let server = TestServer::start().unwrap();
    let urls = vec![
        server.url("/bytes/5"),
        server.url("/never"),
        server.url("/delay/100?bytes=7"),
        server.url("/status/503"),
        unreachable_url(),
    ];
    let (got, _, _) = fetch(server, urls, 5);
    assert_eq!(got.len(), 5, "one result per URL: {got:?}");
    assert_eq!(
        (&got[0], &got[1], &got[2]),
        (&Fetch::Done(5), &Fetch::TimedOut, &Fetch::Done(7)),
        "{got:?}: what arrived before the deadline is kept, and /never times out; one timeout \
         around the whole batch would throw every answer away ({READ})"
    );
    assert!(
        matches!(got[3], Fetch::Failed(_)) && matches!(got[4], Fetch::Failed(_)),
        "{got:?}: a 503 and a refused connection are failures, not timeouts ({READ})"
    );
}

#[test]
fn the_deadline_is_one_moment_for_the_whole_batch() {
    // One at a time: /never holds the only place until the deadline, so the last URL never gets
    // its turn. With a deadline per request, it would start at the deadline and succeed.
    let server = TestServer::start().unwrap();
    let urls = vec![
        server.url("/bytes/5"),
        server.url("/never"),
        server.url("/bytes/7"),
    ];
    let (got, _, peak) = fetch(server, urls, 1);
    assert!(
        peak <= 1,
        "{peak} requests were in flight at once with a limit of 1 ({READ})"
    );
    assert_eq!(
        got,
        [Fetch::Done(5), Fetch::TimedOut, Fetch::TimedOut],
        "the deadline is one moment for the batch: a URL still waiting for its turn when it \
         comes has timed out. A timeout per request would give it the whole time again from \
         when it started ({READ})"
    );
}

#[test]
fn a_body_that_outlasts_the_deadline_times_out() {
    // The headers come at once, the body's two chunks 800 ms apart: past the deadline.
    let server = TestServer::start().unwrap();
    let urls = vec![
        server.url("/drip/6?chunks=2&every=800"),
        server.url("/bytes/3"),
    ];
    let (got, _, _) = fetch(server, urls, 2);
    assert_eq!(
        got,
        [Fetch::TimedOut, Fetch::Done(3)],
        "a download is done when its whole body has arrived: the deadline covers reading the \
         body, not only sending the request ({READ})"
    );
}

#[test]
fn requests_cut_off_by_the_deadline_are_cancelled() {
    let server = TestServer::start().unwrap();
    let urls = vec![server.url("/never"), server.url("/never")];
    let (got, gone, _) = fetch(server, urls, 2);
    assert_eq!(got, [Fetch::TimedOut, Fetch::TimedOut], "({READ})");
    assert!(
        gone,
        "after fetch_until returned, its requests were still running: a request cut off by the \
         deadline must be dropped (cancelled), not left to run ({READ})"
    );
}

#[test]
fn the_limit_is_reached() {
    let server = TestServer::builder()
        .barrier_timeout(Duration::from_millis(900))
        .start()
        .unwrap();
    let urls = vec![server.url("/barrier/3"); 3];
    let (got, _, peak) = fetch(server, urls, 3);
    assert!(
        got.iter().all(|fetched| matches!(fetched, Fetch::Done(_))) && peak == 3,
        "with a limit of 3, three requests must run at once (they only succeed together); the \
         server saw at most {peak}, and the outcomes were {got:?} ({READ})"
    );
}

#[test]
fn no_urls_no_results() {
    let (got, _, _) = fetch(TestServer::start().unwrap(), Vec::new(), 2);
    assert!(got.is_empty(), "({READ})");
}
