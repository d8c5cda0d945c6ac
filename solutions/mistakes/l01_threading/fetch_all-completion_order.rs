//! MISTAKE: collects results into a shared vector as downloads finish, so they come back in
//! completion order, not in the order of the URLs.

use std::sync::Mutex;

use reqwest::blocking::Client;

/// Downloads concurrently, but returns results in the order they finished.
pub fn fetch_all(client: &Client, urls: &[String]) -> Vec<Result<usize, reqwest::Error>> {
    let results = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for url in urls {
            let results = &results;
            scope.spawn(move || {
                let outcome = (|| Ok(client.get(url).send()?.error_for_status()?.bytes()?.len()))();
                results.lock().unwrap().push(outcome);
            });
        }
    });
    results.into_inner().unwrap()
}
