//! # Exercise: the download team, a pool of worker threads
//!
//! Starting a thread per job costs a system call and a fresh stack each time (the lesson
//! measures it). A pool starts a fixed team of workers once; jobs go into a channel and each
//! worker takes the next job as soon as it is free. Python's `ThreadPoolExecutor` is one.
//!
//! - `WorkerPool::new(workers)` starts exactly `workers` threads (at least one; for zero, panic
//!   with a message that says "at least one worker").
//! - `execute(job)` queues a job; it may be called from several threads at once.
//! - A job that panics must not take its worker down: the worker catches the panic, counts it,
//!   and goes on with the next job, so the pool keeps all its workers. (Rust's panic hook still
//!   prints the panic's message; that is fine.)
//! - `join()` shuts the pool down cleanly: no more jobs can come, every queued job still runs,
//!   and it returns, once every worker has finished and exited, how many jobs panicked.
//!
//! Use a `crossbeam::channel`: its `Receiver` can be cloned, so every worker can hold one.
//! The channel is *closed* when every `Sender` has been dropped; a worker's `for job in
//! receiver` loop then ends once the queue is empty. That is the whole shutdown protocol, and
//! Python's sentinel value is not needed. A panic is caught with `std::panic::catch_unwind`.
//!
//! Tests: `cargo test -p exercises l01_threading::worker_pool`.
//! Hints, and where to read: `cargo run -p exercises -- hint worker_pool`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

/// A job: a closure that a worker runs once.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed team of worker threads fed through a channel.
#[derive(Debug)]
pub struct WorkerPool {
    // TODO: the sending end of the job channel, and the workers' join handles.
}

impl WorkerPool {
    /// Starts `workers` threads, each running jobs from the shared channel until it closes, and
    /// surviving jobs that panic.
    pub fn new(workers: usize) -> Self {
        todo!("l01_threading::worker_pool: start the workers")
    }

    /// Queues `job` for the next free worker.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        todo!()
    }

    /// Closes the queue, lets the workers finish every queued job, waits for them to exit, and
    /// returns how many jobs panicked.
    pub fn join(self) -> usize {
        todo!()
    }
}
