//! MISTAKE: the workers share the queue correctly, but push each result into one vector as it
//! finishes, so the results come back in finishing order.

use std::sync::Mutex;
use std::thread;

use crossbeam::channel;

/// `f` applied to every input on `workers` threads; the results in finishing order.
pub fn map_in_order<A, T, F>(inputs: Vec<A>, workers: usize, f: F) -> Vec<T>
where
    A: Send,
    T: Send,
    F: Fn(A) -> T + Sync,
{
    assert!(workers > 0, "map_in_order needs at least one worker");
    let (queue, to_do) = channel::unbounded();
    for input in inputs {
        queue.send(input).unwrap();
    }
    drop(queue);
    let results = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for _ in 0..workers {
            let (to_do, results, f) = (to_do.clone(), &results, &f);
            scope.spawn(move || {
                for input in to_do {
                    let result = f(input);
                    results.lock().unwrap().push(result);
                }
            });
        }
    });
    results.into_inner().unwrap()
}
