//! MISTAKE: joins each thread right after spawning it, in the same iterator chain. Iterators are
//! lazy, so each piece is spawned, mapped and joined before the next is even started: threads
//! are used, and nothing runs at the same time.

use std::thread;

/// Spawns and joins one piece at a time.
pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0, "parallel_map needs at least one thread");
    let (base, extra) = (items.len() / threads, items.len() % threads);
    let f = &f;
    let mut start = 0;
    thread::scope(|scope| {
        (0..threads)
            .map(|t| {
                let end = start + base + usize::from(t < extra);
                let piece = &items[start..end];
                start = end;
                piece
            })
            .flat_map(|piece| {
                scope
                    .spawn(move || piece.iter().map(f).collect::<Vec<R>>())
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
            .collect()
    })
}
