//! MISTAKE: `wait_timeout` only looks at the flag and answers, without waiting at all. Every
//! call on a set event, and every call that should time out, gives the right answer, so only a
//! `set` that comes while the caller waits shows the bug.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// A flag that threads can wait for, whose timed wait does not wait.
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

    /// Blocks until the flag is set.
    pub fn wait(&self) {
        let flag = self.flag.lock().unwrap();
        let _flag = self.changed.wait_while(flag, |set| !*set).unwrap();
    }

    /// Answers at once: no waiting.
    pub fn wait_timeout(&self, _timeout: Duration) -> bool {
        self.is_set()
    }
}
