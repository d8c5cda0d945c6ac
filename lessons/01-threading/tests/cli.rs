//! The lesson program as a user runs it: every section runs, `--json` is machine-readable, and
//! bad input gets a clear message and exit code 2, never a panic.

use shared::program::{
    assert_https_needs_tls, assert_shows, assert_usage_errors, json_sections, run, stderr, stdout,
};

const LESSON: &str = env!("CARGO_BIN_EXE_lesson-01-threading");

#[test]
fn a_quick_run_shows_every_section() {
    assert_shows(
        LESSON,
        &["--quick"],
        &[
            "1. Spawn, join, and results that come back",
            "2. Waits overlap",
            "3. A thread per URL",
            "4. Events and semaphores",
            "5. Why there is no RLock",
            "6. What a thread costs",
        ],
    );
}

#[test]
fn json_mode_prints_one_object_per_measurement_and_nothing_else() {
    assert_eq!(
        json_sections(LESSON, &["--quick", "--json"], "01-threading"),
        [1, 2, 3, 4, 5, 6]
    );
}

#[test]
fn one_section_can_run_alone() {
    let output = run(LESSON, &["--quick", "--section", "5"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(text.starts_with("\n5. Why there is no RLock"), "{text}");
    assert!(!text.contains("4. Events"), "{text}");
}

#[test]
fn bad_flags_are_usage_errors() {
    assert_usage_errors(
        LESSON,
        &[
            &["--threads", "0"],
            &["--threads", "many"],
            &["--limit", "0"],
            &["--spawn-count", "1000000000"],
            &["--unit-ms", "0"],
            &["--live", "not a url"],
            &["--live", "ftp://example.com/"],
            &["--section", "7"],
            &["--section", "0"],
            &["--no-such-flag"],
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
            "--threads",
            "--limit",
            "--live",
        ],
    );
}
