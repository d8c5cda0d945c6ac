//! # Exercise: the forced hand-off, counted in ticks
//!
//! Before Python 3.2, the interpreter let go of the GIL every 100 ticks and took it straight
//! back, hoping a waiting thread would grab it in between. On a multi-core machine it rarely
//! did: the thread that let go was still running and won the lock again before the sleeping
//! waiter had even woken up. Since 3.2, a thread that lets go *because another thread is
//! waiting* does not compete: it waits until another thread has taken the lock.
//!
//! The lesson's lock switches after a time interval. This one counts ticks, so that a test can
//! say exactly when the lock must change hands. An `Interpreter`'s threads call
//! `PyThread::tick()` before every step of Python code. Write `tick`:
//!
//! - a thread's *slice* starts when it takes the lock (in `attach`, or when it gets the lock
//!   back after a hand-off) and lasts `slice` ticks;
//! - at the start of a tick, if the thread has already run `slice` ticks in its slice *and*
//!   another thread is waiting (`waiting > 0`), it hands the lock over: it lets go, waits until
//!   another thread has taken the lock, then waits for the lock like any other thread. When it
//!   has the lock again, a new slice begins, and this tick is its first;
//! - if nobody is waiting, it keeps the lock and runs on: a hand-off with nobody to take the
//!   lock would wait forever. A thread that starts waiting later gets the lock at the holder's
//!   next tick;
//! - otherwise `tick` just counts the tick.
//!
//! The lock itself (`acquire` and `release`, a `Mutex<State>` and a `Condvar`) is written for
//! you. `State::switches` counts how many times the lock went to a thread other than its last
//! holder: "another thread has taken the lock" means it has grown.
//!
//! Tests: `cargo test -p exercises l00_gil_analogy::forced_switch`.
//! Hints, and where to read: `cargo run -p exercises -- hint forced_switch`.

// The stub ignores its parts until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// An interpreter whose threads take turns with one lock, `slice` ticks at a time.
#[derive(Debug)]
pub struct Interpreter {
    state: Mutex<State>,
    /// Notified whenever the state changes: the lock let go, or taken by another thread.
    changed: Condvar,
    slice: u64,
}

#[derive(Debug, Default)]
struct State {
    /// The thread holding the lock, if any.
    holder: Option<usize>,
    /// The thread that held it last (or holds it now).
    last_holder: Option<usize>,
    /// How many threads are waiting in `acquire`.
    waiting: usize,
    /// How many times the lock went to a thread other than its last holder.
    switches: u64,
}

/// A thread running Python code: it holds the lock from `attach` until it is dropped, except
/// while it hands the lock over.
#[derive(Debug)]
pub struct PyThread<'a> {
    interpreter: &'a Interpreter,
    id: usize,
    /// Ticks run since this thread last took the lock.
    ticks_in_slice: u64,
}

impl Interpreter {
    /// An interpreter whose threads may keep the lock for `slice` ticks when others wait.
    pub fn new(slice: u64) -> Self {
        Self {
            state: Mutex::default(),
            changed: Condvar::new(),
            slice,
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts thread `id` running Python code: waits for the lock and takes it.
    pub fn attach(&self, id: usize) -> PyThread<'_> {
        self.acquire(id);
        PyThread {
            interpreter: self,
            id,
            ticks_in_slice: 0,
        }
    }

    /// Waits until the lock is free, then takes it for thread `id`.
    fn acquire(&self, id: usize) {
        let mut state = self.state();
        state.waiting += 1;
        let mut state = self
            .changed
            .wait_while(state, |state| state.holder.is_some())
            .unwrap_or_else(PoisonError::into_inner);
        state.waiting -= 1;
        state.holder = Some(id);
        if state.last_holder != Some(id) {
            state.last_holder = Some(id);
            state.switches += 1;
        }
        self.changed.notify_all();
    }

    /// Lets go of the lock that thread `id` holds, and wakes the threads waiting for a change.
    fn release(&self, id: usize) {
        let mut state = self.state();
        if state.holder != Some(id) {
            // A bug in the caller; but a thread already unwinding from another panic must not
            // panic again (that would abort the whole test run).
            assert!(
                std::thread::panicking(),
                "thread {id} let go of a lock it does not hold: after handing the lock over, a \
                 thread must take it back before it runs on"
            );
            return;
        }
        state.holder = None;
        self.changed.notify_all();
    }

    /// How many threads are waiting for the lock right now.
    pub fn waiting(&self) -> usize {
        self.state().waiting
    }

    /// The thread holding the lock, if any.
    pub fn holder(&self) -> Option<usize> {
        self.state().holder
    }

    /// How many times the lock went to a thread other than its last holder.
    pub fn switches(&self) -> u64 {
        self.state().switches
    }
}

impl PyThread<'_> {
    /// This thread's id.
    pub fn id(&self) -> usize {
        self.id
    }

    /// Called before every step of Python code: hands the lock over if this thread has used
    /// up its slice and another thread is waiting.
    pub fn tick(&mut self) {
        // TODO: if ticks_in_slice has reached the slice and someone is waiting: note the
        // switch count, let go, wait on `changed` until the count has grown, take the lock
        // again and start a new slice. Then count this tick.
        todo!("l00_gil_analogy::forced_switch: hand the lock over when the slice is used up")
    }
}

impl Drop for PyThread<'_> {
    fn drop(&mut self) {
        self.interpreter.release(self.id);
    }
}
