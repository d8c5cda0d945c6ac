//! Section 4's plain idiom: four Rust threads add one to a shared counter 200 000 times each.
//! Reading and then writing back loses updates, as `counter += 1` can in Python; `fetch_add`
//! makes the read, the add and the write one indivisible step and loses none. Run it with
//! `cargo run -p lesson-00-gil-analogy --example counter`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

// ANCHOR: counter
/// Each thread reads the counter and writes back what it read plus one: two steps, and
/// another thread's increments between them are overwritten.
fn read_then_write(threads: u64, times: u64) -> u64 {
    let counter = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..times {
                    let value = counter.load(Ordering::Relaxed);
                    counter.store(value + 1, Ordering::Relaxed);
                }
            });
        }
    });
    counter.into_inner()
}

/// One indivisible read-add-write per increment.
fn fetch_add(threads: u64, times: u64) -> u64 {
    let counter = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..times {
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    counter.into_inner()
}
// ANCHOR_END: counter

fn main() {
    let (threads, times) = (4, 200_000);
    println!("expected          {}", threads * times);
    println!("load, then store  {}", read_then_write(threads, times));
    println!("fetch_add         {}", fetch_add(threads, times));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetch_add_counts_every_increment() {
        assert_eq!(fetch_add(4, 50_000), 200_000);
    }

    #[test]
    fn read_then_write_never_counts_more_than_it_should() {
        // Whether updates are lost depends on timing, so only the bound is certain.
        assert!(read_then_write(4, 50_000) <= 200_000);
        assert_eq!(
            read_then_write(1, 50_000),
            50_000,
            "one thread loses nothing"
        );
    }
}
