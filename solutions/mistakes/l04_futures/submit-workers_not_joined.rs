//! MISTAKE: no `Drop`: dropping the pool drops the queue's sender and the join handles, so the
//! workers are detached and finish the queue in the background after the drop has returned.

use std::panic::{self, AssertUnwindSafe};
use std::thread::{self, JoinHandle};

use crossbeam::channel::{self, Receiver, Sender};
use shared::instruments::panic_message;

/// A task that panicked; `message` is what it gave to `panic!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPanicked {
    /// The panic's message.
    pub message: String,
}

/// What the queue carries: a task already wrapped to send its outcome home.
type Job = Box<dyn FnOnce() + Send>;

/// A fixed team of worker threads that run submitted tasks.
#[derive(Debug)]
pub struct Pool {
    queue: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

/// The answer to one submitted task: Python's `Future`.
///
/// A channel of capacity one per task: the worker sends the outcome once, `result` receives
/// it once. A value sent before anyone waits is kept in the channel, so nothing is lost
/// whichever side comes first.
#[derive(Debug)]
pub struct Handle<T> {
    outcome: Receiver<Result<T, TaskPanicked>>,
}

impl Pool {
    /// Starts `workers` threads that wait for tasks.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a pool needs at least one worker");
        let (queue, tasks) = channel::unbounded::<Job>();
        let workers = (0..workers)
            .map(|_| {
                let tasks = tasks.clone();
                // A job never panics (the task's panic is caught inside it), so one bad task
                // cannot end this loop and shrink the pool.
                thread::spawn(move || tasks.into_iter().for_each(|job| job()))
            })
            .collect();
        Self {
            queue: Some(queue),
            workers,
        }
    }

    /// Queues `task` for the next free worker and returns its handle at once.
    pub fn submit<T, F>(&self, task: F) -> Handle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let (done, outcome) = channel::bounded(1);
        let job: Job = Box::new(move || {
            // `AssertUnwindSafe`: the task's own data is dropped with it, and a lock it held is
            // poisoned, so a panic leaves nothing half-updated that others could trust.
            let result =
                panic::catch_unwind(AssertUnwindSafe(task)).map_err(|payload| TaskPanicked {
                    message: panic_message(&*payload),
                });
            // The caller may have dropped its handle; then nobody wants the outcome.
            let _ = done.send(result);
        });
        self.queue
            .as_ref()
            .expect("the queue stays open until the pool is dropped")
            .send(job)
            .expect("the workers hold the queue's receiving ends until it is closed");
        Handle { outcome }
    }
}

impl<T> Handle<T> {
    /// Waits for the task; its value, or the message of its panic.
    pub fn result(self) -> Result<T, TaskPanicked> {
        self.outcome
            .recv()
            .expect("a queued task always runs: the pool's drop waits for the queue to empty")
    }
}
