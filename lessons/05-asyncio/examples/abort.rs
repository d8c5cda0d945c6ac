//! Section 5's idiom without the course's instruments: a group of tasks, stopped when a deadline
//! comes, with what finished kept.
//!
//! `cargo run -p lesson-05-asyncio --example abort`

use std::time::Duration;

use tokio::task::JoinSet;

// ANCHOR: idiom
/// Runs one task per wait; at `deadline`, aborts the rest. Returns the indices that finished.
async fn finished_by(waits: &[Duration], deadline: Duration) -> Vec<usize> {
    let mut tasks = JoinSet::new();
    for (i, &wait) in waits.iter().enumerate() {
        tasks.spawn(async move {
            tokio::time::sleep(wait).await;
            i
        });
    }
    let mut finished = Vec::new();
    let _ = tokio::time::timeout(deadline, async {
        while let Some(Ok(i)) = tasks.join_next().await {
            finished.push(i);
        }
    })
    .await;
    tasks.abort_all(); // dropping the set would abort them too
    finished
}
// ANCHOR_END: idiom

#[tokio::main]
async fn main() {
    let waits: Vec<Duration> = (1..=5).map(|n| Duration::from_millis(100 * n)).collect();
    let done = finished_by(&waits, Duration::from_millis(250)).await;
    println!("finished by the deadline: {done:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn what_ends_before_the_deadline_is_kept_and_the_rest_stopped() {
        let waits: Vec<Duration> = (1..=5).map(Duration::from_secs).collect();
        assert_eq!(
            finished_by(&waits, Duration::from_millis(2500)).await,
            [0, 1]
        );
    }
}
