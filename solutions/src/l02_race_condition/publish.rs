//! Lesson 02: publish results through a flag, without a lock.
//!
//! The flag goes from EMPTY to WRITING (claimed by one compare-exchange, so two posters cannot
//! both win), then to POSTED. The store of POSTED is `Release`: every write this thread made
//! before it, the three numbers included, becomes visible to any thread whose `Acquire` load
//! reads POSTED. With `Relaxed` on either side there is no such promise, and a reader could see
//! POSTED and still read a number's old value: x86 never does that, but ARM can, and the
//! compiler may reorder the stores too.
//!
//! The numbers themselves can be `Relaxed`: the flag orders them.

use shared::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

const EMPTY: usize = 0;
const WRITING: usize = 1;
const POSTED: usize = 2;

/// A post came too late: the board already has (or is taking) one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlreadyPosted;

/// Three numbers, posted once, read by anyone without a lock.
#[derive(Debug)]
pub struct Board {
    state: AtomicUsize,
    results: [AtomicU64; 3],
}

impl Board {
    /// An empty board.
    pub fn new() -> Self {
        Self {
            state: AtomicUsize::new(EMPTY),
            results: std::array::from_fn(|_| AtomicU64::new(0)),
        }
    }

    /// Posts `results`, unless the board already has a post.
    pub fn post(&self, results: [u64; 3]) -> Result<(), AlreadyPosted> {
        // Claiming needs no ordering: it publishes nothing. Only the winner writes.
        self.state
            .compare_exchange(EMPTY, WRITING, Ordering::Relaxed, Ordering::Relaxed)
            .map_err(|_| AlreadyPosted)?;
        for (slot, value) in self.results.iter().zip(results) {
            slot.store(value, Ordering::Relaxed);
        }
        // Release: the stores above happen before any Acquire load that reads POSTED.
        self.state.store(POSTED, Ordering::Release);
        Ok(())
    }

    /// The posted results, once they are all written.
    pub fn read(&self) -> Option<[u64; 3]> {
        // Acquire: pairs with the Release store, so the numbers' writes are visible below.
        if self.state.load(Ordering::Acquire) != POSTED {
            return None;
        }
        Some(std::array::from_fn(|i| {
            self.results[i].load(Ordering::Relaxed)
        }))
    }
}

impl Default for Board {
    fn default() -> Self {
        Self::new()
    }
}
