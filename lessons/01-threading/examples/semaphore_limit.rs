//! Section 4's idiom without the course's instruments: many threads, at most `k` of them in the
//! limited part at once, with the lesson's semaphore.
//!
//! `cargo run -p lesson-01-threading --example semaphore_limit`

use std::thread;
use std::time::Duration;

use lesson_01_threading::semaphore::Semaphore;

// ANCHOR: idiom
/// Runs `jobs` on a thread each, at most `limit` of them at a time.
fn run_limited(jobs: Vec<Box<dyn FnOnce() + Send>>, limit: usize) {
    let semaphore = Semaphore::new(limit);
    thread::scope(|scope| {
        for job in jobs {
            let semaphore = &semaphore;
            scope.spawn(move || {
                semaphore.acquire(); // waits while `limit` threads are inside
                job();
                semaphore.release();
            });
        }
    });
}
// ANCHOR_END: idiom

fn main() {
    let jobs: Vec<Box<dyn FnOnce() + Send>> = (0..6)
        .map(|n| {
            Box::new(move || {
                println!("job {n} starts");
                thread::sleep(Duration::from_millis(200));
            }) as Box<dyn FnOnce() + Send>
        })
        .collect();
    run_limited(jobs, 2);
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::Gauge;

    #[test]
    fn no_more_than_the_limit_at_once() {
        let inside = Gauge::new();
        let jobs: Vec<Box<dyn FnOnce() + Send>> = (0..8)
            .map(|_| {
                let inside = inside.clone();
                Box::new(move || {
                    let _in = inside.enter();
                    thread::sleep(Duration::from_millis(5));
                }) as Box<dyn FnOnce() + Send>
            })
            .collect();
        run_limited(jobs, 3);
        assert!(inside.peak() <= 3, "peak {}", inside.peak());
        assert_eq!(inside.total(), 8);
    }
}
