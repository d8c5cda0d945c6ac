//! MISTAKE: the workers share a std `mpsc::Receiver` behind `Arc<Mutex<…>>` and take tasks with
//! `while let Ok(job) = receiver.lock().unwrap().recv()`. The guard is a temporary of the
//! `while let` expression, so it lives until the end of the loop body: each worker holds the
//! lock while it runs its task, and the other workers wait for it. One task at a time.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

use shared::instruments::panic_message;

/// A task that panicked; `message` is what it gave to `panic!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPanicked {
    /// The panic's message.
    pub message: String,
}

type Job = Box<dyn FnOnce() + Send>;

/// A fixed team of worker threads that run submitted tasks, one at a time.
#[derive(Debug)]
pub struct Pool {
    queue: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

/// The answer to one submitted task.
#[derive(Debug)]
pub struct Handle<T> {
    outcome: Receiver<Result<T, TaskPanicked>>,
}

impl Pool {
    /// Starts `workers` threads that wait for tasks.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a pool needs at least one worker");
        let (queue, tasks) = mpsc::channel::<Job>();
        let tasks = Arc::new(Mutex::new(tasks));
        let workers = (0..workers)
            .map(|_| {
                let tasks = Arc::clone(&tasks);
                thread::spawn(move || {
                    while let Ok(job) = tasks.lock().unwrap().recv() {
                        job();
                    }
                })
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
        let (done, outcome) = mpsc::channel();
        let job: Job = Box::new(move || {
            let result =
                panic::catch_unwind(AssertUnwindSafe(task)).map_err(|payload| TaskPanicked {
                    message: panic_message(&*payload),
                });
            let _ = done.send(result);
        });
        self.queue.as_ref().unwrap().send(job).unwrap();
        Handle { outcome }
    }
}

impl<T> Handle<T> {
    /// Waits for the task; its value, or the message of its panic.
    pub fn result(self) -> Result<T, TaskPanicked> {
        self.outcome.recv().unwrap()
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        drop(self.queue.take());
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
