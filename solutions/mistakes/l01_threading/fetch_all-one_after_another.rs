//! MISTAKE: joins each thread right after spawning it, so every download waits for the one
//! before. Threads are used, but nothing runs at the same time.

use reqwest::blocking::Client;

/// Spawns and immediately joins one thread per URL.
pub fn fetch_all(client: &Client, urls: &[String]) -> Vec<Result<usize, reqwest::Error>> {
    std::thread::scope(|scope| {
        urls.iter()
            .map(|url| {
                scope
                    .spawn(move || Ok(client.get(url).send()?.error_for_status()?.bytes()?.len()))
                    .join()
                    .expect("a download thread panicked")
            })
            .collect()
    })
}
