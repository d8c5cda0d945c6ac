//! MISTAKE: the balance can never wrap, because the subtraction saturates at zero; but a
//! withdrawal larger than the balance is approved, and money is created from nothing.

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

    /// Takes `amount`.
    pub fn withdraw(&self, amount: u64) -> Result<u64, Declined> {
        let before = self
            .balance
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |balance| {
                Some(balance.saturating_sub(amount))
            })
            .expect("the closure always returns Some");
        Ok(before.saturating_sub(amount))
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
