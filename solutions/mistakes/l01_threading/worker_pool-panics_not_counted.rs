//! MISTAKE: catches each job's panic, so the workers survive, and then forgets it: `join`
//! reports no panics at all.

use std::panic::{self, AssertUnwindSafe};
use std::thread::{self, JoinHandle};

use crossbeam::channel::{self, Sender};

/// A job.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A pool that hides its jobs' panics.
#[derive(Debug)]
pub struct WorkerPool {
    jobs: Sender<Job>,
    workers: Vec<JoinHandle<()>>,
}

impl WorkerPool {
    /// Starts `workers` threads.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a WorkerPool needs at least one worker");
        let (jobs, queue) = channel::unbounded::<Job>();
        let workers = (0..workers)
            .map(|_| {
                let queue = queue.clone();
                thread::spawn(move || {
                    for job in queue {
                        let _ = panic::catch_unwind(AssertUnwindSafe(job));
                    }
                })
            })
            .collect();
        Self { jobs, workers }
    }

    /// Queues `job`.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        self.jobs.send(Box::new(job)).unwrap();
    }

    /// Closes the queue and joins the workers; reports nothing.
    pub fn join(self) -> usize {
        drop(self.jobs);
        for worker in self.workers {
            let _ = worker.join();
        }
        0
    }
}
