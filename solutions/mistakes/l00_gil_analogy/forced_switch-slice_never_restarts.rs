//! MISTAKE: the tick count is never reset, so after its first hand-off a thread counts ticks
//! since it attached, not since it got the lock back: from then on it hands over at every tick
//! someone waits.

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
        let interpreter = self.interpreter;
        if self.ticks_in_slice >= interpreter.slice && interpreter.waiting() > 0 {
            let before = interpreter.switches();
            interpreter.release(self.id);
            drop(
                interpreter
                    .changed
                    .wait_while(interpreter.state(), |state| state.switches == before)
                    .unwrap_or_else(PoisonError::into_inner),
            );
            interpreter.acquire(self.id);
        }
        self.ticks_in_slice += 1;
    }
}

impl Drop for PyThread<'_> {
    fn drop(&mut self) {
        self.interpreter.release(self.id);
    }
}
