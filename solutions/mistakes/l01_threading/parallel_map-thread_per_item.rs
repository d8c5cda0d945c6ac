//! MISTAKE: a scoped thread for every item. The results are right and in order, but `threads`
//! is ignored: a thousand items start a thousand threads at once.

use std::thread;

/// Maps each item on a thread of its own.
pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0, "parallel_map needs at least one thread");
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = items
            .iter()
            .map(|item| scope.spawn(move || f(item)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}
