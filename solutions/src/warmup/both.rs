//! Warm-up: run two closures at the same time.

use std::panic;
use std::thread;

/// Runs `a` and `b` at the same time and returns `(a(), b())`.
///
/// `a` runs on a scoped thread while this thread runs `b`: two threads, not three, because
/// the caller would otherwise sit idle. The scope guarantees the thread is joined before
/// `both` returns, which is what lets the closures borrow from the caller.
pub fn both<A, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B)
where
    A: Send,
    B: Send,
{
    thread::scope(|scope| {
        let first = scope.spawn(a);
        let second = b();
        // `join` is `Err` if `a` panicked: re-raise that panic here instead of hiding it.
        let first = first
            .join()
            .unwrap_or_else(|payload| panic::resume_unwind(payload));
        (first, second)
    })
}
