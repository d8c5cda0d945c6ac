use std::time::Duration;

use shared::http::{Network, client, describe};
use shared::instruments::block_on_within;
use shared::server::TestServer;

use super::subject::try_gather::try_fetch_all;
use crate::kit::{PATIENCE, ReadMore, cases};

const READ: ReadMore = ReadMore::here(module_path!());

/// Runs `try_fetch_all` with a client that has no timeout of its own: only a cancellation ends
/// a request to `/never`. The outcome, in words: the sizes, or "URL n: what went wrong".
fn fetch(urls: Vec<String>) -> Result<Vec<usize>, String> {
    block_on_within(PATIENCE * 2, "try_fetch_all", move || async move {
        let client = client(Duration::from_secs(3600), Network::Loopback).expect("a client");
        in_words(try_fetch_all(&client, &urls).await)
    })
}

fn in_words(
    outcome: Result<Vec<usize>, super::subject::try_gather::Failed>,
) -> Result<Vec<usize>, String> {
    outcome.map_err(|failed| format!("URL {}: {}", failed.index, describe(&Err(failed.error))))
}

#[test]
fn every_size_in_the_order_of_the_urls() {
    let server = TestServer::start().unwrap();
    assert_eq!(
        fetch(cases::input_order(&server)),
        Ok(vec![30, 10, 20]),
        "when every download succeeds, the sizes come in the order of the URLs, not the order \
         they finish ({READ})"
    );
}

#[test]
fn fetches_every_url_at_the_same_time() {
    let server = TestServer::builder()
        .barrier_timeout(Duration::from_secs(2))
        .start()
        .unwrap();
    let got = fetch(cases::all_at_once(&server, 4));
    assert!(
        got.is_ok() && server.peak_in_flight() == 4,
        "the server saw at most {} of the 4 requests at once, and the outcome was {got:?}: \
         start every download before waiting for any ({READ})",
        server.peak_in_flight()
    );
}

#[test]
fn the_first_failure_comes_back_without_waiting_for_the_rest() {
    let server = TestServer::start().unwrap();
    let urls = vec![
        server.url("/never"),
        server.url("/bytes/5"),
        server.url("/never"),
        server.url("/status/500"),
    ];
    assert_eq!(
        fetch(urls),
        Err("URL 3: HTTP 500".to_string()),
        "the 500 must come back as the error of URL 3 (an error status is an error: \
         error_for_status), at once: the /never requests will never answer, so an answer that \
         waits for them is stuck ({READ})"
    );
}

#[test]
fn the_downloads_still_running_are_cancelled() {
    let server = TestServer::start().unwrap();
    let urls = vec![
        server.url("/never"),
        server.url("/never"),
        server.url("/status/404"),
    ];
    // The check runs inside the same runtime, after try_fetch_all has returned: a task left
    // running would still be running there.
    let (outcome, requests_gone) =
        block_on_within(PATIENCE * 2, "try_fetch_all", move || async move {
            let client = client(Duration::from_secs(3600), Network::Loopback).expect("a client");
            let outcome = in_words(try_fetch_all(&client, &urls).await);
            let gone = tokio::time::timeout(PATIENCE, async {
                while server.in_flight() > 0 {
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
            })
            .await;
            (outcome, gone.is_ok())
        });
    assert_eq!(outcome, Err("URL 2: HTTP 404".to_string()), "({READ})");
    assert!(
        requests_gone,
        "after the error, the two /never requests were still running: a dropped JoinHandle only \
         detaches its task, which runs on unwatched. Abort the tasks, or keep them in a JoinSet, \
         which aborts them when it is dropped ({READ})"
    );
}

#[test]
fn no_urls_is_an_empty_success() {
    assert_eq!(fetch(Vec::new()), Ok(Vec::new()), "({READ})");
}
