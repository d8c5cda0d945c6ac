//! The pipeline with tokio tasks and `tokio::sync::mpsc` channels. Run it with
//! `cargo run -p lesson-06-sched-queue --example async_pipeline`.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinSet;

// ANCHOR: pipeline
/// Squares `0..items` in `workers` tasks; returns the sum of the squares.
async fn pipeline(items: u64, workers: usize, capacity: usize) -> u64 {
    let (raw_sender, raw) = mpsc::channel(capacity);
    let (done_sender, mut done) = mpsc::channel(capacity);
    tokio::spawn(async move {
        for item in 0..items {
            raw_sender.send(item).await.expect("the workers are alive"); // waits while full
        }
    });
    let raw = Arc::new(Mutex::new(raw)); // an mpsc receiver cannot be cloned: share it
    let mut tasks = JoinSet::new();
    for _ in 0..workers {
        let (raw, done_sender) = (Arc::clone(&raw), done_sender.clone());
        tasks.spawn(async move {
            loop {
                let next = raw.lock().await.recv().await; // the lock ends with the statement
                let Some(item) = next else { break };
                tokio::time::sleep(Duration::from_millis(1)).await; // the slow stage
                done_sender
                    .send(item * item)
                    .await
                    .expect("the writer is alive");
            }
        });
    }
    drop(done_sender); // `done` closes when the last worker's clone is dropped
    let mut sum = 0;
    while let Some(square) = done.recv().await {
        sum += square;
    }
    sum
}

#[tokio::main]
async fn main() {
    println!("sum of squares: {}", pipeline(100, 3, 4).await);
}
// ANCHOR_END: pipeline

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn every_item_is_squared_once_and_the_workers_overlap() {
        let started = tokio::time::Instant::now();
        let sum = pipeline(30, 3, 2).await;
        assert_eq!(sum, (0..30).map(|i| i * i).sum::<u64>());
        assert_eq!(
            started.elapsed(),
            Duration::from_millis(10),
            "30 items, 3 at a time"
        );
    }
}
