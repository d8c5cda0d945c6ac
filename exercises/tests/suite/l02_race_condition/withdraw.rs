//! Withdrawals and deposits on real threads (what one schedule did), and under the model
//! checker (every interleaving of two threads: a stale check cannot hide there).

use super::subject::withdraw::Account;
use crate::kit::ReadMore;

const READ: ReadMore = ReadMore::here(module_path!());

#[cfg(not(feature = "model"))]
mod on_threads {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::super::subject::withdraw::Declined;
    use super::*;
    use crate::kit::panic_message;
    use crate::kit::race::together;

    /// Withdraws, turning a panic (a `u64` subtraction that overflowed) into an explanation.
    fn withdraw(account: &Account, amount: u64) -> Result<u64, Declined> {
        catch_unwind(AssertUnwindSafe(|| account.withdraw(amount))).unwrap_or_else(|payload| {
            panic!(
                "withdraw({amount}) panicked ({}): the balance would have gone below zero. Two \
                 withdrawals both found enough money, and both subtracted it ({READ})",
                panic_message(&*payload)
            )
        })
    }

    #[test]
    fn withdrawals_and_deposits_add_up() {
        let account = Account::new(100);
        assert_eq!(account.balance(), 100);
        assert_eq!(account.withdraw(30), Ok(70), "100 − 30 leaves 70 ({READ})");
        assert_eq!(
            account.withdraw(80),
            Err(Declined {
                balance: 70,
                amount: 80
            }),
            "80 from 70 must be declined, saying what it found ({READ})"
        );
        assert_eq!(
            account.balance(),
            70,
            "a declined withdrawal changes nothing ({READ})"
        );
        assert_eq!(
            account.deposit(20),
            90,
            "a deposit returns the new balance ({READ})"
        );
        assert_eq!(
            account.withdraw(90),
            Ok(0),
            "the whole balance may be withdrawn ({READ})"
        );
        assert_eq!(
            account.withdraw(1),
            Err(Declined {
                balance: 0,
                amount: 1
            })
        );
    }

    #[test]
    fn four_threads_withdrawing_exactly_the_balance_are_all_approved() {
        const THREADS: usize = 4;
        const EACH: u64 = 100_000;
        let account = Arc::new(Account::new(THREADS as u64 * EACH));
        let shared = Arc::clone(&account);
        let declined = together(THREADS, "four threads withdrawing", move |_| {
            (0..EACH).find_map(|_| withdraw(&shared, 1).err())
        });
        if let Some(declined) = declined.into_iter().flatten().next() {
            panic!(
                "a withdrawal of 1 was declined while the balance was {} and the four threads \
                 had exactly enough money between them: when another thread changed the balance \
                 first, the withdrawal gave up instead of deciding again with the new balance \
                 ({READ})",
                declined.balance
            );
        }
        assert_eq!(
            account.balance(),
            0,
            "400000 withdrawals of 1 from 400000 must leave 0 ({READ})"
        );
    }

    #[test]
    fn withdrawers_racing_for_each_deposit_never_overdraw() {
        const DEPOSITS: u64 = 100_000;
        let account = Arc::new(Account::new(0));
        let shared = Arc::clone(&account);
        let deposited = Arc::new(AtomicBool::new(false));
        let all_in = Arc::clone(&deposited);
        // Thread 0 deposits 1 cent at a time; threads 1 and 2 race to withdraw each one, until
        // everything is deposited and withdrawn (or, if the balance wrapped around, for long
        // enough to show it).
        let approved = together(3, "a depositor and two withdrawers", move |thread| {
            if thread == 0 {
                for _ in 0..DEPOSITS {
                    shared.deposit(1);
                }
                all_in.store(true, Ordering::SeqCst);
                return 0;
            }
            let mut approved = 0;
            for _ in 0..DEPOSITS * 20 {
                if withdraw(&shared, 1).is_ok() {
                    approved += 1;
                } else if all_in.load(Ordering::SeqCst) {
                    break;
                }
            }
            approved
        });
        let approved: u64 = approved.iter().sum();
        let balance = account.balance();
        assert!(
            balance <= DEPOSITS,
            "the balance ended at {balance}, more than was ever deposited ({DEPOSITS}): it went \
             below zero and wrapped around. Two withdrawals both found a balance of 1 and both \
             took it: check and subtract in one step ({READ})"
        );
        assert!(
            approved <= DEPOSITS,
            "{approved} withdrawals of 1 were approved, but only {DEPOSITS} cents were ever \
             deposited: withdrawals were approved on money that was not there ({READ})"
        );
        assert_eq!(
            balance,
            DEPOSITS - approved,
            "{DEPOSITS} deposited and {approved} withdrawn must leave {}, not {balance}: an \
             update was lost. A deposit read the balance, another thread changed it, and the \
             deposit wrote its own sum over that change ({READ})",
            DEPOSITS - approved
        );
    }
}

#[cfg(feature = "model")]
mod every_interleaving {
    use shared::sync::{Arc, thread};

    use super::*;
    use crate::kit::race::{FOUND, every_interleaving};

    const NO_LOCKS: &str = "nothing in an account should wait for anything";

    /// Runs `theirs` on another thread and `mine` on this one, at the same time; returns both
    /// results and the balance after.
    fn both<A, B>(
        opening: u64,
        theirs: impl FnOnce(&Account) -> A + Send + 'static,
        mine: impl FnOnce(&Account) -> B,
    ) -> (A, B, u64)
    where
        A: Send + 'static,
    {
        let account = Arc::new(Account::new(opening));
        let other = thread::spawn({
            let account = Arc::clone(&account);
            move || theirs(&account)
        });
        let mine = mine(&account);
        let theirs = other.join().expect("the other thread panicked");
        (theirs, mine, account.balance())
    }

    #[test]
    fn two_withdrawals_of_the_last_money_approve_exactly_one() {
        every_interleaving(NO_LOCKS, READ, || {
            let (theirs, mine, balance) = both(2, |a| a.withdraw(2), |a| a.withdraw(2));
            match (theirs, mine) {
                (Ok(_), Ok(_)) => panic!(
                    "{FOUND} both withdrawals of 2 from a balance of 2 were approved, and the \
                     balance ended at {balance}: both checked the balance (2) before either \
                     subtracted ({READ})"
                ),
                (Err(declined), Err(_)) => panic!(
                    "{FOUND} both withdrawals of 2 from a balance of 2 were declined ({declined:?}) \
                     ({READ})"
                ),
                (Ok(_), Err(declined)) | (Err(declined), Ok(_)) => {
                    assert!(
                        declined.balance < declined.amount && balance == 0,
                        "{FOUND} one withdrawal of 2 from 2 was approved and the other declined \
                         with {declined:?}, leaving a balance of {balance}: expected the \
                         declined one to find 0, and 0 left ({READ})"
                    );
                }
            }
        });
    }

    #[test]
    fn two_withdrawals_that_fit_are_both_approved() {
        every_interleaving(NO_LOCKS, READ, || {
            let (theirs, mine, balance) = both(4, |a| a.withdraw(2), |a| a.withdraw(2));
            for outcome in [theirs, mine] {
                if let Err(declined) = outcome {
                    panic!(
                        "{FOUND} a withdrawal of 2 from a balance of 4 was declined ({declined:?}) \
                         although the two withdrawals fit: the other withdrawal changed the \
                         balance first, and this one gave up instead of deciding again with the \
                         balance it then found ({READ})"
                    );
                }
            }
            let mut left = [theirs.unwrap(), mine.unwrap()];
            left.sort_unstable();
            assert!(
                left == [0, 2] && balance == 0,
                "{FOUND} withdrawing 2 and 2 from 4 returned balances {left:?} and left \
                 {balance}: expected one to leave 2 and the other 0 ({READ})"
            );
        });
    }

    #[test]
    fn a_deposit_during_a_withdrawal_is_kept() {
        every_interleaving(NO_LOCKS, READ, || {
            let (_, withdrawn, balance) = both(2, |a| a.deposit(1), |a| a.withdraw(2));
            assert!(
                withdrawn.is_ok(),
                "{FOUND} withdrawing 2 from 2 while 1 was deposited was declined: {withdrawn:?} \
                 ({READ})"
            );
            assert!(
                balance == 1,
                "{FOUND} 2, plus a deposit of 1, minus a withdrawal of 2 left {balance}, not 1: \
                 one thread read the balance, the other changed it, and the first then wrote \
                 its own result over that change ({READ})"
            );
        });
    }
}
