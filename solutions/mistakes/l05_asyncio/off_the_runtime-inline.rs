//! MISTAKE: calls the blocking work right there in the async function. It compiles, it
//! returns the right answer, and it freezes every other task on the thread meanwhile.

/// Runs `work` on the runtime's own thread.
pub async fn run_blocking<T>(work: impl FnOnce() -> T + Send + 'static) -> T
where
    T: Send + 'static,
{
    work()
}
