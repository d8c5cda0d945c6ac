//! MISTAKE: `wait` always sleeps until the next notification, without first looking at the
//! flag. A `set()` that happened before the `wait()` is lost, and the waiter sleeps forever.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// A flag that threads can wait for (with a lost wake-up).
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

    /// Sleeps until notified, whatever the flag says.
    pub fn wait(&self) {
        let flag = self.flag.lock().unwrap();
        let _flag = self.changed.wait(flag).unwrap();
    }

    /// Sleeps until notified or timed out, whatever the flag says.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let flag = self.flag.lock().unwrap();
        let (flag, _) = self.changed.wait_timeout(flag, timeout).unwrap();
        *flag
    }
}
