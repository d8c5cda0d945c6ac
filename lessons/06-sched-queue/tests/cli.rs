//! The lesson program as a user runs it: every section runs, `--json` is machine-readable, and
//! bad input gets a clear message and exit code 2, never a panic.

use shared::program::assert_usage_errors;

const BINARY: &str = env!("CARGO_BIN_EXE_lesson-06-sched-queue");

shared::lesson_program_tests!(lesson_06_sched_queue::LESSON, BINARY);

#[test]
fn bad_lesson_flags_are_usage_errors() {
    assert_usage_errors(
        BINARY,
        &[
            &["--items", "0"],
            &["--items", "lots"],
            &["--items", "1000000"],
            &["--capacity", "0"],
            &["--capacity", "1001"],
            &["--workers", "0"],
            &["--workers", "65"],
        ],
    );
}
