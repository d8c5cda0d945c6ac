//! MISTAKE: a thread per task, as in lesson 01. Outcomes do arrive as tasks finish, but
//! `workers` is ignored: ten tasks run on ten threads.

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
    let (finished, outcomes) = channel::unbounded();
    // A thread per task: each reports as it finishes, but nothing limits how many run at once.
    for (index, task) in tasks.into_iter().enumerate() {
        let finished = finished.clone();
        thread::spawn(move || {
            let outcome =
                panic::catch_unwind(AssertUnwindSafe(task)).map_err(|payload| TaskPanicked {
                    message: panic_message(&*payload),
                });
            let _ = finished.send((index, outcome));
        });
    }
    outcomes
}
