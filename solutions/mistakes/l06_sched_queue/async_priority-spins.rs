//! MISTAKE: `get` spins, yielding between looks instead of waiting to be woken. The thread is
//! never blocked, but the task never stops running either: the runtime is never idle, so the
//! tests' paused clock never moves, and the `put` due a second later never comes.

use std::collections::BTreeMap;
use std::sync::Mutex;

/// A priority queue whose getters spin.
#[derive(Debug)]
pub struct PriorityQueue<T> {
    state: Mutex<(BTreeMap<(i32, u64), T>, u64)>,
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
        }
    }

    /// Puts an item in.
    pub fn put(&self, priority: i32, item: T) {
        let mut state = self.state.lock().unwrap();
        let arrival = state.1;
        state.1 += 1;
        state.0.insert((priority, arrival), item);
    }

    /// Takes the most urgent item, looking again and again until there is one.
    pub async fn get(&self) -> T {
        loop {
            if let Some(item) = self.try_get() {
                return item;
            }
            tokio::task::yield_now().await;
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
