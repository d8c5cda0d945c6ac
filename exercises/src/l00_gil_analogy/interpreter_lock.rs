//! # Exercise: the interpreter lock
//!
//! The GIL is, at heart, one lock that a thread must hold to run Python code. Build it from a
//! `Mutex` and a `Condvar`, with Rust's way of letting go: `acquire` returns a `Held`, and
//! dropping the `Held` lets go, however the holder's code ends (normally, through `?`, or by a
//! panic).
//!
//! - `InterpreterLock::new()` is a free lock;
//! - `acquire()` waits until the lock is free, then takes it. A waiting thread must *sleep* on
//!   the `Condvar`, not spin: under a GIL, a thread waiting for the lock uses no CPU;
//! - at most one `Held` exists at any time, however many threads call `acquire`;
//! - `try_acquire()` takes the lock only if it is free right now, and never waits;
//! - `waiting()` says how many threads are inside `acquire`, waiting for the lock right now;
//! - dropping a `Held` lets go and wakes a waiting thread, which then takes the lock.
//!
//! Careful with `let _ = lock.acquire();`: `_` is not a name, so the `Held` is dropped at once
//! and the lock let go on the same line. Bind it: `let _held = lock.acquire();`.
//!
//! Tests: `cargo test -p exercises l00_gil_analogy::interpreter_lock`.
//! Hints, and where to read: `cargo run -p exercises -- hint interpreter_lock`.

// The stub ignores its parts until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

/// A lock that one thread at a time may hold, as a thread holds the GIL to run Python code.
#[derive(Debug)]
pub struct InterpreterLock {
    // TODO: the lock's state behind a std::sync::Mutex (is it held? how many threads wait?),
    // and a std::sync::Condvar to wake waiting threads.
}

/// Proof that the calling thread holds the lock. Dropping it lets go.
#[derive(Debug)]
#[must_use = "the lock is let go when `Held` is dropped: `let _ = lock.acquire()` lets go at once; \
              write `let _held = lock.acquire();`"]
pub struct Held<'a> {
    lock: &'a InterpreterLock,
}

impl InterpreterLock {
    /// A free lock.
    pub fn new() -> Self {
        todo!("l00_gil_analogy::interpreter_lock: build the InterpreterLock")
    }

    /// Waits (asleep) until the lock is free, then takes it.
    pub fn acquire(&self) -> Held<'_> {
        // TODO: count yourself as waiting, wait on the Condvar while the lock is held, stop
        // counting yourself, take the lock.
        todo!()
    }

    /// Takes the lock if it is free right now; never waits.
    pub fn try_acquire(&self) -> Option<Held<'_>> {
        todo!()
    }

    /// How many threads are waiting in `acquire` right now.
    pub fn waiting(&self) -> usize {
        todo!()
    }
}

impl Default for InterpreterLock {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        // TODO: let go of the lock, and wake a thread waiting in acquire().
        todo!()
    }
}
