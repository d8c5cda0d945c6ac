//! MISTAKE: `BinaryHeap` is a max-heap. Without `Reverse`, the *highest* priority number comes
//! out first (and, with the arrival counter, the latest arrival among equals).

use std::collections::BinaryHeap;
use std::sync::Mutex;

use tokio::sync::Notify;

/// A priority queue upside down.
#[derive(Debug)]
pub struct PriorityQueue<T> {
    state: Mutex<(BinaryHeap<(i32, u64, usize)>, Vec<Option<T>>)>,
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
            state: Mutex::new((BinaryHeap::new(), Vec::new())),
            item_added: Notify::new(),
        }
    }

    /// Puts an item in.
    pub fn put(&self, priority: i32, item: T) {
        let mut state = self.state.lock().unwrap();
        let slot = state.1.len();
        state.1.push(Some(item));
        state.0.push((priority, slot as u64, slot));
        drop(state);
        self.item_added.notify_one();
    }

    /// Takes the most urgent item, waiting if need be.
    pub async fn get(&self) -> T {
        loop {
            if let Some(item) = self.try_get() {
                return item;
            }
            self.item_added.notified().await;
        }
    }

    /// Takes an item if there is one.
    pub fn try_get(&self) -> Option<T> {
        let mut state = self.state.lock().unwrap();
        let (_, _, slot) = state.0.pop()?;
        state.1[slot].take()
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
