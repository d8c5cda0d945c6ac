//! The lesson program as a user runs it: every section runs, `--json` is machine-readable, and
//! bad input gets a clear message and exit code 2, never a panic.

use shared::program::{assert_https_needs_tls, assert_usage_errors};

const BINARY: &str = env!("CARGO_BIN_EXE_lesson-04-futures");

shared::lesson_program_tests!(lesson_04_futures::LESSON, BINARY);

#[test]
fn bad_lesson_flags_are_usage_errors() {
    assert_usage_errors(
        BINARY,
        &[
            &["--threads", "0"],
            &["--threads", "many"],
            &["--threads", "100000"],
            &["--primes-below", "10"],
            &["--primes-below", "-5"],
            &["--tasks", "0"],
            &["--tasks", "1000000"],
            &["--live", "not a url"],
        ],
    );
}

#[cfg(not(feature = "tls"))]
#[test]
fn https_without_tls_says_how_to_get_it() {
    assert_https_needs_tls(BINARY);
}
