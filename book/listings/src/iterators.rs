//! Iterators are lazy: `map` runs nothing until something pulls items through it.
//!
//! That is why the lessons collect join handles into a `Vec` before joining them: a chain that
//! spawns in one `map` and joins in the next pulls one item through both before it asks for
//! the second, so each thread is joined before the next is spawned.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};

// ANCHOR: lazy
/// Builds a `map`, then collects it. Returns how often the closure had run
/// before `collect`, how often after, and what was collected.
pub fn lazy_map() -> (usize, usize, Vec<u32>) {
    // A counter that the closure can bump through a shared reference.
    let calls = AtomicUsize::new(0);
    let doubled = [1, 2, 3].iter().map(|n| {
        calls.fetch_add(1, Ordering::SeqCst);
        n * 2
    }); // a recipe: nothing has run yet
    let before = calls.load(Ordering::SeqCst);
    // `collect` pulls every item through the closure.
    let doubled: Vec<u32> = doubled.collect();
    (before, calls.load(Ordering::SeqCst), doubled)
}
// ANCHOR_END: lazy

// ANCHOR: one_chain
/// Spawns and joins in one chain. Looks parallel; runs the jobs one after
/// another.
pub fn spawn_and_join_in_one_chain<F>(jobs: usize, job: F) -> Vec<usize>
where
    F: Fn(usize) -> usize + Clone + Send + 'static,
{
    (0..jobs)
        .map(|i| {
            let job = job.clone();
            thread::spawn(move || job(i))
        })
        .map(|handle| handle.join().expect("a job panicked"))
        .collect()
}
// ANCHOR_END: one_chain

// ANCHOR: collect_first
/// Spawns every thread, collects the handles, then joins them: the jobs run
/// at the same time.
pub fn spawn_all_then_join<F>(jobs: usize, job: F) -> Vec<usize>
where
    F: Fn(usize) -> usize + Clone + Send + 'static,
{
    let handles: Vec<JoinHandle<usize>> = (0..jobs)
        .map(|i| {
            let job = job.clone();
            thread::spawn(move || job(i))
        })
        .collect(); // every thread has been spawned before the first join
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a job panicked"))
        .collect()
}
// ANCHOR_END: collect_first

// ANCHOR: gauge
/// Counts the threads inside a job right now, and remembers the most there
/// were at once.
#[derive(Debug, Default)]
pub struct Gauge {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl Gauge {
    /// One more thread inside; a new record raises the peak.
    pub fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
    }

    /// One thread fewer inside.
    pub fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }

    /// The most threads that were inside at once.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }
}
// ANCHOR_END: gauge

#[cfg(test)]
mod tests;
