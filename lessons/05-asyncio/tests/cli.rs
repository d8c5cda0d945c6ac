//! The lesson program as a user runs it: every section runs, `--json` is machine-readable, and
//! bad input gets a clear message and exit code 2, never a panic.

use shared::program::{assert_https_needs_tls, assert_shows, assert_usage_errors, json_sections};

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-05-asyncio");

#[test]
fn a_quick_run_shows_every_section() {
    assert_shows(
        LESSON,
        &["--quick"],
        &[
            "1. async fn, .await and a runtime",
            "2. Gather: waits of 2, 1 and 3 seconds",
            "3. Async HTTP with one shared client",
            "4. A semaphore of 3 over 10 requests",
            "5. Timeouts and cancellation",
            "6. Never block the runtime",
            "7. Files: tokio::fs is spawn_blocking in disguise",
            "8. A hundred thousand waits",
        ],
    );
}

#[test]
fn json_mode_prints_one_object_per_measurement_and_nothing_else() {
    let sections = json_sections(LESSON, &["--quick", "--json"], "05-asyncio");
    assert_eq!(sections, [1, 2, 3, 4, 5, 6, 7, 8]);
}

#[test]
fn bad_flags_are_usage_errors() {
    assert_usage_errors(
        LESSON,
        &[
            &["--limit", "0"],
            &["--tasks", "0"],
            &["--tasks", "10000000"],
            &["--threads", "100000"],
            &["--unit-ms", "-5"],
            &["--live", "localhost"],
            &["--section", "9"],
            &["--frobnicate"],
        ],
    );
}

#[cfg(not(feature = "tls"))]
#[test]
fn https_without_tls_says_how_to_get_it() {
    assert_https_needs_tls(LESSON);
}

#[test]
fn help_describes_the_lesson_flags() {
    assert_shows(
        LESSON,
        &["--help"],
        &[
            "--quick",
            "--json",
            "--unit-ms",
            "--section",
            "--limit",
            "--tasks",
            "--threads",
            "--live",
        ],
    );
}
