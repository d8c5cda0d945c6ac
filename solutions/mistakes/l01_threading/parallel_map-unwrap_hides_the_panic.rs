//! MISTAKE: joins with `.unwrap()`. The map is right, but when `f` panics the caller sees
//! "called `Result::unwrap()` on an `Err` value: Any { .. }" instead of what `f` said.

use std::thread;

/// Maps correctly, but replaces a panic's message with unwrap's.
pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0, "parallel_map needs at least one thread");
    let (base, extra) = (items.len() / threads, items.len() % threads);
    let f = &f;
    thread::scope(|scope| {
        let mut start = 0;
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let end = start + base + usize::from(t < extra);
                let piece = &items[start..end];
                start = end;
                scope.spawn(move || piece.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}
