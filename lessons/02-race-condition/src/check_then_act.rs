//! Section 4: check, then act. An account holds 100; five customers each withdraw 60 at the
//! same moment. Only one withdrawal fits. A withdrawal that checks the balance, does some work
//! (a log line, a database call: here a 1 ms pause), and then subtracts, lets every customer
//! pass the check before anyone subtracts.
//!
//! The fixes make the check and the act one step: hold the lock across both, or, without a
//! lock, a compare-exchange loop that subtracts only if the balance is still the one checked.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use shared::instruments::RoundBarrier;
use shared::lesson::Env;
use shared::report::{Record, Report};

use crate::{Flags, PATIENCE};

/// The opening balance.
pub const OPENING: i64 = 100;
/// What each customer withdraws.
pub const AMOUNT: i64 = 60;
/// How many customers withdraw at once.
pub const CUSTOMERS: usize = 5;

// ANCHOR: account
/// A balance behind a lock. The balance is signed, so an overdraft shows as a negative number.
#[derive(Debug)]
pub struct Account {
    balance: Mutex<i64>,
}

impl Account {
    /// An account holding `balance`.
    pub fn new(balance: i64) -> Self {
        Self {
            balance: Mutex::new(balance),
        }
    }

    fn lock(&self) -> MutexGuard<'_, i64> {
        self.balance.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The balance now.
    pub fn balance(&self) -> i64 {
        *self.lock()
    }

    /// Checks, lets go of the lock, works, then subtracts: the check may be stale by then.
    pub fn withdraw_racy(&self, amount: i64, work: impl Fn()) -> bool {
        if self.balance() >= amount {
            work();
            *self.lock() -= amount;
            true
        } else {
            false
        }
    }

    /// Checks and subtracts under one lock: nobody else can act in between.
    pub fn withdraw_locked(&self, amount: i64, work: impl Fn()) -> bool {
        let mut balance = self.lock();
        if *balance >= amount {
            work();
            *balance -= amount;
            true
        } else {
            false
        }
    }
}
// ANCHOR_END: account

// ANCHOR: cas
/// A balance in an atomic, withdrawn without a lock.
#[derive(Debug)]
pub struct AtomicAccount {
    balance: AtomicI64,
}

impl AtomicAccount {
    /// An account holding `balance`.
    pub fn new(balance: i64) -> Self {
        Self {
            balance: AtomicI64::new(balance),
        }
    }

    /// The balance now.
    pub fn balance(&self) -> i64 {
        self.balance.load(Ordering::Relaxed)
    }

    /// Subtracts only if the balance is still the one that was checked; if another thread
    /// changed it meanwhile, checks again with the new balance.
    pub fn withdraw(&self, amount: i64, work: impl Fn()) -> bool {
        let mut seen = self.balance.load(Ordering::Relaxed);
        loop {
            if seen < amount {
                return false;
            }
            work();
            match self.balance.compare_exchange_weak(
                seen,
                seen - amount,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return true,
                Err(now) => seen = now,
            }
        }
    }
}
// ANCHOR_END: cas

/// How the customers' withdrawals went in one round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Withdrawals approved.
    pub approved: usize,
    /// The balance afterwards.
    pub balance: i64,
}

/// `rounds` rounds in which `customers` threads, started together by a barrier, each call
/// `withdraw` once on a fresh account made by `open`; `balance` reads it afterwards.
pub fn rounds<A: Sync>(
    customers: usize,
    rounds: usize,
    open: impl Fn() -> A,
    withdraw: impl Fn(&A) -> bool + Sync,
    balance: impl Fn(&A) -> i64,
) -> anyhow::Result<Vec<Outcome>> {
    let mut outcomes = Vec::new();
    for _ in 0..rounds {
        let account = open();
        let start = RoundBarrier::new(customers, PATIENCE);
        let approved = thread::scope(|scope| {
            let handles: Vec<_> = (0..customers)
                .map(|_| {
                    scope.spawn(|| {
                        start.wait()?;
                        anyhow::Ok(withdraw(&account))
                    })
                })
                .collect();
            let mut approved = 0;
            for handle in handles {
                approved += usize::from(handle.join().expect("a customer panicked")?);
            }
            anyhow::Ok(approved)
        })?;
        outcomes.push(Outcome {
            approved,
            balance: balance(&account),
        });
    }
    Ok(outcomes)
}

/// Section 4 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    report.say(&format!(
        "An account holds {OPENING}; {CUSTOMERS} customers, started together, each withdraw \
         {AMOUNT}. Between the check and the subtraction each does 1 ms of other work (in a \
         real program: a log line, a database call). One withdrawal fits: the right ending is \
         1 approved and a balance of {}.",
        OPENING - AMOUNT
    ));
    let pause = || thread::sleep(Duration::from_millis(1));
    let tries = env.size(3, 2);
    let racy = rounds(
        CUSTOMERS,
        tries,
        || Account::new(OPENING),
        |a| a.withdraw_racy(AMOUNT, pause),
        Account::balance,
    )?;
    let locked = rounds(
        CUSTOMERS,
        tries,
        || Account::new(OPENING),
        |a| a.withdraw_locked(AMOUNT, pause),
        Account::balance,
    )?;
    let cas = rounds(
        CUSTOMERS,
        tries,
        || AtomicAccount::new(OPENING),
        |a| a.withdraw(AMOUNT, pause),
        AtomicAccount::balance,
    )?;
    let mut records = Vec::new();
    for (name, outcomes) in [
        ("check, work, subtract", &racy),
        ("lock held across all three", &locked),
        ("compare-exchange loop", &cas),
    ] {
        for (round, outcome) in outcomes.iter().enumerate() {
            records.push(
                Record::new(format!("{name}, round {}", round + 1))
                    .count("approved", outcome.approved as u64)
                    .text("balance", outcome.balance.to_string()),
            );
        }
    }
    report.results(&records);

    let many = env.size(1000, 200);
    report.say(&format!(
        "Without the pause the window between check and act is a few nanoseconds. The racy \
         withdrawal, {many} rounds with no work in between:"
    ));
    let bare = rounds(
        CUSTOMERS,
        many,
        || Account::new(OPENING),
        |a| a.withdraw_racy(AMOUNT, || {}),
        Account::balance,
    )?;
    let overdrawn = bare.iter().filter(|o| o.balance < 0).count();
    report.results(&[Record::new(format!("check, subtract ({many} rounds)"))
        .count("rounds_overdrawn", overdrawn as u64)
        .metric(
            "share",
            shared::report::Metric::Percent(overdrawn as f64 / many as f64),
        )
        .text(
            "lowest_balance",
            bare.iter()
                .map(|o| o.balance)
                .min()
                .unwrap_or(OPENING)
                .to_string(),
        )]);
    report.say(&if overdrawn == 0 {
        format!(
            "Not one overdraft in {many} rounds: the window is nanoseconds wide, and threads \
             released by a barrier start microseconds apart. The code is exactly as wrong as \
             with the pause; it only fails rarely, in a test or in production. Tests cannot \
             wait for luck: the exercises' tests run this kind of code under a model checker, \
             which tries every interleaving."
        )
    } else {
        format!(
            "{overdrawn} overdrafts in {many} rounds: a narrow window makes the bug rarer, not \
             absent. Tests cannot wait for luck: the exercises' tests run this kind of code \
             under a model checker, which tries every interleaving."
        )
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::Rendezvous;

    #[test]
    fn a_stale_check_overdraws_when_every_customer_checks_before_anyone_acts() {
        // Every customer must be between check and act at once to pass the rendezvous: the
        // interleaving that overdraws, forced.
        let window = Rendezvous::new(CUSTOMERS, Duration::from_secs(10));
        let outcome = rounds(
            CUSTOMERS,
            1,
            || Account::new(OPENING),
            |a| a.withdraw_racy(AMOUNT, || window.wait().unwrap()),
            Account::balance,
        )
        .unwrap();
        assert_eq!(
            outcome,
            [Outcome {
                approved: CUSTOMERS,
                balance: OPENING - CUSTOMERS as i64 * AMOUNT
            }]
        );
    }

    #[test]
    fn the_fixes_approve_exactly_one() {
        let pause = || thread::sleep(Duration::from_millis(1));
        let one = Outcome {
            approved: 1,
            balance: OPENING - AMOUNT,
        };
        let locked = rounds(
            CUSTOMERS,
            3,
            || Account::new(OPENING),
            |a| a.withdraw_locked(AMOUNT, pause),
            Account::balance,
        )
        .unwrap();
        assert_eq!(locked, [one; 3]);
        let cas = rounds(
            CUSTOMERS,
            3,
            || AtomicAccount::new(OPENING),
            |a| a.withdraw(AMOUNT, pause),
            AtomicAccount::balance,
        )
        .unwrap();
        assert_eq!(cas, [one; 3]);
    }
}
