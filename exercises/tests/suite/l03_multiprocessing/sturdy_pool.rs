use shared::instruments::within;

use super::subject::sturdy_pool::{WorkerError, map_sturdy, serve};
use crate::kit::workers::{TestWorkers, When, program};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// SIGABRT, the signal `abort()` kills a process with (6 on Linux and macOS).
const SIGABRT: i32 = 6;

/// The worker program of the calling test, whose workers run `serve`.
fn pool_workers() -> TestWorkers {
    program(|input, output| serve(input, output))
}

/// `map_sturdy` under a deadline.
fn map(workers_of: &TestWorkers, items: &[u64], workers: usize) -> Vec<Result<u64, WorkerError>> {
    let (program, items) = (workers_of.handle(), items.to_vec());
    within(
        PATIENCE * 2,
        &format!("map_sturdy over {} items on {workers} workers", items.len()),
        move || map_sturdy(&items, workers, &program),
    )
}

fn ok(n: u64) -> Result<u64, WorkerError> {
    Ok(n * n)
}

fn killed() -> Result<u64, WorkerError> {
    Err(WorkerError::Killed { signal: SIGABRT })
}

fn exited() -> Result<u64, WorkerError> {
    Err(WorkerError::Exited { code: 42 })
}

/// No more workers than the pool's size plus one per crash, and every one waited for.
fn assert_no_waste(workers_of: &TestWorkers, workers: usize, crashes: usize) {
    let started = workers_of.started().len();
    assert!(
        started <= workers + crashes,
        "{started} workers were started for a pool of {workers} with {crashes} crash(es): at \
         most {} (a fresh worker per crash, and no retry of the item that crashed) ({READ})",
        workers + crashes
    );
    workers_of.assert_all_reaped(READ);
}

#[test]
fn every_item_is_answered_in_order_by_workers_at_work_together() {
    let workers = pool_workers().meeting(3, When::AtStart);
    let items: Vec<u64> = (0..40).collect();
    let got = map(&workers, &items, 3);
    workers.assert_met("a pool of 3 runs 3 workers at once", READ);
    assert_eq!(
        got,
        items.iter().map(|&n| ok(n)).collect::<Vec<_>>(),
        "one result per item, in the items' order ({READ})"
    );
    assert_eq!(
        workers.started().len(),
        3,
        "a pool of 3 with no crash starts 3 workers and reuses them ({READ})"
    );
    workers.assert_all_reaped(READ);
}

#[test]
fn an_aborting_item_fails_alone() {
    let workers = pool_workers();
    let got = map(&workers, &[1, 2, 666, 3, 4, 5], 2);
    assert_eq!(
        got,
        [ok(1), ok(2), killed(), ok(3), ok(4), ok(5)],
        "666 kills its worker with SIGABRT (signal 6): that item is Err(Killed {{ signal: 6 }}), \
         and every other item is answered ({READ})"
    );
    assert_no_waste(&workers, 2, 1);
}

#[test]
fn an_exiting_worker_reports_its_exit_code() {
    let workers = pool_workers();
    let got = map(&workers, &[7, 1999, 8], 2);
    assert_eq!(
        got,
        [ok(7), exited(), ok(8)],
        "1999 makes its worker exit with code 42: Err(Exited {{ code: 42 }}) ({READ})"
    );
    assert_no_waste(&workers, 2, 1);
}

#[test]
fn crash_after_crash_the_pool_carries_on() {
    let workers = pool_workers();
    let items = [666, 1666, 2999, 3666, 5, 4999, 6];
    let got = map(&workers, &items, 2);
    assert_eq!(
        got,
        [
            killed(),
            killed(),
            exited(),
            killed(),
            ok(5),
            exited(),
            ok(6)
        ],
        "five crashes in seven items, more than the pool has workers: each crashed worker is \
         replaced ({READ})"
    );
    assert_no_waste(&workers, 2, 5);
}

#[test]
fn a_crash_on_the_last_item_is_reported_too() {
    let workers = pool_workers();
    let got = map(&workers, &[4, 666], 1);
    assert_eq!(got, [ok(4), killed()], "({READ})");
    assert_no_waste(&workers, 1, 1);
}

#[test]
fn no_items_no_results() {
    let workers = pool_workers();
    let got = map(&workers, &[], 3);
    assert!(got.is_empty(), "no items, no results ({READ})");
    workers.assert_all_reaped_if_any(READ);
}
