//! `Executor::map` over four downloads that each take 200 ms: about 200 ms in all on four
//! workers, with the pages in input order. Python's `ThreadPoolExecutor(4).map(download, names)`.
//! Run it with `cargo run -p lesson-04-futures --example map`.

use std::thread;
use std::time::{Duration, Instant};

use lesson_04_futures::Executor;

// ANCHOR: map
fn download(name: &str) -> String {
    thread::sleep(Duration::from_millis(200)); // stands for waiting on the network
    format!("contents of {name}")
}

fn download_all(names: &[&'static str], workers: usize) -> Vec<String> {
    let pool = Executor::new(workers);
    pool.map(download, names.to_vec())
        .map(|page| page.expect("download does not panic"))
        .collect()
} // the pool is dropped here, like leaving Python's `with` block: it waits for its workers

fn main() {
    let started = Instant::now();
    let pages = download_all(&["a.txt", "b.txt", "c.txt", "d.txt"], 4);
    println!("{pages:?} in {:?}", started.elapsed()); // about 200 ms, not 800
}
// ANCHOR_END: map

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_come_back_in_input_order() {
        let pages = download_all(&["x", "y", "z"], 2);
        assert_eq!(pages, ["contents of x", "contents of y", "contents of z"]);
    }
}
