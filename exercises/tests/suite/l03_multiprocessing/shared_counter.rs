use std::sync::atomic::Ordering;

use shared::instruments::within;
use shared::shm::SharedAtomics;

use super::subject::shared_counter::{add, count_together};
use crate::kit::workers::{TestWorkers, When, program};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// The worker program of the calling test, whose workers run `add`.
fn adders() -> TestWorkers {
    program(|input, output| add(input, output))
}

/// `count_together` under a deadline, with the workers made to start together.
fn count(workers_of: &TestWorkers, workers: usize, times: u64) -> std::io::Result<u64> {
    let program = workers_of.handle();
    within(
        PATIENCE * 2,
        &format!("count_together({workers}, {times})"),
        move || count_together(workers, times, &program),
    )
}

#[test]
fn the_worker_adds_to_the_named_block() {
    let block = SharedAtomics::create_named(1).unwrap();
    let line = format!("{} 25\n", block.name().unwrap());
    add(line.as_bytes(), &mut Vec::new()).expect("add failed on a good line");
    assert_eq!(
        block[0].load(Ordering::SeqCst),
        25,
        "\"NAME 25\" adds 25 to the first counter of the block called NAME, the memory this \
         test sees too ({READ})"
    );
}

#[test]
fn four_workers_count_exactly_together() {
    let workers = adders().meeting(4, When::AtStart);
    let counted = count(&workers, 4, 1_000_000);
    assert_eq!(
        workers.started().len(),
        4,
        "start one worker per count: 4 workers ({READ})"
    );
    workers.assert_met(
        "start every worker before you wait for any of them, so that they add at the same time",
        READ,
    );
    let counted = counted.unwrap_or_else(|error| panic!("count_together failed: {error} ({READ})"));
    assert!(
        counted <= 4_000_000,
        "{counted} is more than the 4000000 additions made ({READ})"
    );
    assert_eq!(
        counted,
        4_000_000,
        "4000000 additions expected, got {counted}: {} were lost. Each worker needs the shared \
         block itself (a variable of its own is a copy nobody else sees), and an addition in one \
         indivisible step: a load then a store loses the other processes' additions in between \
         ({READ})",
        4_000_000 - counted
    );
    workers.assert_all_reaped(READ);
}

#[test]
fn one_worker_counts_alone() {
    let workers = adders().meeting(1, When::AtStart);
    let counted = count(&workers, 1, 1000);
    assert_eq!(
        counted.ok(),
        Some(1000),
        "one worker adding 1000 times ({READ})"
    );
    workers.assert_all_reaped(READ);
}
