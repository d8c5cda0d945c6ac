//! The same toolkit for plain threads, on reqwest's blocking client. It must not be used inside
//! an async runtime (reqwest panics if it is): async code uses [`super::client`] and
//! [`super::fetch`].

use std::time::Duration;

use reqwest::blocking::Client;

use super::{Fetched, Network};

/// A blocking HTTP client that gives up on a request after `timeout`. Clones are cheap
/// handles to one connection pool.
pub fn client(timeout: Duration, network: Network) -> reqwest::Result<Client> {
    let builder = Client::builder().timeout(timeout);
    match network {
        Network::Loopback => builder.no_proxy(),
        Network::Internet => builder,
    }
    .build()
}

// ANCHOR: fetch
/// Downloads `url` and returns the size of its body; an error status is an error too.
pub fn fetch(client: &Client, url: &str) -> Fetched {
    let body = client.get(url).send()?.error_for_status()?.bytes()?;
    Ok(body.len())
}
// ANCHOR_END: fetch
