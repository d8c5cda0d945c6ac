//! Section 1's idiom without the course's instruments: split the work, start a thread per
//! piece, and add up what the threads hand back through their `JoinHandle`s.
//!
//! `cargo run -p lesson-01-threading --example spawn_join`

use std::thread;

use shared::workload::cpu::{count_primes, split};

// ANCHOR: idiom
/// Counts the primes below `limit` on `threads` threads.
fn count_primes_on_threads(limit: u64, threads: usize) -> u64 {
    let handles: Vec<thread::JoinHandle<u64>> = split(0..limit, threads)
        .into_iter()
        .map(|range| thread::spawn(move || count_primes(range)))
        .collect(); // start them all before waiting for any
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a counting thread panicked"))
        .sum()
}
// ANCHOR_END: idiom

fn main() {
    println!(
        "{} primes below 1 000 000",
        count_primes_on_threads(1_000_000, 4)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threads_count_what_one_thread_counts() {
        assert_eq!(count_primes_on_threads(100_000, 4), 9_592);
        assert_eq!(count_primes_on_threads(10, 3), 4);
    }
}
