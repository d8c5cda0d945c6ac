//! MISTAKE: the balance is checked before the locks are taken. Two transfers can both find
//! enough money for one of them, and both take it (the `u64` subtraction then overflows).

use shared::sync::{Mutex, MutexGuard, PoisonError};

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
    accounts: Vec<Mutex<u64>>,
}

impl Bank {
    /// A bank whose account `i` holds `balances[i]`.
    pub fn new(balances: &[u64]) -> Self {
        Self {
            accounts: balances
                .iter()
                .map(|&balance| Mutex::new(balance))
                .collect(),
        }
    }

    fn account(&self, index: usize) -> Result<&Mutex<u64>, TransferError> {
        self.accounts
            .get(index)
            .ok_or(TransferError::NoSuchAccount(index))
    }

    /// Moves `amount` from account `from` to account `to`.
    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> Result<(), TransferError> {
        let (source, target) = (self.account(from)?, self.account(to)?);
        check(*lock(source), amount)?;
        if from == to {
            // One lock: locking it twice would wait for ourselves forever.
            return check(*lock(source), amount);
        }
        // The lower index first, whichever direction the money goes.
        let (mut source, mut target) = if from < to {
            let source = lock(source);
            (source, lock(target))
        } else {
            let target = lock(target);
            (lock(source), target)
        };
        *source -= amount;
        *target += amount;
        Ok(())
    }

    /// One account's balance.
    pub fn balance(&self, account: usize) -> Option<u64> {
        self.account(account).ok().map(|balance| *lock(balance))
    }

    /// The sum of all balances, at one moment.
    pub fn total(&self) -> u64 {
        // Every lock, in index order, all held until the sum is done.
        let all: Vec<MutexGuard<'_, u64>> = self.accounts.iter().map(lock).collect();
        all.iter().map(|balance| **balance).sum()
    }
}

/// A balance is a plain number, whole after any panic: a poisoned lock is still usable.
fn lock(account: &Mutex<u64>) -> MutexGuard<'_, u64> {
    account.lock().unwrap_or_else(PoisonError::into_inner)
}

fn check(balance: u64, amount: u64) -> Result<(), TransferError> {
    if balance < amount {
        Err(TransferError::Insufficient { balance, amount })
    } else {
        Ok(())
    }
}
