//! MISTAKE: the workers report as tasks finish, but a forwarding thread puts the outcomes
//! back in the order the tasks were given, as `map` would: an early finisher waits for every
//! task before it.

use std::panic::{self, AssertUnwindSafe};
use std::thread;

use crossbeam::channel::{self, Receiver};
use shared::instruments::panic_message;

/// A task: runs once, on a worker, and returns a value.
pub type Task<T> = Box<dyn FnOnce() -> T + Send + 'static>;

/// A task that panicked; `message` is what it gave to `panic!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPanicked {
    /// The panic's message.
    pub message: String,
}

/// Runs `tasks` on `workers` threads; returns at once a channel on which each task's
/// `(index, outcome)` arrives as the task finishes.
pub fn as_completed<T: Send + 'static>(
    workers: usize,
    tasks: Vec<Task<T>>,
) -> Receiver<(usize, Result<T, TaskPanicked>)> {
    assert!(workers > 0, "as_completed needs at least one worker");
    let (queue, to_do) = channel::unbounded();
    for job in tasks.into_iter().enumerate() {
        queue.send(job).expect("to_do is alive");
    }
    drop(queue);
    let (finished, outcomes) = channel::unbounded();
    for _ in 0..workers {
        let (to_do, finished) = (to_do.clone(), finished.clone());
        thread::spawn(move || {
            for (index, task) in to_do {
                let outcome =
                    panic::catch_unwind(AssertUnwindSafe(task)).map_err(|payload| TaskPanicked {
                        message: panic_message(&*payload),
                    });
                // The caller may have stopped listening; the remaining tasks still run.
                let _ = finished.send((index, outcome));
            }
        });
    }
    // Hands the outcomes on in the order the tasks were given, keeping early ones until their
    // turn comes: the way `map` orders results.
    let (in_order, ordered) = channel::unbounded();
    thread::spawn(move || {
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        for (index, outcome) in outcomes {
            waiting.insert(index, outcome);
            while let Some(outcome) = waiting.remove(&next) {
                let _ = in_order.send((next, outcome));
                next += 1;
            }
        }
    });
    ordered
}
