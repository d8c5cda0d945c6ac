//! MISTAKE: the post claims the board by setting it straight to POSTED, then writes the numbers:
//! a reader can see POSTED before they are written, whatever the orderings.

use shared::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

const EMPTY: usize = 0;
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
            .compare_exchange(EMPTY, POSTED, Ordering::SeqCst, Ordering::SeqCst)
            .map_err(|_| AlreadyPosted)?;
        for (slot, value) in self.results.iter().zip(results) {
            slot.store(value, Ordering::Relaxed);
        }
        // Release: the stores above happen before any Acquire load that reads POSTED.
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
