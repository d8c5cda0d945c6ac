//! Lesson 01: an `Event`, like Python's `threading.Event`.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// A flag that threads can wait for.
///
/// The flag lives inside the mutex and every wait checks it under the lock before sleeping
/// (`wait_while` does, and re-checks after each wake-up). That is what makes a `set()` that
/// happens before the `wait()` impossible to miss: a bare `Condvar` has no memory, and a
/// notification with nobody waiting is simply lost.
#[derive(Debug, Default)]
pub struct Event {
    flag: Mutex<bool>,
    changed: Condvar,
}

impl Event {
    /// A new event, not set.
    pub fn new() -> Self {
        Self::default()
    }

    fn flag(&self) -> MutexGuard<'_, bool> {
        // The flag is a plain bool: a thread that panicked holding the lock cannot have left
        // it half-written, so a poisoned lock is safe to use.
        self.flag.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Sets the flag and wakes every thread waiting for it.
    pub fn set(&self) {
        *self.flag() = true;
        // notify_all, not notify_one: every waiter is waiting for the same news.
        self.changed.notify_all();
    }

    /// Resets the flag: later waits block again until the next `set()`.
    pub fn clear(&self) {
        *self.flag() = false;
    }

    /// Whether the flag is set.
    pub fn is_set(&self) -> bool {
        *self.flag()
    }

    /// Blocks until the flag is set (returns at once if it already is).
    pub fn wait(&self) {
        let _set = self
            .changed
            .wait_while(self.flag(), |set| !*set)
            .unwrap_or_else(PoisonError::into_inner);
    }

    /// Like `wait`, but gives up after `timeout`. Returns whether the flag is set.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let (set, _) = self
            .changed
            .wait_timeout_while(self.flag(), timeout, |set| !*set)
            .unwrap_or_else(PoisonError::into_inner);
        *set
    }
}
