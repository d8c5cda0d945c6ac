//! `submit` and `as_completed` against the embedded server: each download is reported the
//! moment it finishes, and a failure is an error value, never a message where a size belongs.
//! Run it with `cargo run -p lesson-04-futures --example as_completed`.

use std::time::Duration;

use lesson_04_futures::{Executor, as_completed};
use reqwest::blocking::Client;
use shared::http::Network;
use shared::http::blocking::{client, fetch};
use shared::server::TestServer;

// ANCHOR: as_completed
fn report_as_completed(pool: &Executor, client: &Client, urls: &[String]) {
    let handles: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url) = (client.clone(), url.clone()); // the task must own its data
            pool.submit(move || fetch(&client, &url))
        })
        .collect();
    for (i, outcome) in as_completed(handles) {
        match outcome {
            Ok(Ok(size)) => println!("{}: {size} bytes", urls[i]),
            Ok(Err(download_error)) => println!("{}: failed: {download_error}", urls[i]),
            Err(task_error) => println!("{}: {task_error}", urls[i]), // a panic, or cancelled
        }
    }
}
// ANCHOR_END: as_completed

// ANCHOR: question_marks
/// The total size of the downloads, or the first error: one `?` for the task (did it run to
/// the end?), one for the download (did it succeed?).
fn total_size(pool: &Executor, client: &Client, urls: &[String]) -> anyhow::Result<usize> {
    let handles: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url) = (client.clone(), url.clone());
            pool.submit(move || fetch(&client, &url))
        })
        .collect();
    let mut total = 0;
    for handle in handles {
        total += handle.result()??;
    }
    Ok(total)
}
// ANCHOR_END: question_marks

fn main() -> anyhow::Result<()> {
    let server = TestServer::start()?;
    let urls: Vec<String> = [
        "/delay/300?bytes=3000",
        "/delay/100?bytes=1000",
        "/status/404",
    ]
    .iter()
    .map(|path| server.url(path))
    .collect();
    let client = client(Duration::from_secs(5), Network::Loopback)?;
    let pool = Executor::new(3);
    report_as_completed(&pool, &client, &urls);
    match total_size(&pool, &client, &urls) {
        Ok(total) => println!("{total} bytes in all"),
        Err(error) => println!("no total: {error}"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_marks_add_up_sizes_or_stop_at_the_first_error() {
        let server = TestServer::start().unwrap();
        let client = client(Duration::from_secs(20), Network::Loopback).unwrap();
        let pool = Executor::new(2);
        let good = vec![server.url("/bytes/30"), server.url("/bytes/12")];
        assert_eq!(total_size(&pool, &client, &good).unwrap(), 42);
        let bad = vec![server.url("/bytes/30"), server.url("/status/500")];
        let error = total_size(&pool, &client, &bad).unwrap_err();
        assert!(error.to_string().contains("500"), "{error}");
    }
}
