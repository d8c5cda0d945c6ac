//! # Exercise: a parallel map that keeps the order
//!
//! Section 1 of the lesson cut a range of numbers into pieces, counted the primes of each piece
//! on its own thread, and added up what came back. Generalise it to any work: write
//! `parallel_map(items, threads, f)`, which applies `f` to every item on `threads` threads at once
//! and returns the results **in the order of `items`**, like Python's
//! `list(executor.map(f, items))` or `multiprocessing.Pool(threads).map(f, items)`.
//!
//! What the tests check:
//! - the results are `[f(&items[0]), f(&items[1]), …]`, in that order, whichever thread computed
//!   which, and even when a later item finishes long before an earlier one;
//! - every item is mapped exactly once, whatever `items.len() % threads` is, and an empty slice
//!   gives an empty `Vec`;
//! - `threads` calls of `f` run at the same time (fewer only if there are fewer items), and never
//!   more: the tests count how many calls are in flight at once;
//! - `f` may borrow from the caller: it is `Fn(&T) -> R + Sync`, not `'static`;
//! - `threads == 0` is the caller's mistake: panic with a message that says
//!   "at least one thread";
//! - if `f` panics, `parallel_map` panics too, with the same message.
//!
//! Tests: `cargo test -p exercises l01_threading::parallel_map`.
//! Hints, and where to read: `cargo run -p exercises -- hint parallel_map`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

/// Applies `f` to every item on `threads` threads at once; returns the results in the order of
/// `items`.
pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    // TODO: cut `items` into `threads` pieces, map each piece on a scoped thread, and put the
    // pieces' results back together in order.
    todo!("l01_threading::parallel_map: map the items on several threads, in order")
}
