//! MISTAKE: every thread gets `len / threads` items, so when the items do not divide evenly the
//! last `len % threads` of them are never mapped (and with fewer items than threads, none are).

use std::thread;

/// Maps equal slices of `len / threads` items.
pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0, "parallel_map needs at least one thread");
    let per_thread = items.len() / threads;
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let piece = &items[t * per_thread..(t + 1) * per_thread];
                scope.spawn(move || piece.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}
