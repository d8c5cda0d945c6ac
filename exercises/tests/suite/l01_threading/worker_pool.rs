use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::{self, ThreadId};
use std::time::Duration;

use shared::instruments::{Rendezvous, within};

use super::subject::worker_pool::WorkerPool;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

#[test]
fn join_waits_for_every_queued_job() {
    let done = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&done);
    within(
        PATIENCE,
        "WorkerPool::join (does closing the queue let the workers stop?)",
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
    within(PATIENCE, "a pool of 3 running 3 jobs", move || {
        let pool = WorkerPool::new(3);
        let meet = Rendezvous::new(3, Duration::from_secs(3));
        for _ in 0..3 {
            let (meet, report) = (meet.clone(), report.clone());
            pool.execute(move || {
                let _ = report.send(meet.wait());
            });
        }
        pool.join();
    });
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
    within(PATIENCE, "a pool of 3 running 30 jobs", move || {
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
    });
    let count = threads.lock().unwrap().len();
    assert_eq!(
        count, 3,
        "30 jobs ran on {count} different threads; a pool of 3 reuses its 3 workers ({READ})"
    );
}

#[test]
fn an_idle_pool_shuts_down() {
    within(
        PATIENCE,
        "join() on a pool without jobs (workers wait for jobs until every Sender is dropped: \
         drop it before joining them)",
        || WorkerPool::new(2).join(),
    );
}

#[test]
fn jobs_can_come_from_many_threads() {
    let done = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&done);
    within(PATIENCE, "a pool fed by 4 threads", move || {
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
    });
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
