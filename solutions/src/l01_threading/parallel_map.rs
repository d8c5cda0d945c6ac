//! Lesson 01: a parallel map that keeps the order.

use std::panic;
use std::thread;

/// Applies `f` to every item on `threads` threads at once; returns the results in the order of
/// `items`.
///
/// The items are cut into `threads` contiguous pieces whose lengths differ by at most one, so
/// no item is lost whatever the remainder, and every thread has work when there are enough
/// items. Each scoped thread maps its own piece in order; joining the handles in the order of
/// the pieces and concatenating gives the input order, whichever thread finished first. Scoped
/// threads may borrow `items` and `f`; a thread that panicked hands its payload to `join`, and
/// `resume_unwind` raises it again here unchanged.
pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0, "parallel_map needs at least one thread");
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = pieces(items, threads)
            .map(|piece| scope.spawn(move || piece.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_else(|p| panic::resume_unwind(p)))
            .collect()
    })
}

/// `items` cut into at most `parts` contiguous, non-empty pieces whose lengths differ by at most
/// one: the first `len % parts` pieces get one item more.
fn pieces<T>(items: &[T], parts: usize) -> impl Iterator<Item = &[T]> {
    let (base, extra) = (items.len() / parts, items.len() % parts);
    let mut rest = items;
    (0..parts)
        .map(move |i| {
            let (piece, tail) = rest.split_at(base + usize::from(i < extra));
            rest = tail;
            piece
        })
        .filter(|piece| !piece.is_empty())
}
