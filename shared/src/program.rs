//! Checks of a lesson program as a user runs it, shared by every lesson's `tests/cli.rs`:
//! sections run, `--json` is machine-readable, bad input is a usage error and never a panic.

use std::process::{Command, Output};

/// Runs the program at `binary` (from `env!("CARGO_BIN_EXE_…")`) with `args`.
pub fn run(binary: &str, args: &[&str]) -> Output {
    Command::new(binary)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot start {binary}: {error}"))
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts that the program succeeds with `args` and prints every one of `headings`.
pub fn assert_shows(binary: &str, args: &[&str], headings: &[&str]) {
    let output = run(binary, args);
    let text = stdout(&output);
    assert!(
        output.status.success(),
        "{args:?} failed:\n{text}\n{}",
        stderr(&output)
    );
    for heading in headings {
        assert!(
            text.contains(heading),
            "{args:?}: missing {heading:?} in:\n{text}"
        );
    }
}

/// Runs the program with `args` (which should include `--json`), checks that every line of its
/// output is a JSON object of `lesson` with a label, and returns the sections they came from,
/// in order, each once.
pub fn json_sections(binary: &str, args: &[&str], lesson: &str) -> Vec<u64> {
    let output = run(binary, args);
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        stderr(&output)
    );
    let mut sections = Vec::new();
    for line in stdout(&output).lines() {
        let record: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|error| panic!("not JSON ({error}): {line}"));
        assert_eq!(record["lesson"], lesson, "{line}");
        assert!(record["label"].is_string(), "no label: {line}");
        let section = record["section"]
            .as_u64()
            .unwrap_or_else(|| panic!("no section: {line}"));
        if sections.last() != Some(&section) {
            sections.push(section);
        }
    }
    sections
}

/// Asserts that each argument list is refused as a usage error: exit code 2 and a message
/// that starts with `error:`, never a panic.
pub fn assert_usage_errors(binary: &str, cases: &[&[&str]]) {
    for args in cases {
        let output = run(binary, args);
        let message = stderr(&output);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?} must exit with 2; stderr: {message}"
        );
        assert!(
            message.starts_with("error:") && !message.contains("panicked"),
            "{args:?}: {message}"
        );
    }
}

/// Asserts that a build without TLS refuses an `https://` URL given to `--live` as a usage
/// error whose message says how to get TLS (`--features tls`).
pub fn assert_https_needs_tls(binary: &str) {
    let args = ["--live", "https://www.rust-lang.org/"];
    assert_usage_errors(binary, &[&args]);
    let message = stderr(&run(binary, &args));
    assert!(message.contains("--features tls"), "{message}");
}
