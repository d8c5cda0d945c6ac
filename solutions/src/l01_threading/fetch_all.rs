//! Lesson 01: fetch every URL at once.

use reqwest::blocking::Client;

/// Downloads every URL in `urls` at the same time; returns each body's size or error, in the
/// order of `urls`.
///
/// Scoped threads may borrow `client` and each `url`, because the scope joins them all before
/// it returns. The handles are collected *before* any is joined: joining inside the spawning
/// loop would wait for each download before starting the next, which is the sequential loop
/// again. Joining them in spawn order keeps the results in input order, whatever order the
/// downloads finish in.
pub fn fetch_all(client: &Client, urls: &[String]) -> Vec<Result<usize, reqwest::Error>> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = urls
            .iter()
            .map(|url| scope.spawn(move || fetch(client, url)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a download thread panicked"))
            .collect()
    })
}

fn fetch(client: &Client, url: &str) -> Result<usize, reqwest::Error> {
    Ok(client.get(url).send()?.error_for_status()?.bytes()?.len())
}
