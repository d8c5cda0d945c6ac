//! A starting gate: threads wait until it opens, and once open it stays open. It is the core
//! of Python's `threading.Event` (`set` and `wait`); the lesson's exercise builds the whole of
//! it, with `clear` and a timeout.
//!
//! A `Condvar` lets a thread sleep until another says something changed. It is always paired
//! with a `Mutex` guarding the state that changed (here, whether the gate is open), and a
//! waiter always re-checks that state: a wake-up can be spurious, and a signal sent before the
//! waiter arrived would otherwise be missed.

use std::sync::{Condvar, Mutex, PoisonError};

// ANCHOR: gate
/// A one-way gate for any number of threads.
#[derive(Debug, Default)]
pub struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Gate {
    /// A closed gate.
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens the gate and wakes every thread waiting at it.
    pub fn open(&self) {
        *self.open.lock().unwrap_or_else(PoisonError::into_inner) = true;
        self.opened.notify_all();
    }

    /// Waits until the gate is open (at once, if it already is).
    pub fn wait(&self) {
        let open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        // `wait_while` re-checks the condition after every wake-up, spurious or not.
        let _open = self
            .opened
            .wait_while(open, |open| !*open)
            .unwrap_or_else(PoisonError::into_inner);
    }
}
// ANCHOR_END: gate

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::{Rendezvous, within};
    use std::thread;
    use std::time::Duration;

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn opening_releases_every_waiter() {
        let gate = std::sync::Arc::new(Gate::new());
        let everyone_waiting = Rendezvous::new(4, PATIENCE);
        within(PATIENCE, "the gate to release its waiters", move || {
            thread::scope(|scope| {
                for _ in 0..3 {
                    scope.spawn(|| {
                        everyone_waiting.wait().unwrap();
                        gate.wait();
                    });
                }
                everyone_waiting.wait().unwrap();
                gate.open();
            });
        });
    }

    #[test]
    fn an_open_gate_does_not_block() {
        let gate = Gate::new();
        gate.open();
        within(PATIENCE, "waiting at an open gate", move || gate.wait());
    }
}
