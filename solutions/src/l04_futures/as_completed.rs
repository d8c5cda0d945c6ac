//! Lesson 04: as_completed, each result the moment its task finishes.

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
///
/// Two channels: the queue of `(index, task)`, filled and closed before the workers start, and
/// the outcomes. Each worker holds a clone of the outcomes' `Sender` and this function keeps
/// none, so the outcomes' channel closes exactly when the last worker exits, after the last
/// task has reported. The workers are not joined: nobody waits for them here, and they end on
/// their own once the queue is empty.
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
    outcomes
}
