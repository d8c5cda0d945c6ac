//! The order in which a [`Queue`](crate::queue::Queue) hands out its items. Python's `queue`
//! module makes `LifoQueue` and `PriorityQueue` by overriding four methods of `Queue`
//! (`_init`, `_qsize`, `_put`, `_get`); here the same four are a trait, [`Order`], and the
//! queue is generic over it.

use std::collections::{BTreeMap, VecDeque};

/// Where items wait inside a queue, and which comes out next. Only the queue calls these, with
/// its lock held.
pub trait Order: Default {
    /// What the queue holds.
    type Item;
    /// Stores an item.
    fn push(&mut self, item: Self::Item);
    /// Takes the next item, if there is one.
    fn pop(&mut self) -> Option<Self::Item>;
    /// How many items are stored.
    fn len(&self) -> usize;
    /// Whether none is.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// First in, first out: `queue.Queue`.
#[derive(Debug)]
pub struct Fifo<T>(VecDeque<T>);

/// Last in, first out, a stack: `queue.LifoQueue`.
#[derive(Debug)]
pub struct Lifo<T>(Vec<T>);

// ANCHOR: priority
/// Lowest priority first, and first in, first out among equal priorities: `queue.PriorityQueue`
/// as its documentation advises using it, with `(priority, count, item)` entries. Items are
/// `(priority, item)` pairs; only the priority is compared, so the items need no order at all
/// (in Python, two equal priorities make the heap compare the items themselves).
#[derive(Debug)]
pub struct Priority<P, T> {
    waiting: BTreeMap<(P, u64), T>,
    next_sequence: u64,
}

impl<P: Ord, T> Order for Priority<P, T> {
    type Item = (P, T);

    fn push(&mut self, (priority, item): (P, T)) {
        self.waiting.insert((priority, self.next_sequence), item);
        self.next_sequence += 1;
    }

    fn pop(&mut self) -> Option<(P, T)> {
        let ((priority, _sequence), item) = self.waiting.pop_first()?;
        Some((priority, item))
    }

    fn len(&self) -> usize {
        self.waiting.len()
    }
}
// ANCHOR_END: priority

impl<T> Default for Fifo<T> {
    fn default() -> Self {
        Self(VecDeque::new())
    }
}

impl<T> Order for Fifo<T> {
    type Item = T;

    fn push(&mut self, item: T) {
        self.0.push_back(item);
    }

    fn pop(&mut self) -> Option<T> {
        self.0.pop_front()
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

impl<T> Default for Lifo<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T> Order for Lifo<T> {
    type Item = T;

    fn push(&mut self, item: T) {
        self.0.push(item);
    }

    fn pop(&mut self) -> Option<T> {
        self.0.pop()
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

impl<P, T> Default for Priority<P, T> {
    fn default() -> Self {
        Self {
            waiting: BTreeMap::new(),
            next_sequence: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The jobs of the Python example, in the order they are put.
    const JOBS: [(u8, &str); 4] = [(1, "write"), (2, "backup"), (0, "alert"), (1, "email")];

    fn drain<O: Order>(mut order: O, items: impl IntoIterator<Item = O::Item>) -> Vec<O::Item> {
        items.into_iter().for_each(|item| order.push(item));
        std::iter::from_fn(|| order.pop()).collect()
    }

    #[test]
    fn fifo_lifo_and_priority_match_python() {
        let names = |jobs: Vec<(u8, &'static str)>| -> Vec<&str> {
            jobs.into_iter().map(|(_, name)| name).collect()
        };
        assert_eq!(
            names(drain(Fifo::default(), JOBS)),
            ["write", "backup", "alert", "email"]
        );
        assert_eq!(
            names(drain(Lifo::default(), JOBS)),
            ["email", "alert", "backup", "write"]
        );
        // Python's (prio, count, item) order: "write" was put before "email".
        assert_eq!(
            names(drain(Priority::default(), JOBS)),
            ["alert", "write", "email", "backup"]
        );
    }

    #[test]
    fn priority_items_need_no_order_of_their_own() {
        struct Job(&'static str); // no PartialOrd: only priorities are compared
        let got = drain(
            Priority::default(),
            [(1, Job("a")), (1, Job("b")), (0, Job("c")), (1, Job("d"))],
        );
        let names: Vec<&str> = got.iter().map(|(_, job)| job.0).collect();
        assert_eq!(names, ["c", "a", "b", "d"]);
    }
}
