use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, ThreadId};
use std::time::Duration;

use shared::instruments::{Rendezvous, within};

use super::subject::submit::{Pool, TaskPanicked};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

#[test]
fn tasks_run_on_the_workers_at_the_same_time() {
    let (caller, outcomes) = within(PATIENCE, "a pool of 2 running 2 tasks", || {
        let pool = Pool::new(2);
        let meet = Rendezvous::new(2, Duration::from_secs(3));
        let handles: Vec<_> = (0..2)
            .map(|_| {
                let meet = meet.clone();
                pool.submit(move || meet.wait().map(|()| thread::current().id()))
            })
            .collect();
        let outcomes: Vec<_> = handles.into_iter().map(|handle| handle.result()).collect();
        (thread::current().id(), outcomes)
    });
    let mut threads = HashSet::new();
    for outcome in outcomes {
        match outcome {
            Ok(Ok(thread)) => threads.insert(thread),
            Ok(Err(why)) => panic!(
                "two tasks that must meet did not run at the same time: {why}. submit must \
                 hand the task to a worker and return at once, never run it itself ({READ})"
            ),
            Err(panicked) => panic!("a task panicked: {} ({READ})", panicked.message),
        };
    }
    assert!(
        !threads.contains(&caller),
        "a task ran on the thread that submitted it: it must run on a worker ({READ})"
    );
    assert_eq!(threads.len(), 2, "two tasks, two workers ({READ})");
}

#[test]
fn results_come_back_through_their_handles() {
    let results = within(PATIENCE, "submit and result", || {
        let pool = Pool::new(3);
        let answer = pool.submit(|| 6 * 7);
        let greeting = pool.submit(|| String::from("hello"));
        let squares: Vec<_> = (0..20u64).map(|n| pool.submit(move || n * n)).collect();
        // Results are taken in any order: the last handle first.
        let squares: Vec<_> = squares.into_iter().rev().map(|h| h.result()).collect();
        (greeting.result(), answer.result(), squares)
    });
    assert_eq!(results.0, Ok("hello".to_string()), "({READ})");
    assert_eq!(results.1, Ok(42), "({READ})");
    let expected: Vec<_> = (0..20u64).rev().map(|n| Ok(n * n)).collect();
    assert_eq!(
        results.2, expected,
        "each handle gets its own task's value ({READ})"
    );
}

#[test]
fn a_panic_is_an_error_at_result_and_the_pool_keeps_serving() {
    let (broken, after) = within(
        PATIENCE,
        "a pool of one worker, after a task panicked (did the panic end the worker? \
         catch it with std::panic::catch_unwind)",
        || {
            let pool = Pool::new(1);
            let broken = pool.submit(|| -> u32 { panic!("no such file: {}", "data.csv") });
            let after = pool.submit(|| "still serving");
            (broken.result(), after.result())
        },
    );
    assert_eq!(
        broken,
        Err(TaskPanicked {
            message: "no such file: data.csv".into()
        }),
        "a panicking task's result() is Err with the panic's message ({READ})"
    );
    assert_eq!(
        after,
        Ok("still serving"),
        "the task after the panic must run and succeed ({READ})"
    );
}

#[test]
fn tasks_run_on_exactly_the_requested_number_of_threads() {
    let threads = within(PATIENCE, "a pool of 3 running 30 tasks", || {
        let pool = Pool::new(3);
        // The first three tasks meet, so all three workers take part.
        let meet = Rendezvous::new(3, Duration::from_secs(3));
        let handles: Vec<_> = (0..30)
            .map(|n| {
                let meet = meet.clone();
                pool.submit(move || -> ThreadId {
                    if n < 3 {
                        let _ = meet.wait();
                    }
                    thread::current().id()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.result().unwrap())
            .collect::<HashSet<_>>()
    });
    assert_eq!(
        threads.len(),
        3,
        "30 tasks ran on {} threads; a pool of 3 reuses its 3 workers ({READ})",
        threads.len()
    );
}

#[test]
fn dropping_the_pool_runs_every_queued_task_first() {
    let done = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&done);
    within(PATIENCE, "dropping the pool", move || {
        let pool = Pool::new(1);
        for _ in 0..5 {
            let counter = Arc::clone(&counter);
            // Nobody keeps the handles: the tasks must run anyway.
            let _ = pool.submit(move || {
                thread::sleep(Duration::from_millis(10));
                counter.fetch_add(1, Ordering::SeqCst);
            });
        }
        drop(pool);
    });
    assert_eq!(
        done.load(Ordering::SeqCst),
        5,
        "the drop returned before every submitted task had run: close the queue, then join \
         the workers ({READ})"
    );
}

#[test]
fn an_idle_pool_shuts_down() {
    within(
        PATIENCE,
        "dropping a pool that never got a task (workers wait until the queue is closed: drop \
         the Sender before joining them)",
        || drop(Pool::new(2)),
    );
}

#[test]
#[should_panic(expected = "at least one worker")]
fn a_pool_without_workers_is_refused() {
    let _ = Pool::new(0);
}
