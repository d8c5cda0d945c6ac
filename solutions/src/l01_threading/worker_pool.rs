//! Lesson 01: the download team, a pool of worker threads.

use std::panic::{self, AssertUnwindSafe};
use std::thread::{self, JoinHandle};

use crossbeam::channel::{self, Sender};

/// A job: a closure that a worker runs once.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed team of worker threads fed through a channel.
///
/// Shutdown needs no sentinel: `join` drops the only `Sender`, which closes the channel, and
/// each worker's `for job in jobs` loop ends once the queue is empty. The order matters:
/// joining the workers while the sender is still alive would wait forever, because a worker
/// waiting on an open, empty channel never stops waiting.
///
/// Each job runs inside `catch_unwind`, so a panic ends the job, not the worker; each worker
/// counts the panics it caught and hands the count back through its `JoinHandle`.
#[derive(Debug)]
pub struct WorkerPool {
    jobs: Sender<Job>,
    workers: Vec<JoinHandle<usize>>,
}

impl WorkerPool {
    /// Starts `workers` threads, each running jobs from the shared channel until it closes, and
    /// surviving jobs that panic.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a WorkerPool needs at least one worker");
        let (jobs, queue) = channel::unbounded::<Job>();
        let workers = (0..workers)
            .map(|n| {
                let queue = queue.clone();
                thread::Builder::new()
                    .name(format!("worker {n}"))
                    .spawn(move || {
                        let mut panicked = 0;
                        for job in queue {
                            // A job is a closure we will never touch again after a panic, so
                            // nothing can observe state it left half-changed.
                            if panic::catch_unwind(AssertUnwindSafe(job)).is_err() {
                                panicked += 1;
                            }
                        }
                        panicked
                    })
                    .expect("the operating system refused to start a thread")
            })
            .collect();
        Self { jobs, workers }
    }

    /// Queues `job` for the next free worker.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        self.jobs
            .send(Box::new(job))
            .expect("the workers hold the receiving end until join");
    }

    /// Closes the queue, lets the workers finish every queued job, waits for them to exit, and
    /// returns how many jobs panicked.
    pub fn join(self) -> usize {
        let Self { jobs, workers } = self;
        drop(jobs);
        workers
            .into_iter()
            .map(|worker| worker.join().expect("a worker catches its jobs' panics"))
            .sum()
    }
}
