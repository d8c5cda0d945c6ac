//! MISTAKE: lesson 01's pattern, a scoped thread per input joined in order. The order is right,
//! but `workers` is ignored: thirty inputs run on thirty threads at once.

use std::thread;

/// `f` applied to every input, each on a thread of its own.
pub fn map_in_order<A, T, F>(inputs: Vec<A>, workers: usize, f: F) -> Vec<T>
where
    A: Send,
    T: Send,
    F: Fn(A) -> T + Sync,
{
    assert!(workers > 0, "map_in_order needs at least one worker");
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = inputs
            .into_iter()
            .map(|input| scope.spawn(move || f(input)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect()
    })
}
