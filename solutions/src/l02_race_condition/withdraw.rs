//! Lesson 02: withdrawals that never overdraw, under contention.
//!
//! A compare-exchange loop: read the balance, compute the new one, and store it only if the
//! balance is still what was read. If another thread changed it in between, the exchange fails
//! and returns the balance it found instead, and the loop decides again with that one. The
//! check and the act become one step without a lock. A `Mutex<u64>` held across the check and
//! the subtraction is just as correct, and simpler to read; the loop never blocks a thread.
//!
//! The tempting wrong versions: `load`, compare, then `fetch_sub` (two threads pass the check
//! on the same balance), and a single `compare_exchange` without the loop, which declines a
//! withdrawal the balance covers whenever another thread got in first.

use shared::sync::atomic::{AtomicU64, Ordering};

/// A withdrawal the balance did not cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declined {
    /// The balance the withdrawal found.
    pub balance: u64,
    /// What it asked for.
    pub amount: u64,
}

/// An account that several threads withdraw from and deposit to.
#[derive(Debug)]
pub struct Account {
    balance: AtomicU64,
}

impl Account {
    /// An account holding `balance`.
    pub fn new(balance: u64) -> Self {
        Self {
            balance: AtomicU64::new(balance),
        }
    }

    /// Takes `amount` if the balance covers it; returns the balance left.
    pub fn withdraw(&self, amount: u64) -> Result<u64, Declined> {
        // Relaxed: the balance is the only data; every operation on it is atomic and takes its
        // turn in the one order all threads agree on.
        let mut seen = self.balance.load(Ordering::Relaxed);
        loop {
            let Some(left) = seen.checked_sub(amount) else {
                return Err(Declined {
                    balance: seen,
                    amount,
                });
            };
            match self.balance.compare_exchange_weak(
                seen,
                left,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Ok(left),
                // Another thread changed the balance since we read it: decide again.
                Err(now) => seen = now,
            }
        }
    }

    /// Adds `amount`; returns the new balance.
    pub fn deposit(&self, amount: u64) -> u64 {
        self.balance.fetch_add(amount, Ordering::Relaxed) + amount
    }

    /// The balance now.
    pub fn balance(&self) -> u64 {
        self.balance.load(Ordering::Relaxed)
    }
}
