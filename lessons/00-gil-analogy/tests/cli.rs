//! The lesson program as a user runs it: every section runs, `--json` is machine-readable, and
//! bad input gets a clear message and exit code 2, never a panic.

use shared::program::{assert_usage_errors, run, stderr, stdout};

const BINARY: &str = env!("CARGO_BIN_EXE_lesson-00-gil-analogy");

shared::lesson_program_tests!(lesson_00_gil_analogy::LESSON, BINARY);

#[test]
fn bad_lesson_flags_are_usage_errors() {
    assert_usage_errors(
        BINARY,
        &[
            &["--threads", "0"],
            &["--threads", "65"],
            &["--threads", "many"],
            &["--mode", "turbo"],
            &["--mode", ""],
            &["--switch-interval-ms", "0"],
            &["--switch-interval-ms", "1001"],
            &["--iterations", "10"],
            &["--iterations", "1000000000000"],
            &["--increments", "0"],
            &["--increments", "-3"],
        ],
    );
}

#[test]
fn an_unknown_mode_names_the_modes_there_are() {
    let output = run(BINARY, &["--mode", "turbo"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    for mode in ["gil", "free-threaded", "native", "rust"] {
        assert!(message.contains(mode), "{mode} missing from: {message}");
    }
}

#[test]
fn modes_run_in_the_order_given() {
    let output = run(
        BINARY,
        &[
            "--quick",
            "--json",
            "--section",
            "2",
            "--mode",
            "rust",
            "--mode",
            "gil",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let labels: Vec<String> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["label"].to_string())
        .collect();
    assert!(labels[0].contains("Rust threads, 1 thread"), "{labels:?}");
    assert!(labels[2].contains("GIL, 1 thread"), "{labels:?}");
}
