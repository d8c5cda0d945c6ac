//! MISTAKE: check, then act. The balance is read and compared, then `fetch_sub` subtracts:
//! two threads can both find enough money for one withdrawal, and both take it. The `u64`
//! wraps around below zero.

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
        let balance = self.balance.load(Ordering::SeqCst);
        if balance < amount {
            return Err(Declined { balance, amount });
        }
        let before = self.balance.fetch_sub(amount, Ordering::SeqCst);
        Ok(before.wrapping_sub(amount))
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
