//! # Exercise: a joinable queue that can be shut down
//!
//! Python 3.13 gave `queue.Queue` a `shutdown()`: a built-in sentinel. Write an unbounded,
//! thread-safe `JoinableQueue<T>` with Python's `task_done`/`join` accounting and 3.13's
//! shutdown:
//!
//! - `put(item)` adds an item and counts one more unfinished task; `get()` takes the oldest
//!   item, waiting (asleep, not spinning) while the queue is empty;
//! - `task_done()` marks one task finished; one call more than there were items is
//!   `Err(TooManyTaskDone)` and changes nothing;
//! - `join()` waits until every item ever put has been marked done: not merely taken. Every
//!   thread waiting in `join()` goes on when the count reaches zero;
//! - `shutdown(immediate)`: from then on `put` fails, giving the item back in
//!   `Err(ShutDown(item))`. Without `immediate`, `get` still hands out what is left and fails
//!   with `Err(ShutDown(()))` once the queue is empty. With `immediate`, the items left are
//!   dropped and counted as done (the count never goes below zero), so `join()` returns, and
//!   `get` fails at once;
//! - every thread asleep in `get()` or `join()` must wake up when what it waits for happens,
//!   shutdown included: one missing notification and a thread sleeps forever (the tests
//!   notice within seconds);
//! - `len()` counts the items waiting, `unfinished()` the tasks not yet marked done.
//!
//! Build it from a `Mutex` over the state and `Condvar`s, as the lesson's `Queue` is built.
//!
//! Tests: `cargo test -p exercises l06_sched_queue::joinable`.
//! Hints, and where to read: `cargo run -p exercises -- hint joinable`.

// The stub ignores its parameters until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

use std::marker::PhantomData;

/// The queue has been shut down; for `put`, the item comes back inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShutDown<T = ()>(pub T);

/// `task_done` was called more times than items were put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyTaskDone;

/// An unbounded FIFO queue with `task_done`/`join` and `shutdown`.
#[derive(Debug)]
pub struct JoinableQueue<T> {
    // TODO: one Mutex over the items, the unfinished count and whether the queue is shut down;
    // a Condvar for getters and one for joiners. Delete `_items`; it only lets the stub compile.
    _items: PhantomData<T>,
}

impl<T> Default for JoinableQueue<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> JoinableQueue<T> {
    /// An empty queue.
    pub fn new() -> Self {
        todo!("l06_sched_queue::joinable: build the JoinableQueue")
    }

    /// Adds `item`, unless the queue is shut down.
    pub fn put(&self, item: T) -> Result<(), ShutDown<T>> {
        todo!()
    }

    /// Takes the oldest item, waiting while the queue is empty; fails once it is shut down and
    /// empty (at once after an immediate shutdown).
    pub fn get(&self) -> Result<T, ShutDown> {
        todo!()
    }

    /// Marks one task taken with `get` as finished.
    pub fn task_done(&self) -> Result<(), TooManyTaskDone> {
        todo!()
    }

    /// Waits until every item put has been marked done.
    pub fn join(&self) {
        todo!()
    }

    /// Refuses further puts; with `immediate`, drops the waiting items and counts them done.
    /// Wakes every thread waiting in `get` or `join`.
    pub fn shutdown(&self, immediate: bool) {
        todo!()
    }

    /// Items waiting.
    pub fn len(&self) -> usize {
        todo!()
    }

    /// Whether no item waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Tasks not yet marked done.
    pub fn unfinished(&self) -> usize {
        todo!()
    }
}
