//! Lesson 01: the download team, a pool of worker threads.

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
#[derive(Debug)]
pub struct WorkerPool {
    jobs: Sender<Job>,
    workers: Vec<JoinHandle<()>>,
}

impl WorkerPool {
    /// Starts `workers` threads, each running jobs from the shared channel until it closes.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a WorkerPool needs at least one worker");
        let (jobs, queue) = channel::unbounded::<Job>();
        let workers = (0..workers)
            .map(|n| {
                let queue = queue.clone();
                thread::Builder::new()
                    .name(format!("worker {n}"))
                    .spawn(move || {
                        for job in queue {
                            job();
                        }
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

    /// Closes the queue, lets the workers finish every queued job, and waits for them to exit.
    pub fn join(self) {
        let Self { jobs, workers } = self;
        drop(jobs);
        for worker in workers {
            // A worker only fails if a job panicked; the other workers carry on regardless.
            let _ = worker.join();
        }
    }
}
