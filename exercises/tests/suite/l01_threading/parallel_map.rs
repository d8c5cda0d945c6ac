use std::panic;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use shared::instruments::{Gauge, Rendezvous, within};

use super::subject::parallel_map::parallel_map;
use crate::kit::{PATIENCE, ReadMore, panic_message};

const READ: ReadMore = ReadMore::here(module_path!());

#[test]
fn maps_every_item_once_in_the_order_given() {
    for (count, threads) in [(12, 3), (10, 3), (9, 4), (2, 5), (1, 1), (7, 7)] {
        let items: Vec<u64> = (0..count).collect();
        let got = within(PATIENCE, "parallel_map", move || {
            parallel_map(&items, threads, |x| x * 10)
        });
        let expected: Vec<u64> = (0..count).map(|x| x * 10).collect();
        assert_eq!(
            got, expected,
            "{count} items on {threads} threads: every item mapped once, in the order given \
             (when the items do not divide evenly, the remainder must not be lost) ({READ})"
        );
    }
}

#[test]
fn an_empty_slice_gives_no_results() {
    let got = within(PATIENCE, "parallel_map on no items", || {
        parallel_map(&[] as &[u8], 3, |x| *x)
    });
    assert!(got.is_empty(), "no items, no results ({READ})");
}

#[test]
fn runs_the_requested_number_of_calls_at_once() {
    // 9 items on 4 threads: the first call on each thread waits until 4 calls are running,
    // which only 4 threads working at the same time can reach.
    let four_at_once = Rendezvous::new(4, Duration::from_secs(3));
    let meet = four_at_once.clone();
    let met = within(PATIENCE, "parallel_map with 4 threads", move || {
        let items: Vec<u32> = (0..9).collect();
        parallel_map(&items, 4, |_| meet.wait().is_ok())
    });
    assert!(
        met.iter().all(|&ok| ok),
        "4 threads were asked for, but 4 calls of f never ran at the same time: with 9 items, \
         cut them into 4 pieces, not into pieces of ⌈9/4⌉ = 3 items (that makes 3), and spawn \
         every thread before joining any ({READ})"
    );
}

#[test]
fn never_runs_more_calls_at_once_than_threads() {
    // Every call waits for a fifth call to be running at the same time, which 4 threads can
    // never provide: each wait must give up. A thread per item gets there at once.
    let (in_flight, five_at_once) = (Gauge::new(), Rendezvous::new(5, Duration::from_secs(1)));
    let (gauge, meet) = (in_flight.clone(), five_at_once.clone());
    let met = within(PATIENCE * 2, "parallel_map with 4 threads", move || {
        let items: Vec<u32> = (0..8).collect();
        parallel_map(&items, 4, |_| {
            let _call = gauge.enter();
            meet.wait().is_ok()
        })
    });
    assert!(
        met.iter().all(|&five| !five) && in_flight.peak() <= 4,
        "{} calls of f ran at once with 4 threads asked for: a thread per item is not a pool of \
         4 ({READ})",
        in_flight.peak().max(5)
    );
}

#[test]
fn keeps_the_order_when_a_later_item_finishes_first() {
    // Item 0 waits until item 3 is done, so the thread with item 0 finishes last.
    let item_3_done = (Mutex::new(false), Condvar::new());
    let got = within(PATIENCE, "parallel_map with a slow first item", move || {
        parallel_map(&[0u32, 1, 2, 3], 2, |&x| {
            let (done, changed) = &item_3_done;
            if x == 3 {
                *done.lock().unwrap() = true;
                changed.notify_all();
            }
            if x == 0 {
                let (done, waited) = changed
                    .wait_timeout_while(done.lock().unwrap(), PATIENCE, |done| !*done)
                    .unwrap();
                assert!(
                    *done && !waited.timed_out(),
                    "item 3 never ran while item 0 waited for it: items 0 and 3 must be on \
                     different threads ({READ})"
                );
            }
            x + 100
        })
    });
    assert_eq!(
        got,
        [100, 101, 102, 103],
        "results must come in the order of the items, not the order the threads finish: join \
         the threads in the order of their pieces ({READ})"
    );
}

#[test]
#[should_panic(expected = "at least one thread")]
fn zero_threads_is_refused() {
    let _ = parallel_map(&[1, 2, 3], 0, |x| x + 1);
}

#[test]
fn a_panic_in_f_reaches_the_caller_unchanged() {
    let (done, result) = mpsc::channel();
    let _ = std::thread::spawn(move || {
        let outcome = panic::catch_unwind(|| {
            parallel_map(&[1, 2, 3, 4], 2, |&x| {
                if x == 3 {
                    panic!("item 3 is cursed");
                }
                x
            })
        });
        let _ = done.send(outcome.map_err(|payload| panic_message(&*payload)));
    });
    let outcome = result
        .recv_timeout(PATIENCE)
        .expect("parallel_map did not finish within 10s when f panicked: a deadlock?");
    assert_eq!(
        outcome,
        Err("item 3 is cursed".to_string()),
        "when f panics, parallel_map must panic with the same message: join() gives the panic's \
         payload, and std::panic::resume_unwind raises it again (`.unwrap()` would replace the \
         message with its own) ({READ})"
    );
}
