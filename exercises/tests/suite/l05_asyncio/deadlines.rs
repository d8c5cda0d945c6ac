use std::time::Duration;

use shared::instruments::block_on_within;
use shared::server::{TestServer, unreachable_url};

use super::subject::deadlines::{Fetch, fetch_with_deadline};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// Runs `fetch_with_deadline` with a client that has no timeout of its own.
fn fetch(urls: Vec<String>, deadline: Duration) -> Vec<Fetch> {
    block_on_within(PATIENCE * 2, "fetch_with_deadline", move || async move {
        let client = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("a client");
        fetch_with_deadline(&client, &urls, deadline).await
    })
}

#[test]
fn a_silent_server_times_out_and_the_others_keep_their_results() {
    let server = TestServer::start().unwrap();
    let urls = vec![
        server.url("/bytes/5"),
        server.url("/never"),
        server.url("/delay/100?bytes=7"),
        server.url("/status/503"),
        unreachable_url(),
    ];
    let got = fetch(urls, Duration::from_secs(1));
    assert_eq!(got.len(), 5, "one result per URL: {got:?}");
    assert_eq!(
        got[0],
        Fetch::Done(5),
        "{got:?}: the answers that arrived must be kept ({READ})"
    );
    assert_eq!(
        got[1],
        Fetch::TimedOut,
        "{got:?}: /never must time out ({READ})"
    );
    assert_eq!(
        got[2],
        Fetch::Done(7),
        "{got:?}: the answers that arrived must be kept ({READ})"
    );
    assert!(
        matches!(got[3], Fetch::Failed(_)),
        "{got:?}: a 503 answer is a failure ({READ})"
    );
    assert!(
        matches!(got[4], Fetch::Failed(_)),
        "{got:?}: a refused connection is a failure ({READ})"
    );
}

#[test]
fn every_request_runs_at_the_same_time() {
    let server = TestServer::start().unwrap();
    let mut urls = vec![server.url("/barrier/3"); 3];
    urls.push(server.url("/never"));
    let got = fetch(urls, Duration::from_secs(1));
    let met = got
        .iter()
        .take(3)
        .all(|fetched| matches!(fetched, Fetch::Done(_)));
    assert!(
        met && got.get(3) == Some(&Fetch::TimedOut),
        "the three /barrier/3 requests only succeed if they run at the same time, and /never \
         times out; got {got:?}. Spawn a task per URL ({READ})"
    );
}

#[test]
fn no_urls_no_results() {
    assert!(fetch(Vec::new(), Duration::from_secs(1)).is_empty());
}
