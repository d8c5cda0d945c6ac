//! Collecting the results of spawned tokio tasks.

use std::panic;

use tokio::task::JoinHandle;

// ANCHOR: in_order
/// Awaits spawned tasks one by one, in the order given, and returns their results in that
/// order: `asyncio.gather`'s contract. They all run meanwhile; awaiting only collects them.
/// A task that panicked passes its panic on here, with its own message.
pub async fn in_order<T>(tasks: Vec<JoinHandle<T>>) -> Vec<T> {
    let mut results = Vec::with_capacity(tasks.len());
    for task in tasks {
        match task.await {
            Ok(value) => results.push(value),
            Err(error) if error.is_panic() => panic::resume_unwind(error.into_panic()),
            Err(error) => panic!("a task was cancelled before it finished: {error}"),
        }
    }
    results
}
// ANCHOR_END: in_order

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test(start_paused = true)]
    async fn results_come_in_the_order_given_not_the_order_finished() {
        let tasks = [3u64, 1, 2]
            .into_iter()
            .map(|secs| {
                tokio::spawn(async move {
                    tokio::time::sleep(Duration::from_secs(secs)).await;
                    secs
                })
            })
            .collect();
        assert_eq!(in_order(tasks).await, [3, 1, 2]);
    }

    #[tokio::test]
    async fn a_panic_in_a_task_reaches_the_caller() {
        let tasks = vec![tokio::spawn(async { panic!("the task failed") })];
        let outcome = tokio::spawn(in_order::<()>(tasks)).await.unwrap_err();
        let message = crate::instruments::panic_message(&*outcome.into_panic());
        assert_eq!(message, "the task failed");
    }
}
