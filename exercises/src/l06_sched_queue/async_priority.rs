//! # Exercise: an async priority queue, first in first out among equal priorities
//!
//! asyncio has `asyncio.PriorityQueue`; tokio has no priority queue at all. Build one for
//! tasks: `put` never waits (the queue has no limit), and `get().await` waits, without blocking
//! the thread, until there is an item to take.
//!
//! - the lowest priority number comes out first, like Python's (`0` before `1`);
//! - items of equal priority come out in the order they were put. Python's `PriorityQueue`
//!   does not promise that (its heap compares whole entries), and neither does
//!   `std::collections::BinaryHeap`: remember the order of arrival yourself;
//! - the items need no order of their own (`T` has no bounds), only the priorities are compared;
//! - `get().await` on an empty queue waits for a `put` from another task, and a task waiting
//!   in `get` must not stop the others from running (the tests' clock stands still while any
//!   task is busy, so a `get` that spins never lets the `put` happen);
//! - two `put`s before two `get`s: both `get`s return, one item each;
//! - when several items arrive while a task waits, it takes the most urgent one, not the first
//!   that arrived;
//! - `try_get()` takes an item only if there is one now; `len()` and `is_empty()` say how many
//!   wait.
//!
//! `tokio::sync::Notify` wakes waiting tasks: `notify_one()` wakes one waiter, or, if none is
//! waiting yet, lets the next `notified().await` return at once. A woken task must look at the
//! queue again: another task may have taken the item first. One thing the tests cannot show,
//! because they run on one thread: on a multi-thread runtime a `put` can come between a `get`'s
//! look at the empty queue and its wait, and `notify_one` stores only one wake-up for all the
//! tasks in that window. `Notified::enable` makes a task a waiter before it looks.
//!
//! Tests: `cargo test -p exercises l06_sched_queue::async_priority`.
//! Hints, and where to read: `cargo run -p exercises -- hint async_priority`.

// The stub ignores its parameters until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

use std::marker::PhantomData;

/// A queue of items for tasks, lowest priority first, first in first out among equals.
#[derive(Debug)]
pub struct PriorityQueue<T> {
    // TODO: the waiting items (behind a std Mutex: it is never held across an .await), a
    // counter for the order of arrival, and a tokio::sync::Notify to wake waiting tasks.
    // Delete `_items`; it only lets the stub compile.
    _items: PhantomData<T>,
}

impl<T> Default for PriorityQueue<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> PriorityQueue<T> {
    /// An empty queue.
    pub fn new() -> Self {
        todo!("l06_sched_queue::async_priority: build the PriorityQueue")
    }

    /// Puts `item` in with `priority` (lower comes out sooner), and wakes a waiting task.
    pub fn put(&self, priority: i32, item: T) {
        // TODO: store the item under (priority, order of arrival); wake one waiter.
        todo!()
    }

    /// Takes the most urgent item, waiting for one if the queue is empty.
    pub async fn get(&self) -> T {
        // TODO: loop: take an item if there is one; otherwise wait to be notified.
        todo!()
    }

    /// Takes the most urgent item if there is one now.
    pub fn try_get(&self) -> Option<T> {
        todo!()
    }

    /// How many items wait.
    pub fn len(&self) -> usize {
        todo!()
    }

    /// Whether no item waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
