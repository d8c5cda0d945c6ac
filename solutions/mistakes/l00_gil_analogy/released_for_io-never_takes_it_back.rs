//! MISTAKE: the lock is let go for the I/O and never taken back: after the wait the thread runs
//! Python code without the lock, at the same time as whichever thread took it.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// An interpreter whose threads must hold its one lock to run Python code.
#[derive(Debug, Default)]
pub struct Interpreter {
    state: Mutex<State>,
    /// Notified when the lock is let go.
    released: Condvar,
}

#[derive(Debug, Default)]
struct State {
    /// The thread holding the lock, if any.
    holder: Option<usize>,
    /// How many threads are waiting in `acquire`.
    waiting: usize,
    /// The id the next attached thread gets.
    next_id: usize,
}

/// A thread running Python code: it holds the lock from `attach` until it is dropped, except
/// while a `Released` guard of it lives.
#[derive(Debug)]
pub struct PyThread<'i> {
    interpreter: &'i Interpreter,
    id: usize,
}

/// The lock let go by a `PyThread` for as long as this guard lives. Dropping it takes the lock
/// back.
#[derive(Debug)]
#[must_use = "the lock is taken back when `Released` is dropped: `let _ = py.allow_threads()` \
              takes it back at once; write `let _io = py.allow_threads();`"]
pub struct Released<'a, 'i> {
    thread: &'a mut PyThread<'i>,
}

impl Interpreter {
    /// An interpreter with no threads yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts a new thread running Python code: waits for the lock and takes it.
    pub fn attach(&self) -> PyThread<'_> {
        let id = {
            let mut state = self.state();
            state.next_id += 1;
            state.next_id - 1
        };
        self.acquire(id);
        PyThread {
            interpreter: self,
            id,
        }
    }

    /// Waits until the lock is free, then takes it for thread `id`.
    fn acquire(&self, id: usize) {
        let mut state = self.state();
        state.waiting += 1;
        let mut state = self
            .released
            .wait_while(state, |state| state.holder.is_some())
            .unwrap_or_else(PoisonError::into_inner);
        state.waiting -= 1;
        state.holder = Some(id);
    }

    /// Lets go of the lock that thread `id` holds, and wakes a thread waiting for it.
    fn release(&self, id: usize) {
        let mut state = self.state();
        if state.holder != Some(id) {
            // A bug in the caller; but a thread already unwinding from another panic must not
            // panic again (that would abort the whole test run).
            assert!(
                std::thread::panicking(),
                "thread {id} let go of a lock it does not hold: after the I/O, the thread \
                 must take the lock back"
            );
            return;
        }
        state.holder = None;
        self.released.notify_one();
    }

    /// The thread holding the lock, if any.
    pub fn holder(&self) -> Option<usize> {
        self.state().holder
    }

    /// How many threads are waiting for the lock right now.
    pub fn waiting(&self) -> usize {
        self.state().waiting
    }
}

impl<'i> PyThread<'i> {
    /// This thread's id: 0, 1, 2, … in the order the threads attached.
    pub fn id(&self) -> usize {
        self.id
    }

    /// A step of Python code. Panics if the thread does not hold the lock: running Python code
    /// without it is exactly what the lock is there to prevent.
    pub fn run_python(&mut self) {
        let holder = self.interpreter.holder();
        assert_eq!(
            holder,
            Some(self.id),
            "thread {} ran Python code while the lock was held by {holder:?}: after the I/O, \
             the thread must take the lock back",
            self.id
        );
    }

    /// Lets go of the lock until the returned guard is dropped.
    pub fn allow_threads(&mut self) -> Released<'_, 'i> {
        self.interpreter.release(self.id);
        Released { thread: self }
    }
}

impl Drop for Released<'_, '_> {
    fn drop(&mut self) {
        // Nothing to do: the I/O is over.
    }
}

impl Drop for PyThread<'_> {
    fn drop(&mut self) {
        self.interpreter.release(self.id);
    }
}
