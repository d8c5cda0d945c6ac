//! The lesson program as a user runs it: every section runs, `--json` is machine-readable, bad
//! input gets a clear message and exit code 2, and a worker role is served, never the lesson.

use shared::program::{assert_usage_errors, run, stderr, stdout};

const BINARY: &str = env!("CARGO_BIN_EXE_lesson-03-multiprocessing");

shared::lesson_program_tests!(lesson_03_multiprocessing::LESSON, BINARY);

#[test]
fn bad_lesson_flags_are_usage_errors() {
    assert_usage_errors(
        BINARY,
        &[
            &["--workers", "0"],
            &["--workers", "65"],
            &["--primes-below", "0"],
            &["--sum-to", "lots"],
            &["--messages", "0"],
            &["--spawn-count", "1001"],
        ],
    );
}

#[test]
fn a_worker_serves_its_role_and_never_runs_the_lesson() {
    let output = run(BINARY, &["__worker", "primes", "0", "100"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "25\n",
        "a worker prints its answer and nothing else"
    );

    let output = run(BINARY, &["__worker", "nothing"]);
    assert!(output.status.success() && stdout(&output).is_empty());
}

#[test]
fn an_unknown_role_is_a_clear_failure() {
    let output = run(BINARY, &["__worker", "juggle"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no such worker role"),
        "{}",
        stderr(&output)
    );
    assert!(
        stdout(&output).is_empty(),
        "no lesson ran: {}",
        stdout(&output)
    );
}
