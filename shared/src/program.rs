//! Checks of a lesson program as a user runs it: every section runs, `--json` is
//! machine-readable, bad input is a usage error and never a panic. They read the lesson's own
//! list of sections, so a lesson's `tests/cli.rs` is one macro call plus its own bad flags:
//!
//! ```text
//! shared::lesson_program_tests!(lesson_01_threading::LESSON, env!("CARGO_BIN_EXE_lesson-01-threading"));
//!
//! #[test]
//! fn bad_lesson_flags_are_usage_errors() {
//!     shared::program::assert_usage_errors(BINARY, &[&["--threads", "0"]]);
//! }
//! ```

use std::process::{Command, Output};

use crate::lesson::{Flags, Lesson};

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

/// Asserts that the program succeeds with `args` and prints every one of `expected`; returns
/// what it printed.
pub fn assert_shows(binary: &str, args: &[&str], expected: &[String]) -> String {
    let output = run(binary, args);
    let text = stdout(&output);
    assert!(
        output.status.success(),
        "{args:?} failed:\n{text}\n{}",
        stderr(&output)
    );
    for piece in expected {
        assert!(
            text.contains(piece.as_str()),
            "{args:?}: missing {piece:?} in:\n{text}"
        );
    }
    text
}

/// The headings a run of `lesson` prints: `1. Title`, `2. …`.
pub fn headings<F: Flags>(lesson: &Lesson<F>) -> Vec<String> {
    (1..)
        .zip(lesson.sections)
        .map(|(number, section)| format!("{number}. {}", section.title))
        .collect()
}

/// A `--quick` run prints every section's heading, in order.
pub fn assert_every_section_shows<F: Flags>(lesson: &Lesson<F>, binary: &str) {
    let text = assert_shows(binary, &["--quick"], &headings(lesson));
    let positions: Vec<usize> = headings(lesson)
        .iter()
        .filter_map(|heading| text.find(heading.as_str()))
        .collect();
    assert!(positions.is_sorted(), "sections out of order:\n{text}");
}

/// A `--quick --json` run prints only JSON objects of this lesson, each with a label, and
/// measurements from every section, in order.
pub fn assert_json_covers_every_section<F: Flags>(lesson: &Lesson<F>, binary: &str) {
    let sections = json_sections(binary, &["--quick", "--json"], lesson.id());
    let expected: Vec<u64> = (1..=lesson.sections.len() as u64).collect();
    assert_eq!(
        sections, expected,
        "every section must report at least one measurement with --json"
    );
}

/// The last section run alone keeps its own number and runs nothing else.
pub fn assert_a_section_runs_alone<F: Flags>(lesson: &Lesson<F>, binary: &str) {
    let last = lesson.sections.len();
    let heading = headings(lesson).pop().expect("a lesson has sections");
    let text = assert_shows(
        binary,
        &["--quick", "--section", &last.to_string()],
        std::slice::from_ref(&heading),
    );
    assert!(
        text.starts_with(&format!("\n{heading}")),
        "only section {last} should run:\n{text}"
    );
}

/// `--help` lists every flag, the shared ones and the lesson's own.
pub fn assert_help_lists_every_flag<F: Flags>(lesson: &Lesson<F>, binary: &str) {
    let flags: Vec<String> = lesson
        .command()
        .get_arguments()
        .filter(|argument| !argument.is_hide_set())
        .filter_map(|argument| argument.get_long())
        .map(|long| format!("--{long}"))
        .collect();
    assert_shows(binary, &["--help"], &flags);
}

/// A reader that stops reading early (`lesson --json | head -1`) ends the program quietly: exit
/// code 0 and no panic about a broken pipe.
pub fn assert_a_closed_stdout_ends_quietly(binary: &str) {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(binary)
        .args(["--quick", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {binary}: {error}"));
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("piped"))
        .read_line(&mut first)
        .expect("a first line");
    // Dropping the reader closed the pipe, as `head -1` does.
    let output = child.wait_with_output().expect("the program ends");
    let message = stderr(&output);
    assert!(
        output.status.success() && !message.contains("panicked"),
        "the program must end quietly when its reader stops reading; status {}, stderr: {message}",
        output.status
    );
}

/// Bad values of the shared flags are usage errors.
pub fn assert_common_usage_errors<F: Flags>(lesson: &Lesson<F>, binary: &str) {
    let past_the_end = (lesson.sections.len() + 1).to_string();
    assert_usage_errors(
        binary,
        &[
            &["--section", &past_the_end],
            &["--section", "0"],
            &["--unit-ms", "0"],
            &["--unit-ms", "lots"],
            &["--no-such-flag"],
        ],
    );
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

/// The tests every lesson program gets, generated from its list of sections: a quick run shows
/// every section, `--json` covers every section, a section runs alone under its own number,
/// `--help` lists every flag, a reader that stops early ends the program quietly, and bad
/// shared flags are usage errors.
#[macro_export]
macro_rules! lesson_program_tests {
    ($lesson:expr, $binary:expr $(,)?) => {
        #[test]
        fn a_quick_run_shows_every_section_in_order() {
            $crate::program::assert_every_section_shows(&$lesson, $binary);
        }

        #[test]
        fn json_mode_covers_every_section_and_prints_nothing_else() {
            $crate::program::assert_json_covers_every_section(&$lesson, $binary);
        }

        #[test]
        fn a_section_runs_alone_under_its_own_number() {
            $crate::program::assert_a_section_runs_alone(&$lesson, $binary);
        }

        #[test]
        fn help_lists_every_flag() {
            $crate::program::assert_help_lists_every_flag(&$lesson, $binary);
        }

        #[test]
        fn a_closed_stdout_ends_the_program_quietly() {
            $crate::program::assert_a_closed_stdout_ends_quietly($binary);
        }

        #[test]
        fn bad_shared_flags_are_usage_errors() {
            $crate::program::assert_common_usage_errors(&$lesson, $binary);
        }
    };
}
