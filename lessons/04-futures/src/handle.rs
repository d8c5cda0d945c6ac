//! A submitted task's handle: Python's `concurrent.futures.Future`.
//!
//! The task and its handle share one *slot*: a `Mutex` around the task's stage (queued,
//! running, done) and a `Condvar` that wakes whoever waits for the result. The worker that runs
//! the task writes the outcome into the slot; [`Handle::result`] sleeps on the `Condvar` until
//! it is there. Nothing polls, and a result written before anyone waits is not lost: it is in
//! the slot, and the waiter checks the slot before it sleeps.

use std::fmt;
use std::mem;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

/// Why a task has no value: it panicked, or it was cancelled before it started. (A task that
/// can fail in the ordinary way returns a `Result`, and that `Result` is its value.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskError {
    /// The task panicked; the panic's message. The worker that ran it carries on.
    Panicked(String),
    /// The task was cancelled before a worker started it, so it never ran.
    Cancelled,
}

impl fmt::Display for TaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Panicked(message) => write!(f, "the task panicked: {message}"),
            Self::Cancelled => write!(f, "the task was cancelled before it started"),
        }
    }
}

impl std::error::Error for TaskError {}

/// What a task's outcome is: its value, or why there is none.
pub type Outcome<T> = Result<T, TaskError>;

/// A callback to run once the task is done (`add_done_callback`).
type Callback = Box<dyn FnOnce() + Send>;

// ANCHOR: slot
/// Where a task's outcome goes, shared by the task (in the queue, then on a worker) and its
/// handle.
pub(crate) struct Slot<T> {
    state: Mutex<State<T>>,
    settled: Condvar,
}

struct State<T> {
    stage: Stage<T>,
    when_done: Vec<Callback>,
}

enum Stage<T> {
    /// In the queue: it can still be cancelled.
    Queued,
    /// A worker is running it: too late to cancel.
    Running,
    /// Finished, panicked or cancelled; the outcome waits here for `result`.
    Done(Outcome<T>),
    /// `result` took the outcome away (only possible once: it consumes the handle).
    Taken,
}
// ANCHOR_END: slot

impl<T> Slot<T> {
    /// A slot for a task that has just been queued.
    pub(crate) fn queued() -> Arc<Self> {
        Arc::new(Self {
            state: Mutex::new(State {
                stage: Stage::Queued,
                when_done: Vec::new(),
            }),
            settled: Condvar::new(),
        })
    }

    /// The lock is never held while a task or a callback runs, so a panic cannot poison it
    /// halfway through an update; taking the guard of a poisoned lock is safe here.
    fn state(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A worker is about to run the task. `false` if it was cancelled meanwhile: skip it.
    pub(crate) fn start(&self) -> bool {
        let mut state = self.state();
        if matches!(state.stage, Stage::Queued) {
            state.stage = Stage::Running;
            true
        } else {
            false
        }
    }

    /// The task finished (or panicked): record its outcome and wake everyone waiting for it.
    pub(crate) fn finish(&self, outcome: Outcome<T>) {
        let state = self.state();
        self.settle(state, outcome);
    }

    /// Cancels the task if no worker has started it. `true` if it is cancelled now.
    pub(crate) fn cancel(&self) -> bool {
        let state = self.state();
        match state.stage {
            Stage::Queued => {
                self.settle(state, Err(TaskError::Cancelled));
                true
            }
            Stage::Done(Err(TaskError::Cancelled)) => true,
            _ => false,
        }
    }

    /// Stores the outcome, then, with the lock released, wakes the waiters and runs the
    /// callbacks (which may do anything, even call back into this slot).
    fn settle(&self, mut state: MutexGuard<'_, State<T>>, outcome: Outcome<T>) {
        state.stage = Stage::Done(outcome);
        let callbacks = mem::take(&mut state.when_done);
        drop(state);
        self.settled.notify_all();
        for callback in callbacks {
            // A callback's panic must not end the worker that runs it; as in Python, it is
            // reported (by the panic hook, on stderr) and otherwise ignored.
            let _ = panic::catch_unwind(AssertUnwindSafe(callback));
        }
    }
}

// ANCHOR: handle
/// The handle [`crate::Executor::submit`] returns: Python's `Future`.
pub struct Handle<T> {
    slot: Arc<Slot<T>>,
}

impl<T> Handle<T> {
    /// Waits until the task is done and returns its value, or why there is none. It takes the
    /// handle: the value moves out to the caller, so it can be taken only once.
    pub fn result(self) -> Outcome<T> {
        let state = self.slot.state();
        let mut state = self
            .slot
            .settled
            .wait_while(state, |state| !matches!(state.stage, Stage::Done(_)))
            .unwrap_or_else(PoisonError::into_inner);
        match mem::replace(&mut state.stage, Stage::Taken) {
            Stage::Done(outcome) => outcome,
            _ => unreachable!("wait_while returns only once the task is done"),
        }
    }

    /// Whether the task is done: finished, panicked or cancelled. Never blocks.
    pub fn is_done(&self) -> bool {
        matches!(self.slot.state().stage, Stage::Done(_))
    }

    /// Cancels the task if no worker has started it yet; `true` if it is (now) cancelled.
    /// A running task cannot be stopped from outside: it would have to check a flag itself.
    pub fn cancel(&self) -> bool {
        self.slot.cancel()
    }
}
// ANCHOR_END: handle

impl<T> Handle<T> {
    pub(crate) fn new(slot: Arc<Slot<T>>) -> Self {
        Self { slot }
    }

    /// Runs `callback` once the task is done, on the thread that finished it (a worker, or
    /// whoever cancelled it), or at once on this thread if it is done already. Python's
    /// `add_done_callback`; [`crate::as_completed()`] is built on it. A callback that panics
    /// is reported on stderr and otherwise ignored, so the worker carries on.
    pub fn when_done(&self, callback: impl FnOnce() + Send + 'static) {
        let mut state = self.slot.state();
        if matches!(state.stage, Stage::Done(_)) {
            drop(state);
            callback();
        } else {
            state.when_done.push(Box::new(callback));
        }
    }
}

impl<T> fmt::Debug for Handle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stage = match self.slot.state().stage {
            Stage::Queued => "queued",
            Stage::Running => "running",
            Stage::Done(Ok(_)) => "finished",
            Stage::Done(Err(TaskError::Panicked(_))) => "panicked",
            Stage::Done(Err(TaskError::Cancelled)) => "cancelled",
            Stage::Taken => "taken",
        };
        f.debug_struct("Handle").field("stage", &stage).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_result_written_before_anyone_waits_is_kept() {
        let slot = Slot::queued();
        let handle = Handle::new(Arc::clone(&slot));
        assert!(slot.start());
        slot.finish(Ok(7));
        assert!(handle.is_done());
        assert_eq!(handle.result(), Ok(7));
    }

    #[test]
    fn only_a_queued_task_can_be_cancelled() {
        let queued = Slot::<()>::queued();
        assert!(queued.cancel());
        assert!(queued.cancel(), "cancelling twice still says cancelled");
        assert!(!queued.start(), "a cancelled task is skipped");
        assert_eq!(Handle::new(queued).result(), Err(TaskError::Cancelled));

        let running = Slot::<()>::queued();
        assert!(running.start());
        assert!(!running.cancel(), "too late: it is running");
    }

    #[test]
    fn callbacks_run_once_whether_registered_before_or_after() {
        let calls = Arc::new(AtomicUsize::new(0));
        let slot = Slot::queued();
        let handle = Handle::new(Arc::clone(&slot));
        let counter = Arc::clone(&calls);
        handle.when_done(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        assert_eq!(calls.load(Ordering::SeqCst), 0);
        slot.finish(Ok(1));
        let counter = Arc::clone(&calls);
        handle.when_done(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(format!("{handle:?}"), r#"Handle { stage: "finished" }"#);
    }

    #[test]
    fn a_panicking_callback_does_not_stop_the_others() {
        let calls = Arc::new(AtomicUsize::new(0));
        let slot = Slot::queued();
        let handle = Handle::new(Arc::clone(&slot));
        handle.when_done(|| panic!("a broken callback"));
        let counter = Arc::clone(&calls);
        handle.when_done(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        slot.finish(Ok(()));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_eq!(handle.result(), Ok(()));
    }
}
