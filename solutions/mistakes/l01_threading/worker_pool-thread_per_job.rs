//! MISTAKE: "executes" each job on a new thread of its own: no team, no reuse, as many
//! threads as jobs.

use std::sync::Mutex;
use std::thread::{self, JoinHandle};

/// A job.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// Not a pool: a thread per job.
#[derive(Debug)]
pub struct WorkerPool {
    threads: Mutex<Vec<JoinHandle<()>>>,
}

impl WorkerPool {
    /// Starts nothing.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a WorkerPool needs at least one worker");
        Self {
            threads: Mutex::new(Vec::new()),
        }
    }

    /// Starts a thread for `job`.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        self.threads.lock().unwrap().push(thread::spawn(job));
    }

    /// Joins every job's thread, counting those that panicked.
    pub fn join(self) -> usize {
        self.threads
            .into_inner()
            .unwrap()
            .into_iter()
            .map(|handle| usize::from(handle.join().is_err()))
            .sum()
    }
}
