//! MISTAKE: reads `wait_while` as "wait until": `wait_while(flag, |set| *set)` sleeps while the
//! flag is *set* and returns at once while it is not, the opposite of what an event does.
//! (Python's `Condition.wait_for(predicate)` waits until the predicate holds; Rust's
//! `wait_while` waits while its closure holds: the closure is the negation.)

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// A flag that threads can wait for (with the condition backwards).
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

    /// Sets the flag and wakes every waiter.
    pub fn set(&self) {
        *self.flag.lock().unwrap() = true;
        self.changed.notify_all();
    }

    /// Resets the flag.
    pub fn clear(&self) {
        *self.flag.lock().unwrap() = false;
    }

    /// Whether the flag is set.
    pub fn is_set(&self) -> bool {
        *self.flag.lock().unwrap()
    }

    /// Waits while the flag is set: backwards.
    pub fn wait(&self) {
        let flag = self.flag.lock().unwrap();
        let _flag = self.changed.wait_while(flag, |set| *set).unwrap();
    }

    /// Waits while the flag is set, at most `timeout`: backwards.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let flag = self.flag.lock().unwrap();
        let (flag, _) = self
            .changed
            .wait_timeout_while(flag, timeout, |set| *set)
            .unwrap();
        *flag
    }
}
