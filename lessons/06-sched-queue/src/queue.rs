//! A thread-safe queue in the shape of Python's `queue.Queue`: bounded or not, in FIFO, LIFO
//! or priority order, with blocking, timed and non-blocking `put` and `get`, and the
//! `task_done`/`join` accounting that lets a producer wait until every item has been handled.
//!
//! It is built the way CPython builds it: one mutex over the items and the count of unfinished
//! tasks, and three condition variables on that mutex: `not_empty` (a getter waits on it),
//! `not_full` (a putter waits on it) and `all_tasks_done` (`join` waits on it). Every change
//! that could let a waiter go on notifies the matching condition; forgetting one is a lost
//! wake-up, and the waiter sleeps forever.
//!
//! Rust differs from Python in the signatures, not the behaviour: `put` and `get` without a
//! timeout cannot fail, so they return no `Result`; a timed or non-blocking `put` that finds the
//! queue full hands the item back inside [`Full`]; and capacity is explicit
//! ([`Queue::bounded`], [`Queue::unbounded`]) instead of Python's `maxsize=0` meaning "no limit".

use std::fmt;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::order::{Fifo, Lifo, Order, Priority};

/// `queue.Queue`: first in, first out.
pub type FifoQueue<T> = Queue<Fifo<T>>;
/// `queue.LifoQueue`: last in, first out.
pub type LifoQueue<T> = Queue<Lifo<T>>;
/// `queue.PriorityQueue` of `(priority, item)`: lowest priority first, FIFO among equals.
pub type PriorityQueue<P, T> = Queue<Priority<P, T>>;

// ANCHOR: queue
/// A thread-safe queue whose items come out in the order `O` decides.
pub struct Queue<O: Order> {
    capacity: Option<usize>,
    state: Mutex<State<O>>,
    not_empty: Condvar,
    not_full: Condvar,
    all_tasks_done: Condvar,
}

struct State<O> {
    items: O,
    /// Items put and not yet marked done with `task_done`.
    unfinished_tasks: usize,
}
// ANCHOR_END: queue

/// A timed or non-blocking `put` found the queue full (`queue.Full`); the item is returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full<T>(pub T);

/// A timed or non-blocking `get` found the queue empty (`queue.Empty`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Empty;

/// `task_done` was called more times than items were put (Python raises `ValueError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyTaskDone;

impl<T> fmt::Display for Full<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the queue is full")
    }
}

impl<T: fmt::Debug> std::error::Error for Full<T> {}

impl fmt::Display for Empty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the queue is empty")
    }
}

impl std::error::Error for Empty {}

impl fmt::Display for TooManyTaskDone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("task_done() called too many times")
    }
}

impl std::error::Error for TooManyTaskDone {}

impl<O: Order> Queue<O> {
    /// A queue that holds at most `capacity` items: `Queue(maxsize=capacity)`. Panics if
    /// `capacity` is 0, which Python reads as "no limit": say [`Queue::unbounded`] for that.
    pub fn bounded(capacity: usize) -> Self {
        assert!(
            capacity > 0,
            "a queue of capacity 0 could never hold an item; Queue::unbounded() has no limit"
        );
        Self::with_capacity(Some(capacity))
    }

    /// A queue with no limit: `Queue()`. A `put` never waits.
    pub fn unbounded() -> Self {
        Self::with_capacity(None)
    }

    fn with_capacity(capacity: Option<usize>) -> Self {
        Self {
            capacity,
            state: Mutex::new(State {
                items: O::default(),
                unfinished_tasks: 0,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            all_tasks_done: Condvar::new(),
        }
    }

    // ANCHOR: put_get
    /// Puts `item` in, waiting while the queue is full: `put(item)`.
    pub fn put(&self, item: O::Item) {
        let state = self.lock();
        let mut state = self
            .not_full
            .wait_while(state, |state| self.is_full_with(state))
            .unwrap_or_else(PoisonError::into_inner);
        self.store(&mut state, item);
    }

    /// Takes the next item out, waiting while the queue is empty: `get()`.
    pub fn get(&self) -> O::Item {
        let state = self.lock();
        let mut state = self
            .not_empty
            .wait_while(state, |state| state.items.is_empty())
            .unwrap_or_else(PoisonError::into_inner);
        self.take(&mut state)
    }

    /// Stores an item and wakes one getter. The caller holds the lock and made sure of room.
    fn store(&self, state: &mut State<O>, item: O::Item) {
        state.items.push(item);
        state.unfinished_tasks += 1;
        self.not_empty.notify_one();
    }

    /// Takes the next item and wakes one putter. The caller holds the lock and made sure of
    /// an item.
    fn take(&self, state: &mut State<O>) -> O::Item {
        let item = state.items.pop().expect("the caller checked for an item");
        self.not_full.notify_one();
        item
    }
    // ANCHOR_END: put_get

    /// Like [`Queue::put`], waiting at most `timeout` for room: `put(item, timeout=…)`.
    pub fn put_timeout(&self, item: O::Item, timeout: Duration) -> Result<(), Full<O::Item>> {
        let state = self.lock();
        let (mut state, _) = self
            .not_full
            .wait_timeout_while(state, timeout, |state| self.is_full_with(state))
            .unwrap_or_else(PoisonError::into_inner);
        if self.is_full_with(&state) {
            return Err(Full(item));
        }
        self.store(&mut state, item);
        Ok(())
    }

    /// Puts `item` in only if there is room now: `put_nowait(item)`.
    pub fn put_nowait(&self, item: O::Item) -> Result<(), Full<O::Item>> {
        let mut state = self.lock();
        if self.is_full_with(&state) {
            return Err(Full(item));
        }
        self.store(&mut state, item);
        Ok(())
    }

    /// Like [`Queue::get`], waiting at most `timeout` for an item: `get(timeout=…)`.
    pub fn get_timeout(&self, timeout: Duration) -> Result<O::Item, Empty> {
        let state = self.lock();
        let (mut state, _) = self
            .not_empty
            .wait_timeout_while(state, timeout, |state| state.items.is_empty())
            .unwrap_or_else(PoisonError::into_inner);
        if state.items.is_empty() {
            return Err(Empty);
        }
        Ok(self.take(&mut state))
    }

    /// Takes an item out only if there is one now: `get_nowait()`.
    pub fn get_nowait(&self) -> Result<O::Item, Empty> {
        let mut state = self.lock();
        if state.items.is_empty() {
            return Err(Empty);
        }
        Ok(self.take(&mut state))
    }

    // ANCHOR: task_done
    /// Marks one item taken with `get` as handled: `task_done()`. When every item ever put has
    /// been marked, every thread waiting in [`Queue::join`] goes on.
    pub fn task_done(&self) -> Result<(), TooManyTaskDone> {
        let mut state = self.lock();
        if state.unfinished_tasks == 0 {
            return Err(TooManyTaskDone);
        }
        state.unfinished_tasks -= 1;
        if state.unfinished_tasks == 0 {
            self.all_tasks_done.notify_all();
        }
        Ok(())
    }

    /// Waits until every item put so far has been marked done: `join()`. It waits for the
    /// work, not for the threads that do it.
    pub fn join(&self) {
        let state = self.lock();
        let _done = self
            .all_tasks_done
            .wait_while(state, |state| state.unfinished_tasks > 0)
            .unwrap_or_else(PoisonError::into_inner);
    }
    // ANCHOR_END: task_done

    /// Items waiting now: `qsize()`. Another thread may change it before you use the answer.
    pub fn qsize(&self) -> usize {
        self.lock().items.len()
    }

    /// Whether no item is waiting now: `empty()` (with the same caveat as `qsize`).
    pub fn is_empty(&self) -> bool {
        self.lock().items.is_empty()
    }

    /// Whether the queue is at its capacity now: `full()` (with the same caveat).
    pub fn is_full(&self) -> bool {
        self.is_full_with(&self.lock())
    }

    /// Items put and not yet marked done: Python's `unfinished_tasks` attribute.
    pub fn unfinished_tasks(&self) -> usize {
        self.lock().unfinished_tasks
    }

    /// The most items it holds, or `None` for no limit: Python's `maxsize`.
    pub fn capacity(&self) -> Option<usize> {
        self.capacity
    }

    fn is_full_with(&self, state: &State<O>) -> bool {
        self.capacity
            .is_some_and(|capacity| state.items.len() >= capacity)
    }

    fn lock(&self) -> MutexGuard<'_, State<O>> {
        // No user code runs under the lock (items are only moved), so a poisoned lock still
        // guards consistent state.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<O: Order> fmt::Debug for Queue<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.lock();
        f.debug_struct("Queue")
            .field("capacity", &self.capacity)
            .field("qsize", &state.items.len())
            .field("unfinished_tasks", &state.unfinished_tasks)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::{Rendezvous, within};
    use std::sync::Arc;
    use std::thread;

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn non_blocking_calls_report_full_and_empty() {
        let q = FifoQueue::bounded(2);
        assert_eq!(q.get_nowait(), Err(Empty));
        assert_eq!(q.put_nowait(1), Ok(()));
        assert_eq!(q.put_nowait(2), Ok(()));
        assert!(q.is_full());
        assert_eq!(q.put_nowait(3), Err(Full(3)), "the item comes back");
        assert_eq!(q.put_timeout(3, Duration::from_millis(1)), Err(Full(3)));
        assert_eq!(q.get_nowait(), Ok(1));
        assert_eq!(q.get_timeout(Duration::from_millis(1)), Ok(2));
        assert_eq!(q.get_timeout(Duration::from_millis(1)), Err(Empty));
    }

    #[test]
    fn get_waits_for_a_put() {
        let q = Arc::new(FifoQueue::unbounded());
        let getter = Arc::clone(&q);
        let meet = Rendezvous::new(2, PATIENCE);
        let met = meet.clone();
        let got = within(PATIENCE, "get() to be woken by a put", move || {
            let waiting = thread::spawn(move || {
                met.wait().unwrap();
                getter.get()
            });
            meet.wait().unwrap();
            q.put("only the put can give the getter this");
            waiting.join().unwrap()
        });
        assert_eq!(got, "only the put can give the getter this");
    }

    #[test]
    fn put_waits_for_room() {
        let q = Arc::new(FifoQueue::bounded(1));
        q.put("first");
        let putter_q = Arc::clone(&q);
        within(PATIENCE, "put() to be woken by a get", move || {
            let putter = thread::spawn(move || putter_q.put("second"));
            assert_eq!(q.get(), "first");
            assert_eq!(q.get(), "second", "put in once the get made room");
            putter.join().unwrap();
        });
    }

    #[test]
    fn join_waits_for_every_task_done_and_too_many_is_an_error() {
        let q = Arc::new(FifoQueue::unbounded());
        for n in 0..5 {
            q.put(n);
        }
        let worker_q = Arc::clone(&q);
        let done = within(PATIENCE, "join() to return", move || {
            let worker = thread::spawn(move || {
                let mut sum = 0;
                for _ in 0..5 {
                    sum += worker_q.get();
                    worker_q.task_done().unwrap();
                }
                sum
            });
            q.join();
            let unfinished = q.unfinished_tasks();
            (worker.join().unwrap(), unfinished, q.task_done())
        });
        assert_eq!(done, (10, 0, Err(TooManyTaskDone)));
    }

    #[test]
    fn many_producers_and_consumers_lose_nothing_and_never_overfill() {
        let q = FifoQueue::bounded(3);
        let total: u64 = within(PATIENCE, "4 producers and 3 consumers", move || {
            thread::scope(|s| {
                let consumers: Vec<_> = (0..3)
                    .map(|_| {
                        s.spawn(|| {
                            let mut sum = 0;
                            while let Some(n) = q.get() {
                                assert!(q.qsize() <= 3);
                                sum += n;
                            }
                            sum
                        })
                    })
                    .collect();
                thread::scope(|producers| {
                    for p in 0..4u64 {
                        let q = &q;
                        producers.spawn(move || (0..500).for_each(|i| q.put(Some(p * 1000 + i))));
                    }
                });
                (0..3).for_each(|_| q.put(None)); // one sentinel per consumer
                consumers.into_iter().map(|c| c.join().unwrap()).sum()
            })
        });
        let expected: u64 = (0..4u64)
            .flat_map(|p| (0..500).map(move |i| p * 1000 + i))
            .sum();
        assert_eq!(total, expected);
    }

    #[test]
    fn lifo_and_priority_queues_share_the_api() {
        let stack = LifoQueue::bounded(3);
        (1..=3).for_each(|n| stack.put(n));
        assert_eq!([stack.get(), stack.get(), stack.get()], [3, 2, 1]);
        let jobs = PriorityQueue::unbounded();
        jobs.put((2, "later"));
        jobs.put((1, "first of two"));
        jobs.put((1, "second of two"));
        assert_eq!(jobs.get(), (1, "first of two"));
        assert_eq!(jobs.get(), (1, "second of two"));
        assert_eq!(jobs.get(), (2, "later"));
    }

    #[test]
    #[should_panic(expected = "capacity 0")]
    fn capacity_zero_is_refused() {
        let _ = FifoQueue::<u8>::bounded(0);
    }
}
