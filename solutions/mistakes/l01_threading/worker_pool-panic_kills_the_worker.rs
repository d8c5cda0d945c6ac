//! MISTAKE: runs each job as it comes, `job()`, with nothing around it. A panicking job unwinds
//! out of the worker's loop and ends the worker's thread: after as many panics as workers, the
//! pool has nobody left, and every later job waits forever (or `execute` finds the channel closed).

use std::thread::{self, JoinHandle};

use crossbeam::channel::{self, Sender};

/// A job.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A pool whose workers die with their jobs.
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
                        job();
                    }
                })
            })
            .collect();
        Self { jobs, workers }
    }

    /// Queues `job`.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        self.jobs
            .send(Box::new(job))
            .expect("the workers hold the receiving end");
    }

    /// Closes the queue and joins the workers; a worker that died counts as one panic.
    pub fn join(self) -> usize {
        drop(self.jobs);
        self.workers
            .into_iter()
            .map(|worker| usize::from(worker.join().is_err()))
            .sum()
    }
}
