use std::time::Duration;

use reqwest::blocking::Client;
use shared::instruments::within;
use shared::server::{TestServer, unreachable_url};

use super::super::PATIENCE;
use crate::subject::l01_threading::fetch_all::fetch_all;

const READ: &str = "read: the book, \"Lesson 01: threads\", section \"A thread per URL\"";

fn client(timeout: Duration) -> Client {
    Client::builder()
        .no_proxy()
        .timeout(timeout)
        .build()
        .expect("a client")
}

/// Runs `fetch_all` under a timeout guard and describes each outcome: a size or an error kind.
fn fetch(client: Client, urls: Vec<String>) -> Vec<String> {
    within(PATIENCE * 2, "fetch_all", move || fetch_all(&client, &urls))
        .iter()
        .map(|outcome| match outcome {
            Ok(bytes) => format!("{bytes} bytes"),
            Err(e) if e.is_timeout() => "timed out".into(),
            Err(e) if e.is_connect() => "could not connect".into(),
            Err(e) => e
                .status()
                .map_or_else(|| format!("error: {e}"), |s| format!("HTTP {}", s.as_u16())),
        })
        .collect()
}

#[test]
fn returns_sizes_in_the_order_of_the_urls() {
    let server = TestServer::start().unwrap();
    // The middle URL answers last, so completion order differs from input order.
    let urls = vec![
        server.url("/bytes/30"),
        server.url("/delay/300?bytes=10"),
        server.url("/bytes/20"),
    ];
    let got = fetch(client(PATIENCE), urls);
    assert_eq!(
        got,
        ["30 bytes", "10 bytes", "20 bytes"],
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
    let urls = vec![server.url("/barrier/4"); 4];
    let got = fetch(client(PATIENCE), urls);
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
    let urls = vec![
        server.url("/bytes/5"),
        server.url("/status/500"),
        unreachable_url(),
        server.url("/never"),
        server.url("/status/404"),
    ];
    let got = fetch(client(Duration::from_millis(500)), urls);
    assert_eq!(
        got,
        [
            "5 bytes",
            "HTTP 500",
            "could not connect",
            "timed out",
            "HTTP 404"
        ],
        "each URL gets its own outcome, and an error status is an error: \
         use error_for_status() ({READ})"
    );
}

#[test]
fn no_urls_no_results() {
    assert!(fetch(client(PATIENCE), Vec::new()).is_empty());
}
