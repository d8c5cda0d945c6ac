//! # Exercise: graceful shutdown, with a grace period
//!
//! Section 5 aborted a group of tasks when a deadline came. A server shuts down more kindly:
//! when told to stop, it gives the work in progress a grace period to finish, and only then
//! cancels what is left. Write `run_until_shutdown(jobs, shutdown, grace)`:
//!
//! - run every job at the same time, each as a task; if every job finishes, return;
//! - when the `shutdown` channel delivers a message, or is closed because its sender was
//!   dropped (nobody can ever say stop then), give the unfinished jobs `grace` more time,
//!   counted from that moment;
//! - when the grace period ends, cancel the jobs still running (they must really stop, not run
//!   on unwatched) and return once they have; return earlier if they all finish within it;
//! - report the indices (positions in `jobs`) of the jobs that finished and of those that were
//!   cancelled, each list in increasing order.
//!
//! `tokio::task::JoinSet` holds a group of tasks: `join_next` gives the next one to finish,
//! `abort_all` cancels the rest. `tokio::select!` waits for whichever of several futures is
//! ready first. A `oneshot::Receiver` is a future that completes once, with `Ok` for a message
//! and `Err` when the sender is gone; polling it again after that panics, so in a loop, stop
//! polling it once it has fired.
//!
//! Tests: `cargo test -p exercises l05_asyncio::shutdown`.
//! Hints, and where to read: `cargo run -p exercises -- hint shutdown`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

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

/// Runs every job at once until they are all done, or until `grace` after `shutdown` fires;
/// then cancels what is left and reports.
pub async fn run_until_shutdown(
    jobs: Vec<Job>,
    shutdown: oneshot::Receiver<()>,
    grace: Duration,
) -> ShutdownReport {
    // TODO: spawn the jobs into a JoinSet (each returning its index); wait for jobs to finish
    // and for the signal at the same time; after the signal, keep collecting until the grace
    // period ends; then abort_all and collect the rest.
    todo!("l05_asyncio::shutdown: run the jobs until told to stop, with a grace period")
}
