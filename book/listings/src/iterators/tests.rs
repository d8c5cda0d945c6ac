//! Tests of the iterators module: laziness, and how many threads run at once.

use std::sync::mpsc;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use super::*;

#[test]
fn map_runs_nothing_until_collect_pulls_the_items() {
    assert_eq!(lazy_map(), (0, 3, vec![2, 4, 6]));
}

/// Runs `f` on its own thread and returns its result; fails the test after a minute
/// instead of hanging it, should `f` never finish (threads waiting at a barrier for
/// threads that were never spawned, say).
fn finishes_or_fails<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    thread::spawn(move || done.send(f()));
    result
        .recv_timeout(Duration::from_secs(60))
        .expect("did not finish within 60 s: did the threads run one at a time?")
}

// ANCHOR: one_at_a_time
#[test]
fn one_chain_runs_one_thread_at_a_time() {
    let gauge = Arc::new(Gauge::default());
    let in_job = Arc::clone(&gauge);
    let results = spawn_and_join_in_one_chain(4, move |i| {
        in_job.enter();
        in_job.leave();
        i * 10
    });
    assert_eq!(results, [0, 10, 20, 30]);
    assert_eq!(gauge.peak(), 1, "never two threads at once");
}
// ANCHOR_END: one_at_a_time

// ANCHOR: all_at_once
#[test]
fn collecting_first_runs_them_all_at_once() {
    let gauge = Arc::new(Gauge::default());
    let all_inside = Arc::new(Barrier::new(4));
    let (in_job, barrier) = (Arc::clone(&gauge), Arc::clone(&all_inside));
    let results = finishes_or_fails(move || {
        spawn_all_then_join(4, move |i| {
            in_job.enter();
            // Returns only once all four threads are inside together.
            barrier.wait();
            in_job.leave();
            i * 10
        })
    });
    assert_eq!(results, [0, 10, 20, 30]);
    assert_eq!(gauge.peak(), 4, "all four threads were inside at once");
}
// ANCHOR_END: all_at_once
