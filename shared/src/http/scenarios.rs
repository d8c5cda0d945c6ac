//! Sets of URLs on the embedded server that lessons and tests share.

use std::time::Duration;

use crate::server::{TestServer, unreachable_url};

/// Slow downloads, then one URL for each way a download can fail: a server error, a server that
/// never answers (only a client timeout ends it), and an address where nothing listens.
/// `downloads` gives each slow download's wait and body size.
pub fn every_outcome(server: &TestServer, downloads: &[(Duration, usize)]) -> Vec<String> {
    let slow = downloads
        .iter()
        .map(|(wait, bytes)| server.url(&format!("/delay/{}?bytes={bytes}", wait.as_millis())));
    slow.chain([
        server.url("/status/500"),
        server.url("/never"),
        unreachable_url(),
    ])
    .collect()
}
