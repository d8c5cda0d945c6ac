//! MISTAKE: one compare-exchange and no loop. When another thread changed the balance between
//! the read and the exchange, the withdrawal is declined although the money is there.

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
        let seen = self.balance.load(Ordering::SeqCst);
        if seen < amount {
            return Err(Declined {
                balance: seen,
                amount,
            });
        }
        self.balance
            .compare_exchange(seen, seen - amount, Ordering::SeqCst, Ordering::SeqCst)
            .map(|before| before - amount)
            .map_err(|now| Declined {
                balance: now,
                amount,
            })
    }

    /// Adds `amount`; returns the new balance.
    pub fn deposit(&self, amount: u64) -> u64 {
        self.balance.fetch_add(amount, Ordering::SeqCst) + amount
    }

    /// The balance now.
    pub fn balance(&self) -> u64 {
        self.balance.load(Ordering::SeqCst)
    }
}
