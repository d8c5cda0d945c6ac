//! MISTAKE: `put` hands its item straight to the first task waiting in `get`, through a
//! oneshot channel. The waiter gets whatever arrived first, not the most urgent item; and a
//! waiter that gave up (a timeout dropped its `get`) takes the item with it.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Mutex;

use tokio::sync::oneshot;

/// A priority queue that hands items to waiters.
#[derive(Debug)]
pub struct PriorityQueue<T> {
    state: Mutex<State<T>>,
}

#[derive(Debug)]
struct State<T> {
    items: BTreeMap<(i32, u64), T>,
    arrivals: u64,
    waiters: VecDeque<oneshot::Sender<T>>,
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
                waiters: VecDeque::new(),
            }),
        }
    }

    /// Gives the item to a waiting task if there is one; stores it otherwise.
    pub fn put(&self, priority: i32, item: T) {
        let mut state = self.state.lock().unwrap();
        if let Some(waiter) = state.waiters.pop_front() {
            let _ = waiter.send(item); // a waiter that gave up drops it
            return;
        }
        let arrival = state.arrivals;
        state.arrivals += 1;
        state.items.insert((priority, arrival), item);
    }

    /// Takes the most urgent item, or waits to be handed one.
    pub async fn get(&self) -> T {
        let handed = {
            let mut state = self.state.lock().unwrap();
            if let Some((_, item)) = state.items.pop_first() {
                return item;
            }
            let (sender, receiver) = oneshot::channel();
            state.waiters.push_back(sender);
            receiver
        };
        match handed.await {
            Ok(item) => item,
            Err(_) => std::future::pending().await,
        }
    }

    /// Takes an item if there is one.
    pub fn try_get(&self) -> Option<T> {
        self.state
            .lock()
            .unwrap()
            .items
            .pop_first()
            .map(|(_, item)| item)
    }

    /// How many items wait.
    pub fn len(&self) -> usize {
        self.state.lock().unwrap().items.len()
    }

    /// Whether none waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
