//! # Exercise: an `Event`, like Python's `threading.Event`
//!
//! An event is a flag that threads can wait for. One thread calls `set()`; every thread
//! waiting in `wait()` wakes up, and later calls to `wait()` return at once until someone calls
//! `clear()`.
//!
//! Build it from a `Mutex<bool>` (the flag) and a `Condvar` (to sleep until the flag changes).
//! The tests check the two classic bugs of hand-made events:
//!
//! - the **lost wake-up**: `set()` before anyone waits must not be forgotten;
//! - the **forgotten waiter**: `set()` must wake *every* waiting thread, not one.
//!
//! Tests: `cargo test -p exercises l01_threading::event`.
//! Hints, and where to read: `cargo run -p exercises -- hint event`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use std::time::Duration;

/// A flag that threads can wait for.
#[derive(Debug, Default)]
pub struct Event {
    // TODO: the flag, and a way to wake the threads waiting for it.
}

impl Event {
    /// A new event, not set.
    pub fn new() -> Self {
        todo!("l01_threading::event: build the Event")
    }

    /// Sets the flag and wakes every thread waiting for it.
    pub fn set(&self) {
        todo!()
    }

    /// Resets the flag: later waits block again until the next `set()`.
    pub fn clear(&self) {
        todo!()
    }

    /// Whether the flag is set.
    pub fn is_set(&self) -> bool {
        todo!()
    }

    /// Blocks until the flag is set (returns at once if it already is).
    pub fn wait(&self) {
        todo!()
    }

    /// Like `wait`, but gives up after `timeout`. Returns whether the flag is set.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        todo!()
    }
}
