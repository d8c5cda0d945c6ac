//! MISTAKE: `try_acquire` is written as "acquire, and wrap it in Some": it never returns `None`
//! and it waits for a held lock, which is exactly what `try_` promises not to do.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// A lock that one thread at a time may hold, as a thread holds the GIL to run Python code.
#[derive(Debug, Default)]
pub struct InterpreterLock {
    state: Mutex<State>,
    released: Condvar,
}

#[derive(Debug, Default)]
struct State {
    held: bool,
    waiting: usize,
}

/// Proof that the calling thread holds the lock. Dropping it lets go.
///
/// It borrows the lock, so the lock outlives it, and it is the only way to let go: a thread
/// cannot release a lock it does not hold, nor release one twice.
#[derive(Debug)]
#[must_use = "the lock is let go when `Held` is dropped: `let _ = lock.acquire()` lets go at once; \
              write `let _held = lock.acquire();`"]
pub struct Held<'a> {
    lock: &'a InterpreterLock,
}

impl InterpreterLock {
    /// A free lock.
    pub fn new() -> Self {
        Self::default()
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // Two plain fields, consistent after every statement: a panic elsewhere cannot leave
        // them half-written, so a poisoned mutex is safe to use.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits (asleep) until the lock is free, then takes it.
    pub fn acquire(&self) -> Held<'_> {
        let mut state = self.state();
        state.waiting += 1;
        let mut state = self
            .released
            .wait_while(state, |state| state.held)
            .unwrap_or_else(PoisonError::into_inner);
        state.waiting -= 1;
        state.held = true;
        Held { lock: self }
    }

    /// Takes the lock if it is free right now; never waits.
    pub fn try_acquire(&self) -> Option<Held<'_>> {
        Some(self.acquire())
    }

    /// How many threads are waiting in `acquire` right now.
    pub fn waiting(&self) -> usize {
        self.state().waiting
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.lock.state().held = false;
        // One thread can take the lock, so waking one is enough; it re-checks `held` anyway.
        self.lock.released.notify_one();
    }
}
