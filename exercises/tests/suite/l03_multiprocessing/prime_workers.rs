use std::io::Write;

use shared::instruments::within;
use shared::workload::cpu::count_primes;

use super::subject::prime_workers::{count_primes_in_workers, serve};
use crate::kit::workers::{TestWorkers, When, program};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// The worker program of the calling test, whose workers run `serve`.
fn prime_workers() -> TestWorkers {
    program(|input, output| serve(input, output))
}

/// Counts the primes below `limit` on `workers` workers, under a deadline.
fn count(workers_of: &TestWorkers, limit: u64, workers: usize) -> std::io::Result<u64> {
    let program = workers_of.handle();
    within(
        PATIENCE * 2,
        &format!("count_primes_in_workers({limit}, {workers})"),
        move || count_primes_in_workers(limit, workers, &program),
    )
}

#[test]
fn the_worker_answers_its_range_on_one_line() {
    let mut out = Vec::new();
    serve(&b"10 20\n"[..], &mut out).expect("serve failed on \"10 20\"");
    assert_eq!(
        String::from_utf8_lossy(&out),
        "4\n",
        "10 <= n < 20 holds 4 primes (11, 13, 17, 19), written as one line ({READ})"
    );
    out.clear();
    serve(&b"10 19\n"[..], &mut out).expect("serve failed on \"10 19\"");
    assert_eq!(
        String::from_utf8_lossy(&out),
        "3\n",
        "END is not part of the range: 10 <= n < 19 holds 3 primes ({READ})"
    );
}

#[test]
fn four_workers_count_the_primes_below_200_000_together() {
    let workers = prime_workers().meeting(4, When::BeforeFirstAnswer);
    let counted = count(&workers, 200_000, 4);
    let started = workers.started();
    assert_eq!(
        started.len(),
        4,
        "exactly 4 worker processes must be started (program.start()), one per range; {} were \
         ({READ})",
        started.len()
    );
    workers.assert_met(
        "send every worker its range before reading any answer, so that they count at the \
         same time",
        READ,
    );
    assert_eq!(
        counted.ok(),
        Some(17_984),
        "there are 17984 primes below 200000 ({READ})"
    );
    assert!(
        !started.contains(&std::process::id()),
        "the workers are processes of their own"
    );
    workers.assert_all_reaped(READ);
}

#[test]
fn the_ranges_cover_the_numbers_exactly() {
    // 100004 does not divide by 3: the last range must reach the end, where 100003 is prime.
    let workers = prime_workers().meeting(3, When::BeforeFirstAnswer);
    let counted = count(&workers, 100_004, 3);
    workers.assert_met(
        "send every worker its range before reading any answer",
        READ,
    );
    assert_eq!(
        counted.ok(),
        Some(count_primes(0..100_004)),
        "the primes below 100004 on 3 workers: the ranges must cover 0..100004 exactly, \
         leaving no number out and counting none twice ({READ})"
    );
    workers.assert_all_reaped(READ);
}

#[test]
fn one_worker_counts_everything() {
    let workers = prime_workers();
    let counted = count(&workers, 100, 1);
    assert_eq!(
        workers.started().len(),
        1,
        "one worker for workers = 1 ({READ})"
    );
    assert_eq!(counted.ok(), Some(25), "25 primes below 100 ({READ})");
    workers.assert_all_reaped(READ);
}

#[test]
fn a_garbled_answer_is_an_error_not_a_panic() {
    let mut out = Vec::new();
    let outcome = serve(&b"ten twenty\n"[..], &mut out);
    assert!(
        outcome.is_err(),
        "a line that is not two numbers must give an io::Error ({READ})"
    );
    let _ = out.flush();
}
