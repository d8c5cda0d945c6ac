//! Transfers on real threads under a deadlock guard (what one schedule did), and under the model
//! checker (every interleaving of two transfers: a deadlock that needs bad luck is found there).

use super::subject::transfer::Bank;
use crate::kit::ReadMore;

const READ: ReadMore = ReadMore::here(module_path!());

#[cfg(not(feature = "model"))]
mod on_threads {
    use std::sync::Arc;

    use shared::instruments::within;

    use super::super::subject::transfer::TransferError;
    use super::*;
    use crate::kit::PATIENCE;
    use crate::kit::race::together;

    #[test]
    fn transfers_move_money_and_refusals_change_nothing() {
        let bank = Bank::new(&[100, 50]);
        assert_eq!(bank.transfer(0, 1, 30), Ok(()));
        assert_eq!(
            (bank.balance(0), bank.balance(1)),
            (Some(70), Some(80)),
            "30 from account 0 to account 1 ({READ})"
        );
        assert_eq!(bank.transfer(1, 0, 20), Ok(()));
        assert_eq!(
            (bank.balance(0), bank.balance(1)),
            (Some(90), Some(60)),
            "then 20 from account 1 back to account 0: the money goes from `from` to `to`, \
             whichever account is locked first ({READ})"
        );
        assert_eq!(bank.transfer(0, 1, 20), Ok(()));
        assert_eq!(
            bank.transfer(1, 0, 100),
            Err(TransferError::Insufficient {
                balance: 80,
                amount: 100
            }),
            "100 from an account holding 80 must be refused ({READ})"
        );
        assert_eq!(bank.transfer(0, 5, 1), Err(TransferError::NoSuchAccount(5)));
        assert_eq!(bank.transfer(7, 0, 1), Err(TransferError::NoSuchAccount(7)));
        assert_eq!(
            (bank.balance(0), bank.balance(1), bank.balance(2)),
            (Some(70), Some(80), None),
            "refused transfers change nothing ({READ})"
        );
        assert_eq!(bank.total(), 150);
    }

    #[test]
    fn a_transfer_to_the_same_account_does_not_deadlock() {
        let outcomes = within(
            PATIENCE,
            "transfer(1, 1, …), from account 1 to itself (locking account 1 a second time, \
             while this thread holds it, waits for itself forever)",
            || {
                let bank = Bank::new(&[100, 50]);
                let outcomes = (bank.transfer(1, 1, 10), bank.transfer(1, 1, 60));
                (outcomes, bank.balance(1))
            },
        );
        assert_eq!(
            outcomes,
            (
                (
                    Ok(()),
                    Err(TransferError::Insufficient {
                        balance: 50,
                        amount: 60
                    })
                ),
                Some(50)
            ),
            "to the same account: covered means Ok, and nothing changes ({READ})"
        );
    }

    #[test]
    fn opposing_transfers_at_the_same_time_finish() {
        let bank = Arc::new(Bank::new(&[1000, 1000]));
        let shared = Arc::clone(&bank);
        together(
            2,
            "two threads transferring in opposite directions, 0 → 1 and 1 → 0 (if they \
             deadlocked, each held one account's lock and waited for the other's: lock the \
             accounts in one order, lowest index first)",
            move |thread| {
                let (from, to) = (thread, 1 - thread);
                for _ in 0..100_000 {
                    // A refusal is fine here: one direction may run ahead of the other.
                    let _ = shared.transfer(from, to, 1);
                }
            },
        );
        assert_eq!(
            bank.total(),
            2000,
            "transfers must neither create nor destroy money ({READ})"
        );
    }

    #[test]
    fn total_never_counts_money_in_flight() {
        const ROUNDS: usize = 50_000;
        let bank = Arc::new(Bank::new(&[100, 0]));
        let shared = Arc::clone(&bank);
        let sums = together(2, "transfers and totals at the same time", move |thread| {
            let mut wrong = Vec::new();
            for _ in 0..ROUNDS {
                if thread == 0 {
                    shared.transfer(0, 1, 1).expect("account 0 holds 100");
                    shared
                        .transfer(1, 0, 1)
                        .expect("account 1 holds what it got");
                } else {
                    let total = shared.total();
                    if total != 100 {
                        wrong.push(total);
                    }
                }
            }
            wrong
        });
        let wrong: Vec<u64> = sums.into_iter().flatten().collect();
        assert!(
            wrong.is_empty(),
            "the bank always holds 100, but total() said {:?} while transfers ran: it read the \
             accounts at different moments, with a transfer's money in flight between them. \
             Hold every account's lock while summing, and hold both while transferring \
             ({READ})",
            &wrong[..wrong.len().min(5)]
        );
    }
}

#[cfg(feature = "model")]
mod every_interleaving {
    use shared::sync::{Arc, thread};

    use super::*;
    use crate::kit::race::{FOUND, every_interleaving};

    const OPPOSITE: &str = "the transfer 0 → 1 held account 0's lock and waited for account \
                            1's, while the transfer 1 → 0 held account 1's and waited for \
                            account 0's. Lock the accounts in one order, lowest index first, \
                            whichever way the money goes";

    #[test]
    fn opposing_transfers_finish() {
        every_interleaving(OPPOSITE, READ, || {
            let bank = Arc::new(Bank::new(&[1, 1]));
            let other = thread::spawn({
                let bank = Arc::clone(&bank);
                move || bank.transfer(0, 1, 1)
            });
            let mine = bank.transfer(1, 0, 1);
            let theirs = other.join().expect("the other transfer panicked");
            assert!(
                theirs.is_ok() && mine.is_ok(),
                "{FOUND} transfers 0 → 1 and 1 → 0 of 1 between accounts holding 1 each \
                 returned {theirs:?} and {mine:?}: both fit ({READ})"
            );
            let balances = (bank.balance(0), bank.balance(1));
            assert!(
                balances == (Some(1), Some(1)),
                "{FOUND} after 1 went each way, the balances are {balances:?}, not 1 and 1 \
                 ({READ})"
            );
        });
    }

    #[test]
    fn total_sees_no_money_in_flight() {
        every_interleaving(OPPOSITE, READ, || {
            let bank = Arc::new(Bank::new(&[2, 0]));
            let other = thread::spawn({
                let bank = Arc::clone(&bank);
                move || bank.transfer(0, 1, 1)
            });
            let total = bank.total();
            other
                .join()
                .expect("the transfer panicked")
                .expect("account 0 holds 2");
            assert!(
                total == 2,
                "{FOUND} total() returned {total} while 1 moved from account 0 (holding 2) to \
                 account 1 (holding 0): it saw one account before the transfer and the other \
                 after it. A transfer must hold both locks while it moves the money, and \
                 total() every lock while it sums ({READ})"
            );
        });
    }

    #[test]
    fn two_transfers_of_the_last_money_refuse_one() {
        every_interleaving(OPPOSITE, READ, || {
            let bank = Arc::new(Bank::new(&[1, 0]));
            let other = thread::spawn({
                let bank = Arc::clone(&bank);
                move || bank.transfer(0, 1, 1)
            });
            let mine = bank.transfer(0, 1, 1);
            let theirs = other.join().expect("the other transfer panicked");
            let approved = [&theirs, &mine].iter().filter(|r| r.is_ok()).count();
            assert!(
                approved == 1,
                "{FOUND} two transfers of 1 from an account holding 1 returned {theirs:?} and \
                 {mine:?}: exactly one fits. Both checked the balance before either took the \
                 money: check while holding the lock ({READ})"
            );
        });
    }
}
