//! Section 5: why Rust has no `RLock`. Python's `threading.RLock` lets the thread that holds a
//! lock take it again, so a locked method can call another locked method. `std::sync::Mutex`
//! is not re-entrant: its documentation says that locking it again on the thread that holds
//! it "might panic or deadlock", and never that it succeeds. Rust's answer is a different
//! shape of code: lock once, at the edge, and let helpers work on the data the guard gives
//! them.

use std::sync::{Mutex, MutexGuard, PoisonError, TryLockError};

use shared::lesson::Env;
use shared::report::{Record, Report};

use crate::Flags;

// ANCHOR: wallet
/// A balance behind a lock.
#[derive(Debug, Default)]
pub struct Wallet {
    balance: Mutex<i64>,
}

impl Wallet {
    fn lock(&self) -> MutexGuard<'_, i64> {
        self.balance.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds `amount`, taking the lock once.
    pub fn deposit(&self, amount: i64) {
        add(&mut self.lock(), amount);
    }

    /// Two deposits as one step, so no other thread sees the balance in between. With an RLock
    /// this would lock and then call `deposit` twice; here it locks once and calls the helper
    /// that takes the data itself.
    pub fn deposit_twice(&self, first: i64, second: i64) {
        let mut balance = self.lock();
        add(&mut balance, first);
        add(&mut balance, second);
    }

    /// The current balance.
    pub fn balance(&self) -> i64 {
        *self.lock()
    }

    /// What the RLock-style version would meet: while this thread holds the lock, can it take
    /// it again? `try_lock` asks without waiting; `lock()` here would deadlock or panic.
    pub fn second_lock_on_same_thread(&self) -> Result<(), TryLockError<MutexGuard<'_, i64>>> {
        let _held = self.lock();
        self.balance.try_lock().map(drop)
    }
}

/// Works on the data, not the lock: it cannot lock twice because it never locks.
fn add(balance: &mut i64, amount: i64) {
    *balance += amount;
}
// ANCHOR_END: wallet

/// Section 5 of the lesson program.
pub fn show(report: &mut Report, _: &Env, _: &Flags) -> anyhow::Result<()> {
    report.say(
        "A wallet's balance sits behind a Mutex. Python code would lock it in deposit_twice and \
         call deposit, which locks again: fine with an RLock. A std Mutex is not re-entrant: a \
         second lock() on the thread that holds it may deadlock or panic, and never succeeds. \
         Instead of trying, we ask with try_lock() what lock() would meet, then use the \
         restructured version.",
    );
    let wallet = Wallet::default();
    let second_lock = match wallet.second_lock_on_same_thread() {
        Err(TryLockError::WouldBlock) => "would block: lock() here deadlocks or panics",
        Err(TryLockError::Poisoned(_)) => "poisoned",
        Ok(()) => "succeeded (unexpected)",
    };
    wallet.deposit(10);
    wallet.deposit_twice(20, 30);
    report.results(&[
        Record::new("lock, then lock again on the same thread").text("outcome", second_lock),
        Record::new("deposit(10), then deposit_twice(20, 30)")
            .text("outcome", format!("balance {}", wallet.balance())),
    ]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_thread_would_block() {
        let wallet = Wallet::default();
        assert!(matches!(
            wallet.second_lock_on_same_thread(),
            Err(TryLockError::WouldBlock)
        ));
    }

    #[test]
    fn the_restructured_wallet_adds_up() {
        let wallet = Wallet::default();
        wallet.deposit(10);
        wallet.deposit_twice(20, 30);
        assert_eq!(wallet.balance(), 60);
    }
}
