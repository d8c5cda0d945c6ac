//! Section 8's idiom without the course's instruments: very many concurrent waits as tasks.
//!
//! `cargo run -p lesson-05-asyncio --example many_tasks`

use std::time::Duration;

// ANCHOR: idiom
/// Spawns `count` tasks that each wait `wait`, and waits for all of them.
async fn many_waits(count: usize, wait: Duration) {
    let tasks: Vec<_> = (0..count)
        .map(|_| tokio::spawn(tokio::time::sleep(wait)))
        .collect();
    for task in tasks {
        task.await.expect("a sleeping task does not panic");
    }
}
// ANCHOR_END: idiom

#[tokio::main]
async fn main() {
    let started = std::time::Instant::now();
    many_waits(100_000, Duration::from_secs(1)).await;
    println!("100 000 waits of one second: {:?}", started.elapsed());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn ten_thousand_waits_take_one_wait() {
        let started = tokio::time::Instant::now();
        many_waits(10_000, Duration::from_secs(1)).await;
        assert_eq!(
            tokio::time::Instant::now() - started,
            Duration::from_secs(1)
        );
    }
}
