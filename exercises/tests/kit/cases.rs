//! Server scenarios that several exercises' tests share.

use shared::server::TestServer;

/// Three downloads of 30, 10 and 20 bytes; the middle one answers last, so the order they
/// finish in differs from the order given.
pub fn input_order(server: &TestServer) -> Vec<String> {
    vec![
        server.url("/bytes/30"),
        server.url("/delay/300?bytes=10"),
        server.url("/bytes/20"),
    ]
}

/// `count` requests to a barrier that opens only when all of them wait there together.
pub fn all_at_once(server: &TestServer, count: usize) -> Vec<String> {
    vec![server.url(&format!("/barrier/{count}")); count]
}
