//! # Exercise: as_completed, each result the moment its task finishes
//!
//! Python's `as_completed(futures)` yields each future as it finishes, so a program can act on
//! the first answer while the slow ones are still running. Write `as_completed(workers,
//! tasks)`, which runs the tasks on a pool of its own and streams their outcomes:
//!
//! - it starts exactly `workers` threads, which run the tasks, first submitted first started;
//!   panic with a message saying "at least one worker" for 0;
//! - it returns at once, before any task has finished, the receiving end of a channel;
//! - each task's outcome arrives on that channel as `(index, outcome)` the moment the task
//!   finishes: `index` is the task's position in `tasks`, and the order is the order the tasks
//!   finish in, not the order they were given;
//! - the outcome of a task that panicked is `Err(TaskPanicked { message })`, with the panic's
//!   message, and its worker goes on with the next task;
//! - once every task has reported, the channel is closed, so a `for` loop over it ends:
//!   exactly one item per task. The workers exit on their own when the tasks run out.
//!
//! `crossbeam::channel` gives channels whose receiving end can be cloned (a queue the workers
//! share); a channel closes when every `Sender` is gone. `std::panic::catch_unwind` and
//! `shared::instruments::panic_message` turn a panic into a message.
//!
//! Tests: `cargo test -p exercises l04_futures::as_completed`.
//! Hints, and where to read: `cargo run -p exercises -- hint as_completed`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use crossbeam::channel::Receiver;

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
    // TODO: queue the tasks with their indices; start the workers, each with the queue's
    // receiving end and a sender for the outcomes; return the outcomes' receiving end.
    todo!("l04_futures::as_completed: stream outcomes as tasks finish")
}
