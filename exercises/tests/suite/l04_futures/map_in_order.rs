use std::time::Duration;

use crossbeam::channel::{self, Receiver, Sender};
use shared::instruments::{Gauge, Rendezvous, within};

use super::subject::map_in_order::map_in_order;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// How long a call waits for something that a correct answer makes happen at once.
const STUCK: Duration = Duration::from_secs(5);

#[test]
fn results_come_back_in_input_order_while_calls_finish_in_reverse() {
    // Each call says that it started, then waits for its own go-ahead. The test lets them
    // finish in the order 2, 1, 0, each only after the one before has finished.
    let (started, starts) = channel::unbounded::<usize>();
    let (finished, finishes) = channel::unbounded::<usize>();
    let (gates, opened): (Vec<Sender<()>>, Vec<Receiver<()>>) =
        (0..3).map(|_| channel::bounded(1)).unzip();
    let (result, mapped) = channel::bounded(1);
    std::thread::spawn(move || {
        let results = map_in_order(vec![0usize, 1, 2], 3, |n| {
            started.send(n).unwrap();
            // Longer than the test waits for a start, so a call that holds up the others cannot
            // time out in time to let the next one start.
            let _ = opened[n].recv_timeout(PATIENCE);
            finished.send(n).unwrap();
            n * 10
        });
        let _ = result.send(results);
    });
    for n in 0..3 {
        if starts.recv_timeout(STUCK).is_err() {
            panic!(
                "only {n} of 3 calls started: with 3 workers and 3 inputs, all three must run \
                 at once ({READ})"
            );
        }
    }
    for n in [2, 1, 0] {
        gates[n].send(()).unwrap();
        if finishes.recv_timeout(STUCK).is_err() {
            panic!("the call for input {n} was let go but did not finish ({READ})");
        }
    }
    let results = mapped.recv_timeout(PATIENCE).unwrap_or_else(|_| {
        panic!("every call finished, but map_in_order did not return ({READ})")
    });
    assert_eq!(
        results,
        [0, 10, 20],
        "the calls finished in the order 2, 1, 0; the results must still be in input order \
         ({READ})"
    );
}

#[test]
fn a_slow_input_holds_up_only_its_own_worker() {
    // The call for input 0 finishes only once the five others have: the second worker must
    // take them all, one after another, while the first is busy with input 0.
    let (done, others) = channel::unbounded::<usize>();
    let results = within(PATIENCE, "map_in_order with one slow input", move || {
        map_in_order((0..6).collect(), 2, |n: usize| -> Result<usize, &str> {
            if n == 0 {
                for _ in 1..6 {
                    others.recv_timeout(STUCK).map_err(|_| {
                        "input 0 waited in vain for the other five: they must go to whichever \
                         worker is free, not be dealt out in advance"
                    })?;
                }
            } else {
                done.send(n).unwrap();
            }
            Ok(n)
        })
    });
    for result in &results {
        if let Err(why) = result {
            panic!("{why} ({READ})");
        }
    }
    let values: Vec<usize> = results.into_iter().map(Result::unwrap).collect();
    assert_eq!(values, [0, 1, 2, 3, 4, 5], "({READ})");
}

#[test]
fn exactly_the_requested_number_of_calls_run_at_once() {
    let gauge = Gauge::new();
    let meet = Rendezvous::new(3, Duration::from_secs(3));
    let (in_flight, together) = (gauge.clone(), meet.clone());
    let met = within(
        PATIENCE,
        "map_in_order of 30 inputs on 3 workers",
        move || {
            map_in_order((0..30).collect(), 3, |n: u32| {
                let _counted = in_flight.enter();
                // The first three calls must meet: that proves three run at once.
                let met = if n < 3 { together.wait().is_ok() } else { true };
                std::thread::sleep(Duration::from_millis(2));
                met
            })
        },
    );
    assert!(
        met.iter().all(|&met| met),
        "the first three calls did not run at the same time: 3 workers must work at once \
         ({READ})"
    );
    assert!(
        gauge.peak() <= 3,
        "{} calls ran at once on a map with 3 workers: start 3 threads, not one per input \
         ({READ})",
        gauge.peak()
    );
    assert_eq!(
        gauge.total(),
        30,
        "every input is mapped exactly once ({READ})"
    );
}

#[test]
fn f_may_borrow_and_workers_may_outnumber_inputs() {
    let words = ["futures".to_string(), "map".into(), "in order".into()];
    let lengths = map_in_order(vec![2, 0, 1], 8, |i: usize| words[i].len());
    assert_eq!(lengths, [8, 7, 3], "({READ})");
}

#[test]
fn no_inputs_no_results() {
    let results = within(
        PATIENCE,
        "map_in_order of no inputs (is every Sender dropped? the queue's, so that the \
         workers' loops end, and your own copy of the results' Sender, so that reading the \
         results ends)",
        || map_in_order(Vec::<u8>::new(), 2, |n| n),
    );
    assert!(results.is_empty(), "({READ})");
}

#[test]
#[should_panic(expected = "at least one worker")]
fn a_map_without_workers_is_refused() {
    map_in_order(vec![1, 2], 0, |n: i32| n);
}
