//! MISTAKE: moves the blocking work into a new *task*. A task runs on the runtime's threads
//! too, so on a current-thread runtime it still blocks the only thread.

/// Runs `work` in a task of its own, still on the runtime.
pub async fn run_blocking<T>(work: impl FnOnce() -> T + Send + 'static) -> T
where
    T: Send + 'static,
{
    tokio::spawn(async move { work() }).await.unwrap()
}
