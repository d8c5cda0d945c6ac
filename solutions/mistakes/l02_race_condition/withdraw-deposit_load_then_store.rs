//! MISTAKE: the withdrawal is a correct compare-exchange loop, but the deposit reads the balance
//! and writes back the sum as two steps, erasing any change made in between.

use shared::sync::atomic::{AtomicU64, Ordering};

/// A withdrawal the balance did not cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declined {
    /// The balance the withdrawal found.
    pub balance: u64,
    /// What it asked for.
    pub amount: u64,
}

/// An account.
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

    /// Takes `amount` if the balance covers it.
    pub fn withdraw(&self, amount: u64) -> Result<u64, Declined> {
        let mut seen = self.balance.load(Ordering::SeqCst);
        loop {
            if seen < amount {
                return Err(Declined {
                    balance: seen,
                    amount,
                });
            }
            match self.balance.compare_exchange(
                seen,
                seen - amount,
                Ordering::SeqCst,
                Ordering::SeqCst,
            ) {
                Ok(_) => return Ok(seen - amount),
                Err(now) => seen = now,
            }
        }
    }

    /// Adds `amount`; returns the new balance.
    pub fn deposit(&self, amount: u64) -> u64 {
        let balance = self.balance.load(Ordering::SeqCst) + amount;
        self.balance.store(balance, Ordering::SeqCst);
        balance
    }

    /// The balance now.
    pub fn balance(&self) -> u64 {
        self.balance.load(Ordering::SeqCst)
    }
}
