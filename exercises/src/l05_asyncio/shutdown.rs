//! # Exercise: graceful shutdown
//!
//! A server runs jobs until someone says "stop"; then it cancels what is unfinished, waits for
//! it to wind down, and reports what got done. Write `run_until_shutdown(jobs, shutdown)`:
//!
//! - run every job at the same time, each as a task;
//! - if every job finishes, return;
//! - if the `shutdown` channel delivers a message, or is closed because its sender was
//!   dropped, cancel every unfinished job (they must really stop, not run on unwatched), and
//!   return once they have;
//! - report the indices (positions in `jobs`) of the jobs that finished and of those that were
//!   cancelled, each list in increasing order.
//!
//! `tokio::task::JoinSet` holds a group of tasks: `join_next` gives the next one to finish,
//! `abort_all` cancels the rest. `tokio::select!` waits for whichever of several futures is
//! ready first.
//!
//! Tests: `cargo test -p exercises l05_asyncio::shutdown`.
//! Hints, and where to read: `cargo run -p exercises -- hint shutdown`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use std::future::Future;
use std::pin::Pin;

use tokio::sync::oneshot;

/// A job: any future that can run as a task.
pub type Job = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// What happened to the jobs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShutdownReport {
    /// Indices of the jobs that ran to the end, in increasing order.
    pub finished: Vec<usize>,
    /// Indices of the jobs that were cancelled, in increasing order.
    pub cancelled: Vec<usize>,
}

/// Runs every job at once until they are all done or `shutdown` fires, then reports.
pub async fn run_until_shutdown(jobs: Vec<Job>, shutdown: oneshot::Receiver<()>) -> ShutdownReport {
    // TODO: spawn the jobs into a JoinSet (each returning its index); loop with select! over
    // join_next() and the shutdown receiver; on shutdown, abort_all and collect the rest.
    todo!("l05_asyncio::shutdown: run the jobs until told to stop")
}
