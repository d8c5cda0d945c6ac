use std::io::{BufRead, Read, Write};

use shared::instruments::within;

use super::subject::round_trip::{square_each, squares};
use crate::kit::workers::{TestWorkers, When, program};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// The worker program of the calling test, whose workers run `square_each`.
fn square_workers() -> TestWorkers {
    program(|input, output| square_each(input, output))
}

/// `squares(numbers)` under a deadline; its answer must come from a worker that answered.
fn squares_of(workers: TestWorkers, numbers: Vec<u64>) -> (TestWorkers, std::io::Result<Vec<u64>>) {
    let workers = workers.meeting(1, When::BeforeFirstAnswer);
    let program = workers.handle();
    let what = format!(
        "squares of {} numbers (a deadlock? write on one thread while you read on another, \
         and close the worker's input after the last number)",
        numbers.len()
    );
    let got = within(PATIENCE * 2, &what, move || squares(&numbers, &program));
    (workers, got)
}

#[test]
fn squares_come_back_in_order() {
    let numbers = vec![3, 1, 4, 1, 5, 9, 2, 6, u64::from(u32::MAX)];
    let expected: Vec<u64> = numbers.iter().map(|n| n * n).collect();
    let (workers, got) = squares_of(square_workers(), numbers);
    assert_eq!(
        workers.started().len(),
        1,
        "squares() starts exactly one worker ({READ})"
    );
    workers.assert_met("the squares must come from the worker process", READ);
    assert_eq!(
        got.ok(),
        Some(expected),
        "one square per number, in the numbers' order ({READ})"
    );
    workers.assert_all_reaped(READ);
}

#[test]
fn a_long_stream_flows_both_ways_at_once() {
    let numbers: Vec<u64> = (0..100_000u64).map(|n| n * 40_503 % (1 << 32)).collect();
    let expected: Vec<u64> = numbers.iter().map(|n| n * n).collect();
    let (workers, got) = squares_of(square_workers(), numbers);
    let got =
        got.unwrap_or_else(|error| panic!("squares of 100000 numbers failed: {error} ({READ})"));
    assert_eq!(
        got.len(),
        expected.len(),
        "one square per number, none lost ({READ})"
    );
    let first_wrong = got.iter().zip(&expected).position(|(g, e)| g != e);
    assert_eq!(
        first_wrong, None,
        "the squares must come back in the numbers' order ({READ})"
    );
    workers.assert_all_reaped(READ);
}

#[test]
fn the_worker_answers_each_number_before_the_next_arrives() {
    let workers = square_workers();
    let program = workers.handle();
    let answers = within(
        PATIENCE,
        "a worker answering 12 before it gets anything else (flush each answer: the \
         worker's output is buffered)",
        move || {
            let mut worker = program.start().expect("the worker starts");
            let mut answers = Vec::new();
            for n in [12u64, 7, 0] {
                let stdin = worker.stdin.as_mut().expect("piped");
                writeln!(stdin, "{n}")
                    .and_then(|()| stdin.flush())
                    .expect("the worker reads");
                let mut line = String::new();
                worker
                    .stdout
                    .as_mut()
                    .expect("piped")
                    .read_line(&mut line)
                    .expect("an answer");
                answers.push(line);
            }
            let status = worker.wait().expect("the worker ends");
            (answers, status.success())
        },
    );
    assert_eq!(
        answers.0,
        ["144\n", "49\n", "0\n"],
        "one line per number, each its square ({READ})"
    );
    assert!(answers.1, "the worker must exit successfully ({READ})");
    workers.assert_all_reaped(READ);
}

#[test]
fn the_worker_returns_when_its_input_ends() {
    let workers = square_workers();
    let program = workers.handle();
    let (output, success) = within(
        PATIENCE,
        "a worker whose input has ended (read_line gives 0 bytes at the end: return then)",
        move || {
            let mut worker = program.start().expect("the worker starts");
            worker
                .stdin
                .take()
                .expect("piped")
                .write_all(b"2\n3\n")
                .expect("the worker reads");
            let mut output = String::new();
            worker
                .stdout
                .take()
                .expect("piped")
                .read_to_string(&mut output)
                .expect("output");
            (output, worker.wait().expect("the worker ends").success())
        },
    );
    assert_eq!(output, "4\n9\n", "({READ})");
    assert!(success, "the worker must exit successfully ({READ})");
    workers.assert_all_reaped(READ);
}

#[test]
fn no_numbers_no_squares() {
    let workers = square_workers();
    let program = workers.handle();
    let got = within(PATIENCE, "squares of no numbers", move || {
        squares(&[], &program)
    });
    assert_eq!(
        got.ok(),
        Some(Vec::new()),
        "no numbers, no squares ({READ})"
    );
    assert!(workers.started().len() <= 1, "({READ})");
    workers.assert_all_reaped_if_any(READ);
}
