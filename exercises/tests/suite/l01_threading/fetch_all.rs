use std::time::Duration;

use reqwest::blocking::Client;
use shared::instruments::within;
use shared::server::TestServer;

use super::subject::fetch_all::fetch_all;
use crate::kit::cases::{self, FAILURE_TIMEOUT};
use crate::kit::{PATIENCE, ReadMore};
use shared::http::{Network, blocking, describe_all};

const READ: ReadMore = ReadMore::here(module_path!());

/// Runs `fetch_all` under a timeout guard and describes each outcome in words.
fn fetch(client: Client, urls: Vec<String>) -> Vec<String> {
    describe_all(&within(PATIENCE * 2, "fetch_all", move || {
        fetch_all(&client, &urls)
    }))
}

#[test]
fn returns_sizes_in_the_order_of_the_urls() {
    let server = TestServer::start().unwrap();
    let case = cases::input_order(&server);
    assert_eq!(
        fetch(
            blocking::client(PATIENCE, Network::Loopback).unwrap(),
            case.urls
        ),
        case.expected,
        "results must come back in the order of the URLs, not the order the downloads finish ({READ})"
    );
}

#[test]
fn fetches_every_url_at_the_same_time() {
    let server = TestServer::builder()
        .barrier_timeout(Duration::from_secs(2))
        .start()
        .unwrap();
    // The server answers /barrier/4 only when four requests are waiting there together.
    let got = fetch(
        blocking::client(PATIENCE, Network::Loopback).unwrap(),
        cases::all_at_once(&server, 4),
    );
    let peak = server.peak_in_flight();
    assert!(
        got.iter().all(|outcome| outcome.ends_with("bytes")) && peak == 4,
        "the server saw at most {peak} of the 4 requests at once, and answered {got:?}: \
         the downloads ran one after another. Spawn every thread first, then join them ({READ})"
    );
}

#[test]
fn reports_each_failure_for_its_own_url() {
    let server = TestServer::start().unwrap();
    let case = cases::failures(&server);
    assert_eq!(
        fetch(
            blocking::client(FAILURE_TIMEOUT, Network::Loopback).unwrap(),
            case.urls
        ),
        case.expected,
        "each URL gets its own outcome, and an error status is an error: \
         use error_for_status() ({READ})"
    );
}

#[test]
fn no_urls_no_results() {
    assert!(
        fetch(
            blocking::client(PATIENCE, Network::Loopback).unwrap(),
            Vec::new()
        )
        .is_empty()
    );
}
