//! # Exercise: a pool whose tasks hand back their results, or their panics
//!
//! Lesson 01's `WorkerPool` runs jobs and forgets them. Python's `ThreadPoolExecutor.submit`
//! returns a `Future` instead: `future.result()` waits for the task and gives back its value,
//! or raises the exception the task raised. Build that:
//!
//! - `Pool::new(workers)` starts exactly `workers` threads, which run every task; panic with a
//!   message saying "at least one worker" for 0.
//! - `submit(task)` queues the task and returns a `Handle` at once. It never runs the task
//!   itself: tasks run on the workers, several at the same time, never on the caller's thread.
//! - `Handle::result()` waits until the task is done and returns `Ok(value)`, or, if the task
//!   panicked, `Err(TaskPanicked { message })` with the panic's message (what was given to
//!   `panic!`).
//! - A panic ends only its task: the worker that ran it goes on to the next one, so the pool
//!   keeps serving. A pool of one worker must still run what was submitted after the panic.
//! - Dropping the `Pool` is the end of Python's `with` block: every task already submitted
//!   still runs, and the drop returns once the workers have finished and exited.
//!
//! `std::panic::catch_unwind` stops a panic and returns it as an `Err` holding its payload;
//! `shared::instruments::panic_message` reads the message out of that payload. A one-shot
//! channel per task (`crossbeam::channel::bounded(1)`) is a simple way to carry each result
//! home.
//!
//! Tests: `cargo test -p exercises l04_futures::submit`.
//! Hints, and where to read: `cargo run -p exercises -- hint submit`.

// The stub ignores its parts until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

use std::marker::PhantomData;

/// A task that panicked; `message` is what it gave to `panic!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPanicked {
    /// The panic's message.
    pub message: String,
}

/// A fixed team of worker threads that run submitted tasks.
#[derive(Debug)]
pub struct Pool {
    // TODO: the sending end of the task queue, and the workers' join handles.
}

/// The answer to one submitted task: Python's `Future`.
#[derive(Debug)]
pub struct Handle<T> {
    // TODO: replace this placeholder with what brings the task's outcome home.
    placeholder: PhantomData<T>,
}

impl Pool {
    /// Starts `workers` threads that wait for tasks.
    pub fn new(workers: usize) -> Self {
        todo!("l04_futures::submit: start the workers")
    }

    /// Queues `task` for the next free worker and returns its handle at once.
    pub fn submit<T, F>(&self, task: F) -> Handle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        // TODO: wrap the task so that a worker runs it, catches a panic, and sends the
        // outcome to the handle.
        todo!()
    }
}

impl<T> Handle<T> {
    /// Waits for the task; its value, or the message of its panic.
    pub fn result(self) -> Result<T, TaskPanicked> {
        todo!()
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // TODO: close the queue, then wait for every worker to finish and exit.
    }
}
