//! MISTAKE: cuts the items into pieces of ⌈len / threads⌉, which loses no item but can make
//! fewer pieces than threads: 9 items on 4 threads become 3 pieces of 3, so only 3 threads work.

use std::thread;

/// Maps pieces of ⌈len / threads⌉ items, one thread each.
pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0, "parallel_map needs at least one thread");
    if items.is_empty() {
        return Vec::new();
    }
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|piece| scope.spawn(move || piece.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}
