//! Async for lesson 05: an `async fn` returns a future that does nothing until awaited; a
//! runtime drives it; `Pin<Box<dyn Future<Output = T> + Send>>` puts different futures in one
//! list; `tokio::select!` lets the first branch to finish win and drops the others.
//!
//! Every `async` block has a type of its own, even when two blocks return the same type, so two
//! of them cannot go into one `Vec` as they are (E0308, "mismatched types"):
//!
#![doc = include_str!("refused/two_async_blocks.md")]

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

// ANCHOR: lazy
/// Counts its calls: but only when its body runs, which is when it is awaited.
pub async fn count_call(calls: &AtomicUsize) -> usize {
    calls.fetch_add(1, Ordering::SeqCst) + 1
}

/// Creates a future, looks at the counter, runs the future, looks again.
pub fn futures_are_lazy() -> std::io::Result<(usize, usize)> {
    let calls = AtomicUsize::new(0);
    let future = count_call(&calls); // a future: none of the body has run
    let before = calls.load(Ordering::SeqCst);

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(future); // run it to the end, here, on this thread
    Ok((before, calls.load(Ordering::SeqCst)))
}
// ANCHOR_END: lazy

// ANCHOR: boxed
/// Any future that returns a `T`, can move between threads, and borrows
/// nothing.
pub type BoxedFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// Doubles `n` after giving other tasks a turn.
pub async fn double_later(n: u32) -> u32 {
    tokio::task::yield_now().await;
    n * 2
}

/// Three futures of three different types, in one list.
pub fn mixed_jobs() -> Vec<BoxedFuture<u32>> {
    vec![
        Box::pin(async { 1 }),
        Box::pin(double_later(21)),
        Box::pin(async {
            tokio::time::sleep(Duration::from_millis(1)).await;
            100
        }),
    ]
}

/// Spawns each future as a task, then awaits the tasks in order.
pub async fn run_all(jobs: Vec<BoxedFuture<u32>>) -> Vec<u32> {
    let handles: Vec<_> = jobs.into_iter().map(tokio::spawn).collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("a job panicked"));
    }
    results
}
// ANCHOR_END: boxed

// ANCHOR: select
/// Waits for `work`, but no longer than `max`: `None` if the timer wins.
pub async fn within<F: Future>(max: Duration, work: F) -> Option<F::Output> {
    tokio::select! {
        value = work => Some(value),
        () = tokio::time::sleep(max) => None, // `work` is dropped, unfinished
    }
}

/// Collects numbers from `numbers` until every sender is gone or `stop` fires.
pub async fn collect_until_stopped(
    mut numbers: mpsc::Receiver<u32>,
    mut stop: oneshot::Receiver<()>,
) -> Vec<u32> {
    let mut seen = Vec::new();
    loop {
        tokio::select! {
            next = numbers.recv() => match next {
                Some(number) => seen.push(number),
                None => break, // every sender dropped: nothing more can come
            },
            // A message, or its sender dropped: either way, stop.
            _ = &mut stop => break,
        }
    }
    seen
}
// ANCHOR_END: select

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    use super::*;

    #[test]
    fn an_async_fn_runs_only_when_awaited() {
        assert_eq!(futures_are_lazy().expect("a runtime"), (0, 1));
    }

    #[tokio::test]
    async fn a_future_dropped_without_await_never_runs() {
        let calls = AtomicUsize::new(0);
        drop(count_call(&calls));
        assert_eq!(calls.load(Ordering::SeqCst), 0);
        assert_eq!(count_call(&calls).await, 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn boxed_futures_of_different_types_run_as_tasks_in_order() {
        assert_eq!(run_all(mixed_jobs()).await, vec![1, 42, 100]);
    }

    /// Sets its flag when dropped.
    struct SetOnDrop(Arc<AtomicBool>);

    impl Drop for SetOnDrop {
        fn drop(&mut self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }

    #[tokio::test]
    async fn work_that_is_ready_wins_against_a_long_timer() {
        let answer = within(Duration::from_secs(3600), async { 42 }).await;
        assert_eq!(answer, Some(42));
    }

    #[tokio::test]
    async fn the_losing_branch_is_dropped_unfinished() {
        let dropped = Arc::new(AtomicBool::new(false));
        let finished = Arc::new(AtomicBool::new(false));
        let work = {
            let (dropped, finished) = (Arc::clone(&dropped), Arc::clone(&finished));
            async move {
                let _guard = SetOnDrop(dropped);
                std::future::pending::<()>().await; // never finishes
                finished.store(true, Ordering::SeqCst);
            }
        };
        assert_eq!(within(Duration::ZERO, work).await, None);
        assert!(dropped.load(Ordering::SeqCst), "the work was dropped");
        assert!(
            !finished.load(Ordering::SeqCst),
            "and never ran past its .await"
        );
    }

    #[tokio::test]
    async fn numbers_are_collected_until_the_senders_are_gone() {
        let (send, numbers) = mpsc::channel(8);
        let (_keep_stop_open, stop) = oneshot::channel();
        for number in [1, 2, 3] {
            send.send(number).await.expect("the receiver is alive");
        }
        drop(send);
        assert_eq!(collect_until_stopped(numbers, stop).await, [1, 2, 3]);
    }

    #[tokio::test]
    async fn stop_ends_the_loop_while_the_channel_is_still_open() {
        let (_keep_numbers_open, numbers) = mpsc::channel::<u32>(8);
        let (say_stop, stop) = oneshot::channel();
        say_stop.send(()).expect("the receiver is alive");
        assert!(collect_until_stopped(numbers, stop).await.is_empty());
    }

    #[tokio::test]
    async fn a_dropped_stop_sender_also_stops() {
        let (_keep_numbers_open, numbers) = mpsc::channel::<u32>(8);
        let (say_stop, stop) = oneshot::channel::<()>();
        drop(say_stop);
        assert!(collect_until_stopped(numbers, stop).await.is_empty());
    }
}
