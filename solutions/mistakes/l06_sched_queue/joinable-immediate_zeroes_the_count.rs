//! MISTAKE: an immediate shutdown sets the count to zero, forgetting the tasks that were
//! taken and are still being worked on.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// The queue has been shut down; for `put`, the item comes back inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShutDown<T = ()>(pub T);

/// `task_done` was called more times than items were put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyTaskDone;

/// A joinable queue with a mistake.
#[derive(Debug)]
pub struct JoinableQueue<T> {
    state: Mutex<State<T>>,
    not_empty: Condvar,
    all_tasks_done: Condvar,
}

#[derive(Debug)]
struct State<T> {
    items: VecDeque<T>,
    unfinished: usize,
    shut_down: bool,
}

impl<T> Default for JoinableQueue<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> JoinableQueue<T> {
    /// An empty queue.
    pub fn new() -> Self {
        Self {
            state: Mutex::new(State {
                items: VecDeque::new(),
                unfinished: 0,
                shut_down: false,
            }),
            not_empty: Condvar::new(),
            all_tasks_done: Condvar::new(),
        }
    }

    /// Adds `item`, unless the queue is shut down.
    pub fn put(&self, item: T) -> Result<(), ShutDown<T>> {
        let mut state = self.lock();
        if state.shut_down {
            return Err(ShutDown(item));
        }
        state.items.push_back(item);
        state.unfinished += 1;
        self.not_empty.notify_one();
        Ok(())
    }

    /// Takes the oldest item, waiting while the queue is empty; fails once it is shut down and
    /// empty (at once after an immediate shutdown).
    pub fn get(&self) -> Result<T, ShutDown> {
        let state = self.lock();
        let mut state = self
            .not_empty
            .wait_while(state, |state| state.items.is_empty() && !state.shut_down)
            .unwrap_or_else(PoisonError::into_inner);
        state.items.pop_front().ok_or(ShutDown(()))
    }

    /// Marks one task taken with `get` as finished.
    pub fn task_done(&self) -> Result<(), TooManyTaskDone> {
        let mut state = self.lock();
        state.unfinished = state.unfinished.checked_sub(1).ok_or(TooManyTaskDone)?;
        if state.unfinished == 0 {
            self.all_tasks_done.notify_all();
        }
        Ok(())
    }

    /// Waits until every item put has been marked done.
    pub fn join(&self) {
        let state = self.lock();
        let _done = self
            .all_tasks_done
            .wait_while(state, |state| state.unfinished > 0)
            .unwrap_or_else(PoisonError::into_inner);
    }

    /// Refuses further puts; with `immediate`, drops the waiting items and counts them done.
    /// Wakes every thread waiting in `get` or `join`.
    pub fn shutdown(&self, immediate: bool) {
        let mut state = self.lock();
        state.shut_down = true;
        if immediate {
            let dropped = state.items.len();
            state.items.clear();
            let _ = dropped;
            state.unfinished = 0;
            if state.unfinished == 0 {
                self.all_tasks_done.notify_all();
            }
        }
        self.not_empty.notify_all();
    }

    /// Items waiting.
    pub fn len(&self) -> usize {
        self.lock().items.len()
    }

    /// Whether no item waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Tasks not yet marked done.
    pub fn unfinished(&self) -> usize {
        self.lock().unfinished
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // Nothing under the lock can panic half-way: a poisoned lock still guards sound state.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
