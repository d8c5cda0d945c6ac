//! MISTAKE: `get` waits for a notification before it looks. `notify_one` keeps at most one
//! wake-up for a task that is not waiting yet, so after two puts the second get waits forever
//! beside an item.

use std::collections::BTreeMap;
use std::sync::Mutex;

use tokio::sync::Notify;

/// A priority queue whose getters wait first.
#[derive(Debug)]
pub struct PriorityQueue<T> {
    state: Mutex<(BTreeMap<(i32, u64), T>, u64)>,
    item_added: Notify,
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
            state: Mutex::new((BTreeMap::new(), 0)),
            item_added: Notify::new(),
        }
    }

    /// Puts an item in.
    pub fn put(&self, priority: i32, item: T) {
        let mut state = self.state.lock().unwrap();
        let arrival = state.1;
        state.1 += 1;
        state.0.insert((priority, arrival), item);
        drop(state);
        self.item_added.notify_one();
    }

    /// Waits for a put, then takes the most urgent item.
    pub async fn get(&self) -> T {
        loop {
            self.item_added.notified().await;
            if let Some(item) = self.try_get() {
                return item;
            }
        }
    }

    /// Takes an item if there is one.
    pub fn try_get(&self) -> Option<T> {
        self.state
            .lock()
            .unwrap()
            .0
            .pop_first()
            .map(|(_, item)| item)
    }

    /// How many items wait.
    pub fn len(&self) -> usize {
        self.state.lock().unwrap().0.len()
    }

    /// Whether none waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
