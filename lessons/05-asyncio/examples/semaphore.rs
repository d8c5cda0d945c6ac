//! Section 4's idiom without the course's instruments: tasks that hold a permit while they
//! work, so that at most `limit` work at a time.
//!
//! `cargo run -p lesson-05-asyncio --example semaphore`

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

// ANCHOR: idiom
/// Runs `count` tasks, at most `limit` in their limited part at once.
async fn limited(count: usize, limit: usize, work: Duration) {
    let permits = Arc::new(Semaphore::new(limit));
    let tasks: Vec<_> = (0..count)
        .map(|_| {
            let permits = Arc::clone(&permits);
            tokio::spawn(async move {
                let _permit = permits.acquire_owned().await.expect("never closed");
                tokio::time::sleep(work).await; // the permit is held until here
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("a task panicked");
    }
}
// ANCHOR_END: idiom

#[tokio::main]
async fn main() {
    let started = std::time::Instant::now();
    limited(10, 3, Duration::from_millis(200)).await;
    println!("10 waits of 200 ms, 3 at a time: {:?}", started.elapsed());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn ten_waits_three_at_a_time_take_four_rounds() {
        let started = tokio::time::Instant::now();
        limited(10, 3, Duration::from_secs(1)).await;
        let rounds = (tokio::time::Instant::now() - started).as_secs();
        assert_eq!(rounds, 4, "⌈10/3⌉ rounds of one wait, on the paused clock");
    }
}
