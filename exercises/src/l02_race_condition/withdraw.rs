//! # Exercise: withdrawals that never overdraw, under contention
//!
//! An account shared by several threads (through an `Arc`), in whole cents, so its balance is a
//! `u64`: it cannot even represent a negative balance. A `u64` that goes below zero wraps
//! around to about 18 quintillion instead, or panics in a debug build.
//!
//! - `Account::new(balance)` opens it;
//! - `withdraw(amount)` takes `amount` if the balance covers it and returns `Ok` with the
//!   balance it left; otherwise it changes nothing and returns `Err(Declined { balance,
//!   amount })`, with the balance it found;
//! - a withdrawal is declined only if the balance *at that moment* was too small: two threads
//!   withdrawing 2 each from 4 are both approved, in any interleaving;
//! - `deposit(amount)` adds to the balance and returns the new balance;
//! - `balance()` reads it.
//!
//! So money is conserved: after any mix of threads, the balance is the opening balance, plus
//! the deposits, minus the approved withdrawals, and never below zero. Checking the balance
//! and then subtracting, as two steps, is the lesson's check-then-act race: two threads both
//! see enough money for one withdrawal, and both take it.
//!
//! Use `shared::sync` (its `atomic::AtomicU64` or its `Mutex`), not `std::sync`: the tests also
//! run under the model checker (`--features model`), which tries every interleaving.
//!
//! Tests: `cargo test -p exercises l02_race_condition::withdraw`, then
//! `cargo test -p exercises --features model l02_race_condition::withdraw`.
//! Hints, and where to read: `cargo run -p exercises -- hint withdraw`.

// The stub ignores its parts until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

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
    // TODO: the balance, in a type several threads can change safely.
}

impl Account {
    /// An account holding `balance`.
    pub fn new(balance: u64) -> Self {
        todo!("l02_race_condition::withdraw: build the Account")
    }

    /// Takes `amount` if the balance covers it; returns the balance left.
    pub fn withdraw(&self, amount: u64) -> Result<u64, Declined> {
        // TODO: the check and the subtraction must be one step: no other thread may change the
        // balance between them.
        todo!()
    }

    /// Adds `amount`; returns the new balance.
    pub fn deposit(&self, amount: u64) -> u64 {
        todo!()
    }

    /// The balance now.
    pub fn balance(&self) -> u64 {
        todo!()
    }
}
