use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::thread;

use shared::instruments::{Gauge, spin_until, within};

use super::subject::interpreter_lock::InterpreterLock;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// Waits (yielding, for at most PATIENCE) until `lock.waiting()` is `n`; fails at once if
/// `acquired` hears from a thread that should still be waiting.
fn until_waiting(lock: &InterpreterLock, n: usize, acquired: &mpsc::Receiver<usize>) {
    let all_waiting = || {
        if let Ok(who) = acquired.try_recv() {
            panic!(
                "thread {who} got through acquire() while another thread held the lock: \
                 acquire() must wait until the lock is free ({READ})"
            );
        }
        lock.waiting() == n
    };
    spin_until(PATIENCE, all_waiting, || {
        format!(
            "waiting() never reached {n} (it says {}) with {n} threads blocked in acquire(): \
             count a thread as waiting from the moment it enters acquire() until it takes the \
             lock ({READ})",
            lock.waiting()
        )
    });
}

#[test]
fn a_free_lock_is_taken_and_let_go() {
    within(
        PATIENCE,
        "try_acquire() and acquire() on a free lock (try_acquire() must never wait)",
        || {
            let lock = InterpreterLock::new();
            assert_eq!(lock.waiting(), 0, "nobody waits for a new lock ({READ})");
            let held = lock.try_acquire();
            assert!(held.is_some(), "a new lock is free ({READ})");
            assert!(
                lock.try_acquire().is_none(),
                "try_acquire() took a lock that was already held ({READ})"
            );
            drop(held);
            assert!(
                lock.try_acquire().is_some(),
                "dropping the Held must let go of the lock ({READ})"
            );
            let _held = lock.acquire();
            assert!(
                lock.try_acquire().is_none(),
                "the lock must be held while a Held from acquire() lives ({READ})"
            );
        },
    );
}

#[test]
fn acquire_waits_while_another_thread_holds_the_lock_and_wakes_when_it_is_let_go() {
    let lock = Arc::new(InterpreterLock::new());
    let held = lock.try_acquire().expect("a new lock is free");
    let (acquired, heard) = mpsc::channel();
    let waiter = Arc::clone(&lock);
    thread::spawn(move || {
        let _held = waiter.acquire();
        let _ = acquired.send(1);
    });
    until_waiting(&lock, 1, &heard);
    assert_eq!(
        heard.try_recv(),
        Err(TryRecvError::Empty),
        "acquire() returned while another thread held the lock ({READ})"
    );
    drop(held);
    assert_eq!(
        heard.recv_timeout(PATIENCE),
        Ok(1),
        "a thread waiting in acquire() was not woken when the lock was let go: dropping a \
         Held must notify the Condvar ({READ})"
    );
    within(PATIENCE, "the waiter letting go", move || {
        while lock.try_acquire().is_none() {
            thread::yield_now();
        }
        assert_eq!(
            lock.waiting(),
            0,
            "a thread that took the lock is no longer waiting ({READ})"
        );
    });
}

#[test]
fn every_waiter_gets_its_turn() {
    let lock = Arc::new(InterpreterLock::new());
    let held = lock.try_acquire().expect("a new lock is free");
    let (acquired, heard) = mpsc::channel();
    for who in 0..3 {
        let (lock, acquired) = (Arc::clone(&lock), acquired.clone());
        thread::spawn(move || {
            let _held = lock.acquire();
            let _ = acquired.send(who);
        });
    }
    until_waiting(&lock, 3, &heard);
    drop(held);
    let mut got: Vec<usize> = (0..3)
        .map(|_| {
            heard.recv_timeout(PATIENCE).unwrap_or_else(|_| {
                panic!(
                    "three threads waited and not all of them got the lock: each Held that \
                     is dropped must wake a waiting thread ({READ})"
                )
            })
        })
        .collect();
    got.sort_unstable();
    assert_eq!(got, [0, 1, 2]);
    assert_eq!(lock.waiting(), 0, "nobody is left waiting ({READ})");
}

#[test]
fn four_threads_never_hold_the_lock_at_once_and_all_their_work_gets_done() {
    const THREADS: u64 = 4;
    const TURNS: u64 = 500;
    let lock = Arc::new(InterpreterLock::new());
    let holders = Gauge::new();
    // Python's `counter += 1` as a read and a write: correct only if no other holder runs
    // between them.
    let counter = Arc::new(AtomicU64::new(0));
    let (gauge, shared_counter) = (holders.clone(), Arc::clone(&counter));
    within(
        PATIENCE * 2,
        "4 threads taking turns with the lock",
        move || {
            thread::scope(|scope| {
                for _ in 0..THREADS {
                    scope.spawn(|| {
                        for _ in 0..TURNS {
                            let _held = lock.acquire();
                            let _running = gauge.enter();
                            let value = shared_counter.load(Ordering::Relaxed);
                            thread::yield_now();
                            shared_counter.store(value + 1, Ordering::Relaxed);
                        }
                    });
                }
            });
        },
    );
    assert_eq!(
        holders.peak(),
        1,
        "{} threads held the lock at the same time ({READ})",
        holders.peak()
    );
    assert_eq!(holders.total(), (THREADS * TURNS) as usize);
    assert_eq!(
        counter.load(Ordering::Relaxed),
        THREADS * TURNS,
        "increments were lost: two threads ran between a read and its write ({READ})"
    );
}

#[test]
fn a_holder_that_panics_still_lets_go() {
    let lock = Arc::new(InterpreterLock::new());
    let holder = Arc::clone(&lock);
    let outcome = thread::spawn(move || {
        let _held = holder.acquire();
        panic!("the holder fails while holding the lock");
    })
    .join();
    assert!(outcome.is_err());
    assert!(
        lock.try_acquire().is_some(),
        "the lock of a thread that panicked was never let go: Drop runs during unwinding, \
         so let go there ({READ})"
    );
}
