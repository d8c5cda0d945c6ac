//! MISTAKE: spawning and joining in one iterator chain. Iterators are lazy, so each input's
//! thread is spawned, then joined, before the next is spawned: one call at a time.

use std::thread;

/// `f` applied to every input, one thread after another.
pub fn map_in_order<A, T, F>(inputs: Vec<A>, workers: usize, f: F) -> Vec<T>
where
    A: Send,
    T: Send,
    F: Fn(A) -> T + Sync,
{
    assert!(workers > 0, "map_in_order needs at least one worker");
    let f = &f;
    thread::scope(|scope| {
        inputs
            .into_iter()
            .map(|input| scope.spawn(move || f(input)))
            .map(|handle| handle.join().unwrap())
            .collect()
    })
}
