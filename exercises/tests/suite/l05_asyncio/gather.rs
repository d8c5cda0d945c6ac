use std::time::Duration;

use shared::instruments::block_on_within;
use shared::server::TestServer;

use super::subject::gather::fetch_all;
use crate::kit::cases::{self, FAILURE_TIMEOUT};
use crate::kit::{PATIENCE, ReadMore};
use shared::http::{Network, client, describe_all};

const READ: ReadMore = ReadMore::here(module_path!());

/// Runs `fetch_all` on a fresh runtime under a timeout guard; describes each outcome in words.
fn fetch(timeout: Duration, urls: Vec<String>) -> Vec<String> {
    let outcomes = block_on_within(PATIENCE * 2, "fetch_all", move || async move {
        fetch_all(&client(timeout, Network::Loopback).unwrap(), &urls).await
    });
    describe_all(&outcomes)
}

#[test]
fn returns_sizes_in_the_order_of_the_urls() {
    let server = TestServer::start().unwrap();
    let case = cases::input_order(&server);
    assert_eq!(
        fetch(PATIENCE, case.urls),
        case.expected,
        "results must come back in the order of the URLs, not the order they finish: \
         await the handles in the order you spawned them ({READ})"
    );
}

#[test]
fn fetches_every_url_at_the_same_time() {
    let server = TestServer::builder()
        .barrier_timeout(Duration::from_secs(2))
        .start()
        .unwrap();
    let got = fetch(PATIENCE, cases::all_at_once(&server, 4));
    let peak = server.peak_in_flight();
    assert!(
        got.iter().all(|outcome| outcome.ends_with("bytes")) && peak == 4,
        "the server saw at most {peak} of the 4 requests at once, and answered {got:?}: \
         the requests ran one after another. Spawn a task per URL before awaiting any ({READ})"
    );
}

#[test]
fn reports_each_failure_for_its_own_url() {
    let server = TestServer::start().unwrap();
    let case = cases::failures(&server);
    assert_eq!(
        fetch(FAILURE_TIMEOUT, case.urls),
        case.expected,
        "each URL gets its own outcome, and an error status is an error: \
         use error_for_status() ({READ})"
    );
}

#[test]
fn no_urls_no_results() {
    assert!(fetch(PATIENCE, Vec::new()).is_empty());
}
