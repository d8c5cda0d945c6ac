//! MISTAKE: the inputs are cut into one contiguous chunk per worker before any work starts.
//! The order and the limit are right, but a worker stuck on a slow input cannot hand the rest
//! of its chunk to a worker that is free.

use std::thread;

/// `f` applied to every input, each worker taking a fixed chunk.
pub fn map_in_order<A, T, F>(inputs: Vec<A>, workers: usize, f: F) -> Vec<T>
where
    A: Send,
    T: Send,
    F: Fn(A) -> T + Sync,
{
    assert!(workers > 0, "map_in_order needs at least one worker");
    let per_worker = inputs.len().div_ceil(workers).max(1);
    let mut chunks: Vec<Vec<A>> = Vec::new();
    let mut inputs = inputs.into_iter().peekable();
    while inputs.peek().is_some() {
        chunks.push(inputs.by_ref().take(per_worker).collect());
    }
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || chunk.into_iter().map(f).collect::<Vec<T>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap())
            .collect()
    })
}
