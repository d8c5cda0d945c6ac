//! MISTAKE: `set` wakes one waiting thread (`notify_one`) instead of all of them; the others
//! sleep on although the flag is set.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// A flag that threads can wait for (waking only one of them).
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

    /// Sets the flag, but wakes only one waiter.
    pub fn set(&self) {
        *self.flag.lock().unwrap() = true;
        self.changed.notify_one();
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

    /// Blocks until the flag is set or `timeout` passes.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let flag = self.flag.lock().unwrap();
        let (flag, _) = self
            .changed
            .wait_timeout_while(flag, timeout, |set| !*set)
            .unwrap();
        *flag
    }
}
