//! Lesson 06: an async priority queue, first in first out among equal priorities.

use std::collections::BTreeMap;
use std::pin::pin;
use std::sync::{Mutex, MutexGuard, PoisonError};

use tokio::sync::Notify;

/// A queue of items for tasks, lowest priority first, first in first out among equals.
///
/// The items wait in a `BTreeMap` keyed by (priority, order of arrival): the first key is the
/// next item, and two keys never tie, so the items themselves are never compared. The map sits
/// behind a std `Mutex`, held only for a push or a pop and never across an `.await`. Waiting
/// is `Notify`'s job, and a getter becomes a waiter *before* it looks at the map
/// (`Notified::enable`): on a multi-thread runtime a `put` can come between the look and the
/// wait, and `notify_one` stores only one permit, so with two getters in that window one
/// would sleep beside an item. On one thread the window cannot open (there is no `.await`
/// between the look and the wait), which is why the tests, which run on one thread, cannot see
/// it: it is reasoned about here rather than tested.
#[derive(Debug)]
pub struct PriorityQueue<T> {
    state: Mutex<State<T>>,
    item_added: Notify,
}

#[derive(Debug)]
struct State<T> {
    items: BTreeMap<(i32, u64), T>,
    arrivals: u64,
}

impl<T> Default for PriorityQueue<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> PriorityQueue<T> {
    /// An empty queue.
    pub fn new() -> Self {
        Self {
            state: Mutex::new(State {
                items: BTreeMap::new(),
                arrivals: 0,
            }),
            item_added: Notify::new(),
        }
    }

    /// Puts `item` in with `priority` (lower comes out sooner), and wakes a waiting task.
    pub fn put(&self, priority: i32, item: T) {
        let mut state = self.lock();
        let arrival = state.arrivals;
        state.arrivals += 1;
        state.items.insert((priority, arrival), item);
        drop(state);
        self.item_added.notify_one();
    }

    /// Takes the most urgent item, waiting for one if the queue is empty.
    pub async fn get(&self) -> T {
        loop {
            let item_added = self.item_added.notified();
            let mut item_added = pin!(item_added);
            item_added.as_mut().enable(); // a waiter from here on: no put can slip past
            if let Some(item) = self.try_get() {
                return item;
            }
            // Woken by a put; another task may have taken the item meanwhile, so look again.
            item_added.await;
        }
    }

    /// Takes the most urgent item if there is one now.
    pub fn try_get(&self) -> Option<T> {
        let (_, item) = self.lock().items.pop_first()?;
        Some(item)
    }

    /// How many items wait.
    pub fn len(&self) -> usize {
        self.lock().items.len()
    }

    /// Whether no item waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // Only moves of items happen under the lock: it cannot be left half-done.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
