use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use shared::instruments::{Gauge, Rendezvous, within};

use super::subject::semaphore::Semaphore;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

#[test]
fn try_acquire_stops_at_the_limit_without_waiting() {
    within(
        PATIENCE,
        "try_acquire on an empty semaphore (it must answer None at once, not wait)",
        || {
            let semaphore = Semaphore::new(2);
            assert_eq!(semaphore.available(), 2);
            let first = semaphore.try_acquire();
            let second = semaphore.try_acquire();
            assert!(
                first.is_some() && second.is_some(),
                "two permits of two must be available ({READ})"
            );
            assert!(
                semaphore.try_acquire().is_none(),
                "a third permit of two must be refused ({READ})"
            );
            assert_eq!(semaphore.available(), 0);
        },
    );
}

#[test]
fn dropping_a_permit_gives_it_back() {
    within(PATIENCE, "acquire, drop, try_acquire on one permit", || {
        let semaphore = Semaphore::new(1);
        let permit = semaphore.acquire();
        assert_eq!(semaphore.available(), 0);
        drop(permit);
        assert_eq!(
            semaphore.available(),
            1,
            "a dropped permit must go back to the semaphore: implement Drop for Permit ({READ})"
        );
        assert!(semaphore.try_acquire().is_some());
    });
}

#[test]
fn acquire_waits_until_a_permit_comes_back() {
    let semaphore = Arc::new(Semaphore::new(1));
    let held = semaphore.try_acquire().expect("one permit is free");
    let (acquired, got_it) = mpsc::channel();
    let waiter = Arc::clone(&semaphore);
    thread::spawn(move || {
        let _permit = waiter.acquire();
        let _ = acquired.send(());
    });
    assert_eq!(
        got_it.recv_timeout(Duration::from_millis(100)),
        Err(RecvTimeoutError::Timeout),
        "acquire() returned while the only permit was taken: it must wait ({READ})"
    );
    drop(held);
    assert!(
        got_it.recv_timeout(PATIENCE).is_ok(),
        "a thread waiting in acquire() was not woken when a permit came back: \
         the permit's Drop must notify the Condvar ({READ})"
    );
}

#[test]
fn three_permits_let_exactly_three_threads_in() {
    let semaphore = Semaphore::new(3);
    let holders = Gauge::new();
    // The first three holders wait inside for each other: proof that three fit at once.
    let three_inside = Rendezvous::new(3, PATIENCE);
    let (gauge, meet) = (holders.clone(), three_inside.clone());
    let met = within(PATIENCE * 2, "8 threads sharing 3 permits", move || {
        thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| {
                        let mut met = true;
                        for _ in 0..20 {
                            let _permit = semaphore.acquire();
                            let _holding = gauge.enter();
                            met &= meet.wait().is_ok();
                            thread::yield_now();
                        }
                        met
                    })
                })
                .collect();
            handles.into_iter().all(|h| h.join().unwrap())
        })
    });
    assert!(
        holders.peak() <= 3,
        "{} threads held permits at once, with only 3 permits: does acquire() wait while none \
         is free? (And where a permit is used, `let _ = semaphore.acquire()` drops it at once: \
         bind it, `let _permit = …`, to hold it to the end of the block.) ({READ})",
        holders.peak()
    );
    assert!(
        met && holders.peak() == 3,
        "three threads never held permits at the same time ({READ})"
    );
    assert_eq!(holders.total(), 160);
}

#[test]
fn a_panicking_holder_still_gives_its_permit_back() {
    within(PATIENCE, "a holder that panics", || {
        let semaphore = Arc::new(Semaphore::new(1));
        let holder = Arc::clone(&semaphore);
        let outcome = thread::spawn(move || {
            let _permit = holder.acquire();
            panic!("the holder fails while holding its permit");
        })
        .join();
        assert!(outcome.is_err());
        assert!(
            semaphore.try_acquire().is_some(),
            "the permit of a thread that panicked was never given back: Drop runs during \
             unwinding, so give it back there ({READ})"
        );
    });
}
