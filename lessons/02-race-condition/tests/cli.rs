//! The lesson program as a user runs it: every section runs, `--json` is machine-readable, and
//! bad input gets a clear message and exit code 2, never a panic.

use shared::program::assert_usage_errors;

const BINARY: &str = env!("CARGO_BIN_EXE_lesson-02-race-condition");

shared::lesson_program_tests!(lesson_02_race_condition::LESSON, BINARY);

#[test]
fn bad_lesson_flags_are_usage_errors() {
    assert_usage_errors(
        BINARY,
        &[
            &["--threads", "1"],
            &["--threads", "many"],
            &["--increments", "10"],
            &["--increments", "-5"],
            &["--increments", "20000000"],
            &["--rounds", "0"],
            &["--rounds", "1000"],
        ],
    );
}
