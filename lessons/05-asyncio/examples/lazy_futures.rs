//! Section 1's idiom without the course's instruments: a future runs only when awaited; a
//! spawned task runs without being awaited.
//!
//! `cargo run -p lesson-05-asyncio --example lazy_futures`

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: idiom
async fn count(calls: Arc<AtomicUsize>) {
    calls.fetch_add(1, Ordering::SeqCst);
}

/// How many bodies ran before anything was awaited: the future's (0), then the task's (1).
async fn lazy_then_spawned() -> (usize, usize) {
    let calls = Arc::new(AtomicUsize::new(0));
    let future = count(Arc::clone(&calls)); // a value: nothing has run
    tokio::task::yield_now().await;
    let before_await = calls.load(Ordering::SeqCst);
    future.await; // the body runs now

    let calls = Arc::new(AtomicUsize::new(0));
    let task = tokio::spawn(count(Arc::clone(&calls))); // the runtime runs it
    tokio::task::yield_now().await; // (on one thread, a task runs when the spawner yields)
    let before_join = calls.load(Ordering::SeqCst);
    task.await.expect("the task does not panic");
    (before_await, before_join)
}
// ANCHOR_END: idiom

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (future, task) = lazy_then_spawned().await;
    println!("before being awaited, the future's body ran {future} time(s), the task's {task}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_future_waits_for_its_await_and_a_task_does_not() {
        assert_eq!(lazy_then_spawned().await, (0, 1));
    }
}
