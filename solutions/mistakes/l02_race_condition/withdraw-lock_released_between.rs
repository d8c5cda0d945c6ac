//! MISTAKE: a lock around the check and another around the subtraction. In between the lock is
//! free, and another withdrawal can pass the same check: the `u64` subtraction then overflows
//! (a panic in a debug build).

use shared::sync::Mutex;

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
    balance: Mutex<u64>,
}

impl Account {
    /// An account holding `balance`.
    pub fn new(balance: u64) -> Self {
        Self {
            balance: Mutex::new(balance),
        }
    }

    /// Takes `amount` if the balance covers it.
    pub fn withdraw(&self, amount: u64) -> Result<u64, Declined> {
        let balance = self.balance();
        if balance < amount {
            return Err(Declined { balance, amount });
        }
        let mut balance = self.balance.lock().unwrap();
        *balance -= amount;
        Ok(*balance)
    }

    /// Adds `amount`; returns the new balance.
    pub fn deposit(&self, amount: u64) -> u64 {
        let mut balance = self.balance.lock().unwrap();
        *balance += amount;
        *balance
    }

    /// The balance now.
    pub fn balance(&self) -> u64 {
        *self.balance.lock().unwrap()
    }
}
