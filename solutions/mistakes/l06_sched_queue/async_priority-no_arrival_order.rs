//! MISTAKE: a heap ordered by priority alone. `BinaryHeap` is not stable: items of equal
//! priority come out in whatever order the heap's reshuffling leaves them.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::sync::Mutex;

use tokio::sync::Notify;

/// An entry compared by its priority only.
#[derive(Debug)]
struct Entry<T> {
    priority: Reverse<i32>,
    item: T,
}

impl<T> PartialEq for Entry<T> {
    fn eq(&self, other: &Self) -> bool {
        self.priority == other.priority
    }
}
impl<T> Eq for Entry<T> {}
impl<T> PartialOrd for Entry<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Entry<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.priority.cmp(&other.priority)
    }
}

/// A priority queue that forgets the order of arrival.
#[derive(Debug)]
pub struct PriorityQueue<T> {
    items: Mutex<BinaryHeap<Entry<T>>>,
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
            items: Mutex::new(BinaryHeap::new()),
            item_added: Notify::new(),
        }
    }

    /// Puts an item in.
    pub fn put(&self, priority: i32, item: T) {
        self.items.lock().unwrap().push(Entry {
            priority: Reverse(priority),
            item,
        });
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
        self.items.lock().unwrap().pop().map(|entry| entry.item)
    }

    /// How many items wait.
    pub fn len(&self) -> usize {
        self.items.lock().unwrap().len()
    }

    /// Whether none waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
