//! Lesson 04: map on a few workers, results in input order, borrowing allowed.

use std::thread;

use crossbeam::channel;

/// `f` applied to every input on `workers` threads; the results in input order.
///
/// All the inputs go into a queue first, each with its index, and the queue is closed; each
/// worker takes the next input whenever it is free, so a slow input holds up only the worker
/// that has it. Results come back in finishing order with their index beside them, and the
/// index puts each in its place. `thread::scope` returns only when every worker has finished,
/// which is why `f` and its borrows need not be `'static`.
pub fn map_in_order<A, T, F>(inputs: Vec<A>, workers: usize, f: F) -> Vec<T>
where
    A: Send,
    T: Send,
    F: Fn(A) -> T + Sync,
{
    assert!(workers > 0, "map_in_order needs at least one worker");
    let count = inputs.len();
    let (queue, to_do) = channel::unbounded();
    for job in inputs.into_iter().enumerate() {
        queue.send(job).expect("to_do is alive");
    }
    drop(queue); // closed: each worker's loop ends once the queue is empty
    let (finished, results) = channel::unbounded();
    thread::scope(|scope| {
        for _ in 0..workers {
            let (to_do, finished, f) = (to_do.clone(), finished.clone(), &f);
            scope.spawn(move || {
                for (index, input) in to_do {
                    finished.send((index, f(input))).expect("results is alive");
                }
            });
        }
    });
    drop(finished);
    let mut in_order: Vec<Option<T>> = (0..count).map(|_| None).collect();
    for (index, result) in results {
        in_order[index] = Some(result);
    }
    in_order
        .into_iter()
        .map(|result| result.expect("every input was mapped once"))
        .collect()
}
