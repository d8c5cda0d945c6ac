//! Server scenarios that several exercises' tests share: the URLs, and what a correct answer
//! says about each, in the words of `shared::http::describe`.

use std::time::Duration;

use shared::server::{TestServer, unreachable_url};

/// URLs and the outcome a correct fetch reports for each.
pub struct Case {
    pub urls: Vec<String>,
    pub expected: Vec<&'static str>,
}

/// Three downloads; the middle one answers last, so completion order differs from input order.
pub fn input_order(server: &TestServer) -> Case {
    Case {
        urls: vec![
            server.url("/bytes/30"),
            server.url("/delay/300?bytes=10"),
            server.url("/bytes/20"),
        ],
        expected: vec!["30 bytes", "10 bytes", "20 bytes"],
    }
}

/// How long the client in [`failures`] waits before giving up on the silent server.
pub const FAILURE_TIMEOUT: Duration = Duration::from_millis(500);

/// One success and every kind of failure: error statuses, a server that is down, and one that
/// never answers (use a client with [`FAILURE_TIMEOUT`]).
pub fn failures(server: &TestServer) -> Case {
    Case {
        urls: vec![
            server.url("/bytes/5"),
            server.url("/status/500"),
            unreachable_url(),
            server.url("/never"),
            server.url("/status/404"),
        ],
        expected: vec![
            "5 bytes",
            "HTTP 500",
            "could not connect",
            "timed out",
            "HTTP 404",
        ],
    }
}

/// `count` requests to a barrier that opens only when all of them wait there together.
pub fn all_at_once(server: &TestServer, count: usize) -> Vec<String> {
    vec![server.url(&format!("/barrier/{count}")); count]
}
