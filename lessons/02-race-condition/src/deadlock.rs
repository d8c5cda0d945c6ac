//! Section 5: deadlock. Transfer "a→b" locks account a, then b; transfer "b→a" locks b, then
//! a. If each takes its first lock before the other takes its second, each waits for a lock
//! the other holds: forever, with a plain `lock()`.
//!
//! std's `Mutex` has no timed lock, so the program asks with `try_lock`, which never waits,
//! and gives up after a deadline: a deadlock detected, not a hung program. The fix is a global
//! lock order: every transfer locks the account with the lower number first, whichever way the
//! money goes. Then no thread can hold the second lock while waiting for the first, and the
//! cycle a deadlock needs cannot form.

use std::sync::{Mutex, MutexGuard, TryLockError};
use std::thread;
use std::time::{Duration, Instant};

use shared::instruments::Rendezvous;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;

use crate::{Flags, PATIENCE};

/// An account: a number (which fixes its place in the lock order) and a balance.
#[derive(Debug)]
pub struct Account {
    /// Its place in the global lock order.
    pub number: u32,
    /// The balance.
    pub balance: Mutex<i64>,
}

impl Account {
    /// Account `number` holding `balance`.
    pub fn new(number: u32, balance: i64) -> Self {
        Self {
            number,
            balance: Mutex::new(balance),
        }
    }
}

/// How a transfer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// It moved the money.
    Done,
    /// It held its first lock and could not get the second before its deadline.
    GaveUp,
}

// ANCHOR: try_lock
/// Tries to lock `account` until `deadline`, without ever blocking: `try_lock` either takes the
/// lock at once or says it is taken. `None` means the deadline passed.
pub fn lock_before(account: &Account, deadline: Instant) -> Option<MutexGuard<'_, i64>> {
    loop {
        match account.balance.try_lock() {
            Ok(guard) => return Some(guard),
            // A panicked holder leaves a whole number: the lock is still usable.
            Err(TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) if Instant::now() >= deadline => return None,
            Err(TryLockError::WouldBlock) => thread::sleep(Duration::from_millis(1)),
        }
    }
}
// ANCHOR_END: try_lock

// ANCHOR: ordered
/// Locks both accounts, the lower number first whatever the direction, and moves `amount`.
pub fn transfer_in_order(from: &Account, to: &Account, amount: i64) {
    let (first, second) = if from.number < to.number {
        (from, to)
    } else {
        (to, from)
    };
    let mut first = first.balance.lock().unwrap_or_else(|p| p.into_inner());
    let mut second = second.balance.lock().unwrap_or_else(|p| p.into_inner());
    let (source, target) = if from.number < to.number {
        (&mut *first, &mut *second)
    } else {
        (&mut *second, &mut *first)
    };
    *source -= amount;
    *target += amount;
}
// ANCHOR_END: ordered

/// Two transfers in opposite directions, each locking its source first. Both take their first
/// lock and meet (so the deadlock is certain, not a matter of luck); each then tries its second
/// lock until `patience` runs out. Both report, then let go of their locks.
pub fn opposite_orders(
    a: &Account,
    b: &Account,
    patience: Duration,
    timeline: &Timeline,
) -> [Ending; 2] {
    let holding_first = Rendezvous::new(2, PATIENCE);
    let both_decided = Rendezvous::new(2, PATIENCE);
    let transfer = |name: &str, from: &Account, to: &Account| {
        let first = from.balance.lock().unwrap_or_else(|p| p.into_inner());
        let _holding = timeline.span(name, format!("holds {}", from.number));
        holding_first
            .wait()
            .expect("the other transfer took its first lock");
        let deadline = Instant::now() + patience;
        let ending = {
            let _waiting = timeline.span(format!("{name} waits"), format!("for {}", to.number));
            match lock_before(to, deadline) {
                Some(_second) => Ending::Done,
                None => Ending::GaveUp,
            }
        };
        // Hold on until both have decided, so neither's release rescues the other.
        both_decided.wait().expect("the other transfer decided");
        drop(first);
        ending
    };
    thread::scope(|scope| {
        let forward = scope.spawn(|| transfer("a→b", a, b));
        let backward = scope.spawn(|| transfer("b→a", b, a));
        [
            forward.join().expect("a→b panicked"),
            backward.join().expect("b→a panicked"),
        ]
    })
}

/// The same two transfers, both locking in account order.
pub fn same_order(a: &Account, b: &Account, timeline: &Timeline) -> [Ending; 2] {
    thread::scope(|scope| {
        let forward = scope.spawn(|| {
            let _span = timeline.span("a→b", "transfer in order");
            transfer_in_order(a, b, 10);
            Ending::Done
        });
        let backward = scope.spawn(|| {
            let _span = timeline.span("b→a", "transfer in order");
            transfer_in_order(b, a, 10);
            Ending::Done
        });
        [
            forward.join().expect("a→b panicked"),
            backward.join().expect("b→a panicked"),
        ]
    })
}

fn describe(ending: Ending, patience: Duration) -> String {
    match ending {
        Ending::Done => "done".into(),
        Ending::GaveUp => format!("gave up after {} ms: deadlock", patience.as_millis()),
    }
}

/// Section 5 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let patience = env.unit();
    report.say(&format!(
        "Transfer a→b locks account 1 (a), then 2 (b); transfer b→a locks 2, then 1. Each takes \
         its first lock and waits until the other has taken its own, so the deadlock is certain. \
         Each then tries its second lock with try_lock, for {} ms, and gives up instead of \
         waiting forever. Then the fix: both lock account 1 first.",
        patience.as_millis()
    ));
    let (a, b) = (Account::new(1, 100), Account::new(2, 100));
    let timeline = Timeline::new();
    let [forward, backward] = opposite_orders(&a, &b, patience, &timeline);
    let [forward_ordered, backward_ordered] = same_order(&a, &b, &Timeline::new());
    report.results(&[
        Record::new("opposite orders: a→b").text("ending", describe(forward, patience)),
        Record::new("opposite orders: b→a").text("ending", describe(backward, patience)),
        Record::new("one global order: a→b").text("ending", describe(forward_ordered, patience)),
        Record::new("one global order: b→a").text("ending", describe(backward_ordered, patience)),
    ]);
    report.say("Opposite orders: each holds its first account for the whole wait.");
    report.timeline(&timeline);
    let balances = (
        *a.balance.lock().unwrap_or_else(|p| p.into_inner()),
        *b.balance.lock().unwrap_or_else(|p| p.into_inner()),
    );
    report.say(&format!(
        "One order: the transfers take turns and both finish. Balances after 10 each way: {} and \
         {}.",
        balances.0, balances.1
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opposite_orders_deadlock_and_both_give_up() {
        let (a, b) = (Account::new(1, 100), Account::new(2, 100));
        let endings = opposite_orders(&a, &b, Duration::from_millis(50), &Timeline::new());
        assert_eq!(endings, [Ending::GaveUp, Ending::GaveUp]);
    }

    #[test]
    fn one_global_order_never_deadlocks() {
        let (a, b) = (Account::new(1, 100), Account::new(2, 100));
        let done = shared::instruments::within(Duration::from_secs(10), "ordered transfers", {
            move || {
                thread::scope(|scope| {
                    scope.spawn(|| (0..10_000).for_each(|_| transfer_in_order(&a, &b, 1)));
                    scope.spawn(|| (0..10_000).for_each(|_| transfer_in_order(&b, &a, 1)));
                });
                (a, b)
            }
        });
        let balances = (
            *done.0.balance.lock().unwrap(),
            *done.1.balance.lock().unwrap(),
        );
        assert_eq!(balances, (100, 100));
    }
}
