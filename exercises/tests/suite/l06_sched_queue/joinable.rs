use std::sync::Arc;
use std::thread;

use shared::instruments::{Rendezvous, Transcript, within};

use super::subject::joinable::{JoinableQueue, ShutDown, TooManyTaskDone};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// How many times the tests that race two threads repeat: a mistake that shows only when one
/// thread is already asleep is caught in one round or another.
const ROUNDS: usize = 20;

fn guarded<T: Send + 'static>(what: &str, scenario: impl FnOnce() -> T + Send + 'static) -> T {
    within(PATIENCE, what, scenario)
}

/// Gives the other threads a head start (no clock involved: it only makes it likely that they
/// are already asleep in `get` or `join` when this thread goes on).
fn let_others_run() {
    for _ in 0..50 {
        thread::yield_now();
    }
}

/// Waits until `transcript` holds `count` lines equal to `line`.
fn wait_for_lines(transcript: &Transcript, line: &str, count: usize) {
    while transcript.lines().iter().filter(|l| *l == line).count() < count {
        thread::yield_now();
    }
}

#[test]
fn first_in_first_out_and_the_counts() {
    let queue = JoinableQueue::new();
    for item in ["a", "b", "c"] {
        queue.put(item).expect("the queue is open");
    }
    assert_eq!(
        (queue.len(), queue.unfinished()),
        (3, 3),
        "three items, three tasks ({READ})"
    );
    assert_eq!(queue.get(), Ok("a"), "the oldest item first ({READ})");
    assert_eq!(queue.get(), Ok("b"), "then the next ({READ})");
    assert_eq!(
        (queue.len(), queue.unfinished()),
        (1, 3),
        "taking an item does not finish its task ({READ})"
    );
    assert_eq!(queue.task_done(), Ok(()));
    assert_eq!(
        queue.unfinished(),
        2,
        "task_done finishes one task ({READ})"
    );
}

#[test]
fn one_task_done_too_many_is_an_error_and_changes_nothing() {
    let queue = JoinableQueue::new();
    queue.put(1).expect("the queue is open");
    assert_eq!(queue.get(), Ok(1));
    assert_eq!(queue.task_done(), Ok(()));
    assert_eq!(
        queue.task_done(),
        Err(TooManyTaskDone),
        "one item, two task_done calls ({READ})"
    );
    queue.put(2).expect("the queue is open");
    assert_eq!(
        queue.unfinished(),
        1,
        "the refused task_done must leave the count at zero, not below ({READ})"
    );
}

#[test]
fn get_waits_for_a_put_and_is_woken_by_it() {
    guarded("get() woken by a put", || {
        let queue = Arc::new(JoinableQueue::new());
        for round in 0..ROUNDS {
            let meet = Rendezvous::new(2, PATIENCE);
            let (getter_queue, getter_meet) = (Arc::clone(&queue), meet.clone());
            let getter = thread::spawn(move || {
                getter_meet.wait().expect("the test thread came");
                getter_queue.get()
            });
            meet.wait().expect("the getter came");
            let_others_run(); // the getter is most likely asleep in get() by now
            queue.put(round).expect("the queue is open");
            let got = getter.join().expect("the getter does not panic");
            assert_eq!(got, Ok(round), "get() returns the item put ({READ})");
        }
    });
}

#[test]
fn join_waits_until_every_item_is_marked_done_not_merely_taken() {
    guarded("join() after the last task_done", || {
        for _ in 0..ROUNDS {
            let queue = Arc::new(JoinableQueue::new());
            queue.put("a").expect("open");
            queue.put("b").expect("open");
            assert!(queue.get().is_ok() && queue.get().is_ok());
            let log = Transcript::new();
            let (joiner_queue, joiner_log) = (Arc::clone(&queue), log.clone());
            let joiner = thread::spawn(move || {
                joiner_log.say("joining");
                joiner_queue.join();
                joiner_log.say("joined");
            });
            wait_for_lines(&log, "joining", 1);
            let_others_run();
            log.say("marking both done");
            queue.task_done().expect("two tasks");
            queue.task_done().expect("two tasks");
            joiner.join().expect("the joiner does not panic");
            assert_eq!(
                log.lines(),
                ["joining", "marking both done", "joined"],
                "the queue was empty, but both tasks were unfinished: join() must wait for \
                 task_done, not for an empty queue ({READ})"
            );
        }
    });
}

#[test]
fn the_last_task_done_wakes_every_joiner() {
    guarded("three joiners woken by the last task_done", || {
        for _ in 0..ROUNDS {
            let queue = Arc::new(JoinableQueue::new());
            queue.put(()).expect("open");
            queue.get().expect("an item");
            let log = Transcript::new();
            let joiners: Vec<_> = (0..3)
                .map(|_| {
                    let (queue, log) = (Arc::clone(&queue), log.clone());
                    thread::spawn(move || {
                        log.say("joining");
                        queue.join();
                    })
                })
                .collect();
            wait_for_lines(&log, "joining", 3);
            let_others_run();
            queue.task_done().expect("one task");
            for joiner in joiners {
                joiner.join().expect("a joiner does not panic");
            }
        }
    });
}

#[test]
fn shutdown_wakes_every_waiting_getter() {
    let outcomes = guarded("three getters woken by a shutdown", || {
        let queue = Arc::new(JoinableQueue::<u32>::new());
        let log = Transcript::new();
        let getters: Vec<_> = (0..3)
            .map(|_| {
                let (queue, log) = (Arc::clone(&queue), log.clone());
                thread::spawn(move || {
                    log.say("getting");
                    queue.get()
                })
            })
            .collect();
        wait_for_lines(&log, "getting", 3);
        let_others_run();
        queue.shutdown(false);
        getters
            .into_iter()
            .map(|getter| getter.join().expect("a getter does not panic"))
            .collect::<Vec<_>>()
    });
    assert_eq!(
        outcomes,
        [Err(ShutDown(())); 3],
        "a shutdown wakes every thread waiting in get(), and an empty, shut-down queue makes \
         get() fail ({READ})"
    );
}

#[test]
fn after_a_shutdown_put_fails_and_get_hands_out_what_is_left() {
    let queue = JoinableQueue::new();
    queue.put("a").expect("open");
    queue.put("b").expect("open");
    queue.shutdown(false);
    assert_eq!(
        queue.put("c"),
        Err(ShutDown("c")),
        "put after shutdown fails and gives the item back ({READ})"
    );
    assert_eq!(
        (queue.get(), queue.get()),
        (Ok("a"), Ok("b")),
        "items put before the shutdown are still handed out ({READ})"
    );
    let empty = guarded("get() on an empty, shut-down queue", move || {
        let outcome = queue.get();
        (outcome, queue.unfinished())
    });
    assert_eq!(
        empty,
        (Err(ShutDown(())), 2),
        "then get() fails at once; the two tasks are still unfinished ({READ})"
    );
}

#[test]
fn an_immediate_shutdown_releases_join() {
    let after = guarded("join() released by an immediate shutdown", || {
        let queue = Arc::new(JoinableQueue::new());
        queue.put(1).expect("open");
        queue.put(2).expect("open");
        let log = Transcript::new();
        let (joiner_queue, joiner_log) = (Arc::clone(&queue), log.clone());
        let joiner = thread::spawn(move || {
            joiner_log.say("joining");
            joiner_queue.join();
        });
        wait_for_lines(&log, "joining", 1);
        let_others_run();
        queue.shutdown(true);
        joiner.join().expect("the joiner does not panic");
        (queue.len(), queue.unfinished(), queue.get())
    });
    assert_eq!(
        after,
        (0, 0, Err(ShutDown(()))),
        "an immediate shutdown drops the items, counts them done, wakes join() and makes get() \
         fail at once ({READ})"
    );
}

#[test]
fn an_immediate_shutdown_counts_only_the_items_it_drops() {
    let queue = JoinableQueue::new();
    for item in 0..3 {
        queue.put(item).expect("open");
    }
    assert_eq!(queue.get(), Ok(0));
    queue.shutdown(true);
    assert_eq!(
        (queue.len(), queue.unfinished()),
        (0, 1),
        "two items dropped and counted done; the one taken is still unfinished ({READ})"
    );
    assert_eq!(queue.task_done(), Ok(()));
    assert_eq!(
        queue.task_done(),
        Err(TooManyTaskDone),
        "nothing left to mark ({READ})"
    );

    let early = JoinableQueue::new();
    early.put("x").expect("open");
    early.put("y").expect("open");
    early.task_done().expect("one");
    early.task_done().expect("two"); // marked done before anyone took them
    early.shutdown(true);
    assert_eq!(
        (early.len(), early.unfinished()),
        (0, 0),
        "dropping items whose tasks are already done must not take the count below zero \
         ({READ})"
    );
}
