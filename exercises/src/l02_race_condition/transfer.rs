//! # Exercise: transfers between accounts, without deadlock
//!
//! A bank holds several accounts, each behind its own lock, so that transfers between
//! different accounts can run at the same time. A transfer must hold *both* its accounts'
//! locks while it moves the money, so that nobody sees the money gone from one account and not
//! yet in the other. Two transfers in opposite directions, 0 → 1 and 1 → 0, that each lock
//! their source first can deadlock: each holds one lock and waits forever for the other's.
//!
//! - `Bank::new(&[100, 50])` opens accounts 0 and 1 with those balances;
//! - `transfer(from, to, amount)` moves `amount` and returns `Ok(())`; it returns
//!   `Err(TransferError::NoSuchAccount(index))` for an account that does not exist, and
//!   `Err(TransferError::Insufficient { balance, amount })` when `from` holds less than
//!   `amount`; a refused transfer changes nothing;
//! - transfers in opposite directions, at the same time, always finish;
//! - a transfer from an account to itself succeeds if the balance covers it, changes nothing,
//!   and does not deadlock either (a `Mutex` locked twice by one thread never returns);
//! - `balance(account)` reads one balance (`None` for no such account);
//! - `total()` is the sum of all the balances at one moment: it never counts money that one
//!   transfer has taken out and not yet put in, nor counts it twice.
//!
//! Use `shared::sync::Mutex`, not `std::sync::Mutex`: the tests also run under the model checker
//! (`--features model`), which tries every interleaving and reports any that deadlocks.
//!
//! Tests: `cargo test -p exercises l02_race_condition::transfer`, then
//! `cargo test -p exercises --features model l02_race_condition::transfer`.
//! Hints, and where to read: `cargo run -p exercises -- hint transfer`.

// The stub ignores its parts until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

/// Why a transfer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferError {
    /// There is no account with this index.
    NoSuchAccount(usize),
    /// The source account holds less than the amount.
    Insufficient {
        /// What the source account holds.
        balance: u64,
        /// What the transfer asked for.
        amount: u64,
    },
}

/// Accounts, each behind its own lock.
#[derive(Debug)]
pub struct Bank {
    // TODO: one lock per account.
}

impl Bank {
    /// A bank whose account `i` holds `balances[i]`.
    pub fn new(balances: &[u64]) -> Self {
        todo!("l02_race_condition::transfer: build the Bank")
    }

    /// Moves `amount` from account `from` to account `to`.
    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> Result<(), TransferError> {
        // TODO: lock both accounts, always in the same order whatever the direction; then
        // check and move the money while holding both.
        todo!()
    }

    /// One account's balance.
    pub fn balance(&self, account: usize) -> Option<u64> {
        todo!()
    }

    /// The sum of all balances, at one moment.
    pub fn total(&self) -> u64 {
        todo!()
    }
}
