//! The lesson program as a user runs it: every section runs, `--json` is machine-readable, and
//! bad input gets a clear message and exit code 2, never a panic.

use shared::program::{assert_https_needs_tls, assert_usage_errors};

const BINARY: &str = env!("CARGO_BIN_EXE_lesson-01-threading");

shared::lesson_program_tests!(lesson_01_threading::LESSON, BINARY);

#[test]
fn bad_lesson_flags_are_usage_errors() {
    assert_usage_errors(
        BINARY,
        &[
            &["--threads", "0"],
            &["--threads", "many"],
            &["--limit", "0"],
            &["--spawn-count", "1000000000"],
            &["--primes-below", "0"],
            &["--live", "not a url"],
            &["--live", "ftp://example.com/"],
        ],
    );
}

#[cfg(not(feature = "tls"))]
#[test]
fn https_without_tls_says_how_to_get_it() {
    assert_https_needs_tls(BINARY);
}
