use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::{self, ThreadId};
use std::time::Duration;

use shared::instruments::{Rendezvous, within};

use super::subject::worker_pool::WorkerPool;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// What a hang in these tests nearly always means, said in every deadline guard.
const IF_STUCK: &str = "if join() is stuck: a worker's `for job in receiver` loop only ends when \
    the channel is closed, so join() must drop the Sender before it joins the workers";

#[test]
fn join_waits_for_every_queued_job() {
    let done = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&done);
    within(
        PATIENCE,
        &format!("WorkerPool::join; {IF_STUCK}"),
        move || {
            let pool = WorkerPool::new(3);
            for _ in 0..30 {
                let counter = Arc::clone(&counter);
                pool.execute(move || {
                    thread::sleep(Duration::from_millis(5));
                    counter.fetch_add(1, Ordering::SeqCst);
                });
            }
            pool.join();
        },
    );
    assert_eq!(
        done.load(Ordering::SeqCst),
        30,
        "join() returned before every queued job had run: join the workers ({READ})"
    );
}

#[test]
fn the_workers_run_jobs_at_the_same_time() {
    let (report, results) = mpsc::channel();
    within(
        PATIENCE,
        &format!("a pool of 3 running 3 jobs; {IF_STUCK}"),
        move || {
            let pool = WorkerPool::new(3);
            let meet = Rendezvous::new(3, Duration::from_secs(3));
            for _ in 0..3 {
                let (meet, report) = (meet.clone(), report.clone());
                pool.execute(move || {
                    let _ = report.send(meet.wait());
                });
            }
            pool.join();
        },
    );
    for outcome in results.iter().take(3) {
        if let Err(why) = outcome {
            panic!("a pool of 3 did not run 3 jobs at once: {why} ({READ})");
        }
    }
}

#[test]
fn jobs_run_on_exactly_the_requested_number_of_threads() {
    let threads: Arc<Mutex<HashSet<ThreadId>>> = Arc::default();
    let seen = Arc::clone(&threads);
    within(
        PATIENCE,
        &format!("a pool of 3 running 30 jobs; {IF_STUCK}"),
        move || {
            let pool = WorkerPool::new(3);
            // The first three jobs meet, so all three workers take part.
            let meet = Rendezvous::new(3, Duration::from_secs(3));
            for _ in 0..30 {
                let (seen, meet) = (Arc::clone(&seen), meet.clone());
                pool.execute(move || {
                    let _ = meet.wait();
                    seen.lock().unwrap().insert(thread::current().id());
                });
            }
            pool.join();
        },
    );
    let count = threads.lock().unwrap().len();
    assert_eq!(
        count, 3,
        "30 jobs ran on {count} different threads; a pool of 3 reuses its 3 workers ({READ})"
    );
}

#[test]
fn a_panicking_job_does_not_take_its_worker_down() {
    let (report, reports) = mpsc::channel();
    let panicked = within(
        PATIENCE,
        &format!("a pool of 2 after two panicking jobs; {IF_STUCK}"),
        move || {
            let pool = WorkerPool::new(2);
            for n in 0..2 {
                pool.execute(move || panic!("job {n} fails, on purpose"));
            }
            // Two more jobs that only finish when both workers run them at the same time.
            let meet = Rendezvous::new(2, Duration::from_secs(3));
            for _ in 0..2 {
                let (meet, report) = (meet.clone(), report.clone());
                pool.execute(move || {
                    let _ = report.send(meet.wait());
                });
            }
            pool.join()
        },
    );
    for _ in 0..2 {
        match reports.recv_timeout(PATIENCE) {
            Ok(Ok(())) => {}
            Ok(Err(why)) => panic!(
                "after two jobs panicked, the pool of 2 no longer had 2 workers: {why}. Catch a \
                 job's panic (std::panic::catch_unwind) so the worker goes on ({READ})"
            ),
            Err(_) => panic!(
                "the jobs queued after two panicking ones never ran: the panics took the workers \
                 down. Catch a job's panic (std::panic::catch_unwind) so the worker goes on \
                 ({READ})"
            ),
        }
    }
    assert_eq!(
        panicked, 2,
        "join() must return how many jobs panicked ({READ})"
    );
}

#[test]
fn join_counts_the_jobs_that_panicked() {
    let counts = within(
        PATIENCE,
        &format!("pools with and without panics; {IF_STUCK}"),
        || {
            let calm = WorkerPool::new(3);
            for _ in 0..6 {
                calm.execute(|| {});
            }
            let stormy = WorkerPool::new(3);
            for n in 0..7 {
                stormy.execute(move || assert!(n % 2 == 1, "job {n} fails, on purpose"));
            }
            (calm.join(), stormy.join())
        },
    );
    assert_eq!(
        counts,
        (0, 4),
        "join() returns how many jobs panicked: none of 6, then 4 of 7 (jobs 0, 2, 4 and 6) \
         ({READ})"
    );
}

#[test]
fn an_idle_pool_shuts_down() {
    within(
        PATIENCE,
        &format!("join() on a pool without jobs; {IF_STUCK}"),
        || {
            WorkerPool::new(2).join();
        },
    );
}

#[test]
fn jobs_can_come_from_many_threads() {
    let done = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&done);
    within(
        PATIENCE,
        &format!("a pool fed by 4 threads; {IF_STUCK}"),
        move || {
            let pool = WorkerPool::new(2);
            thread::scope(|scope| {
                for _ in 0..4 {
                    scope.spawn(|| {
                        for _ in 0..10 {
                            let counter = Arc::clone(&counter);
                            pool.execute(move || {
                                counter.fetch_add(1, Ordering::SeqCst);
                            });
                        }
                    });
                }
            });
            pool.join();
        },
    );
    assert_eq!(
        done.load(Ordering::SeqCst),
        40,
        "every job sent from every thread must run ({READ})"
    );
}

#[test]
#[should_panic(expected = "at least one worker")]
fn a_pool_without_workers_is_refused() {
    let _ = WorkerPool::new(0);
}
