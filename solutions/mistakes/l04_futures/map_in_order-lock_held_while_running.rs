//! MISTAKE: the workers share a std `mpsc::Receiver` behind a `Mutex` and take inputs with
//! `while let Ok(job) = queue.lock().unwrap().recv()`. The guard is a temporary of the
//! `while let` expression and lives until the end of the loop body, so each worker holds the
//! lock while `f` runs: the other workers wait, and the calls run one at a time.

use std::sync::{Mutex, mpsc};
use std::thread;

/// `f` applied to every input, one call at a time on `workers` threads.
pub fn map_in_order<A, T, F>(inputs: Vec<A>, workers: usize, f: F) -> Vec<T>
where
    A: Send,
    T: Send,
    F: Fn(A) -> T + Sync,
{
    assert!(workers > 0, "map_in_order needs at least one worker");
    let count = inputs.len();
    let (queue, to_do) = mpsc::channel();
    for job in inputs.into_iter().enumerate() {
        queue.send(job).unwrap();
    }
    drop(queue);
    let to_do = Mutex::new(to_do);
    let (finished, results) = mpsc::channel();
    thread::scope(|scope| {
        for _ in 0..workers {
            let (to_do, finished, f) = (&to_do, finished.clone(), &f);
            scope.spawn(move || {
                while let Ok((index, input)) = to_do.lock().unwrap().recv() {
                    finished.send((index, f(input))).unwrap();
                }
            });
        }
    });
    drop(finished);
    let mut in_order: Vec<Option<T>> = (0..count).map(|_| None).collect();
    for (index, result) in results {
        in_order[index] = Some(result);
    }
    in_order.into_iter().map(Option::unwrap).collect()
}
