//! MISTAKE: `join` waits for the workers while it still holds the `Sender`, so the channel
//! never closes and the workers wait for more jobs forever.

use std::thread::{self, JoinHandle};

use crossbeam::channel::{self, Sender};

/// A job.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A pool that cannot shut down.
#[derive(Debug)]
pub struct WorkerPool {
    jobs: Sender<Job>,
    workers: Vec<JoinHandle<usize>>,
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
                    let mut panicked = 0;
                    for job in queue {
                        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)).is_err() {
                            panicked += 1;
                        }
                    }
                    panicked
                })
            })
            .collect();
        Self { jobs, workers }
    }

    /// Queues `job`.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        self.jobs.send(Box::new(job)).unwrap();
    }

    /// Joins the workers first, and would drop the sender only afterwards.
    pub fn join(self) -> usize {
        let mut panicked = 0;
        for worker in self.workers {
            panicked += worker.join().unwrap_or(0);
        }
        drop(self.jobs);
        panicked
    }
}
