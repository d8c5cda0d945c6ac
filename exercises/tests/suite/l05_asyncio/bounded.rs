use std::time::Duration;

use shared::instruments::block_on_within;
use shared::server::TestServer;

use super::subject::bounded::fetch_bounded;
use crate::kit::cases::{self, FAILURE_TIMEOUT};
use crate::kit::{PATIENCE, ReadMore};
use shared::http::{Network, client, describe_all};

const READ: ReadMore = ReadMore::here(module_path!());

fn fetch(timeout: Duration, urls: Vec<String>, limit: usize) -> Vec<String> {
    let outcomes = block_on_within(PATIENCE * 3, "fetch_bounded", move || async move {
        fetch_bounded(&client(timeout, Network::Loopback).unwrap(), &urls, limit).await
    });
    describe_all(&outcomes)
}

#[test]
fn the_limit_is_reached() {
    let server = TestServer::builder()
        .barrier_timeout(Duration::from_secs(2))
        .start()
        .unwrap();
    // Rounds of three requests meet at the barrier; fewer than three at once never get in.
    let urls = vec![server.url("/barrier/3"); 6];
    let got = fetch(PATIENCE, urls, 3);
    assert!(
        got.iter().all(|outcome| outcome.ends_with("bytes")),
        "with a limit of 3, three requests must run at once, but the server saw at most {} \
         together and answered {got:?} ({READ})",
        server.peak_in_flight()
    );
}

#[test]
fn the_limit_is_never_exceeded() {
    let server = TestServer::start().unwrap();
    let urls = vec![server.url("/delay/300?bytes=10"); 8];
    let got = fetch(PATIENCE, urls, 3);
    let peak = server.peak_in_flight();
    assert!(
        peak <= 3,
        "{peak} requests were in flight at once with a limit of 3 ({READ})"
    );
    assert_eq!(got, vec!["10 bytes"; 8], "every URL must be fetched");
}

#[test]
fn results_and_failures_stay_with_their_urls() {
    let server = TestServer::start().unwrap();
    let mut case = cases::failures(&server);
    let order = cases::input_order(&server);
    case.urls.extend(order.urls);
    case.expected.extend(order.expected);
    assert_eq!(
        fetch(FAILURE_TIMEOUT, case.urls, 2),
        case.expected,
        "results in the order of the URLs, each failure with its own URL, and a failed \
         request must give its permit back ({READ})"
    );
}
