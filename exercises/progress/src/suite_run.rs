//! Runs test suites with cargo and reads their results from libtest's plain output; when the
//! code does not compile, reads the compiler's errors instead, as file, line and message.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::workspace;

/// One test's outcome, with the panic message if it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestOutcome {
    /// Whether it passed.
    pub passed: bool,
    /// The first lines of its failure message (empty if it passed).
    pub message: String,
}

/// The outcomes of one run of a test binary, by full test name
/// (`suite::l01_threading::event::set_wakes_every_waiter`).
#[derive(Debug, Default, Clone)]
pub struct SuiteRun {
    /// Outcomes by test name, sorted.
    pub tests: BTreeMap<String, TestOutcome>,
    /// Whether the run printed its summary line: a run that crashed (an abort, a signal) did
    /// not, and its missing tests say nothing.
    pub finished: bool,
}

impl SuiteRun {
    /// The tests of one exercise in a run of the suite: `(test name, outcome)`, the name
    /// without the `suite::lesson::exercise::` part.
    pub fn of<'a>(
        &'a self,
        exercise_id: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a TestOutcome)> + 'a {
        self.within(format!("suite::{exercise_id}::"))
    }

    /// The tests whose names start with `prefix`, named by the rest.
    pub fn within(&self, prefix: String) -> impl Iterator<Item = (&str, &TestOutcome)> + '_ {
        self.tests
            .iter()
            .filter_map(move |(name, outcome)| Some((name.strip_prefix(&prefix)?, outcome)))
    }
}

/// Which suite to run, and how.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// `exercises` or `solutions`.
    pub package: &'a str,
    /// The test target: `exercises`, `solutions` or `mistakes`.
    pub test: &'a str,
    /// Cargo features to turn on (`model` for the model-checked tests).
    pub features: Option<&'a str>,
    /// Only tests whose names contain this.
    pub filter: Option<&'a str>,
}

impl Target<'_> {
    fn cargo_test(&self, workspace: &Path) -> Command {
        let mut command = Command::new(workspace::cargo());
        command
            .current_dir(workspace)
            .args(["test", "-p", self.package, "--test", self.test])
            .env("RUST_BACKTRACE", "0");
        if let Some(features) = self.features {
            command.args(["--features", features]);
        }
        command
    }
}

/// A compiler error, where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// `exercises/src/l01_threading/event.rs:25:9`.
    pub location: String,
    /// `error[E0425]: cannot find value `x` in this scope`.
    pub message: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Why a suite did not run.
#[derive(Debug, Clone)]
pub enum RunError {
    /// The code does not compile: its errors, and cargo's whole message.
    DidNotBuild {
        /// The compiler's errors, one line each.
        errors: Vec<CompileError>,
        /// Everything cargo said, for when the errors do not explain it.
        output: String,
    },
    /// Cargo or the test binary could not be started.
    CouldNotStart(String),
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DidNotBuild { errors, output } if errors.is_empty() => {
                write!(f, "the tests did not build:\n{output}")
            }
            Self::DidNotBuild { errors, .. } => {
                writeln!(f, "the tests did not build:")?;
                for error in errors {
                    writeln!(f, "  {error}")?;
                }
                Ok(())
            }
            Self::CouldNotStart(why) => write!(f, "{why}"),
        }
    }
}

/// Builds and runs a suite. Failing tests are a normal outcome; only code that does not
/// compile (or a cargo that will not start) is an error.
pub fn run(workspace: &Path, target: &Target<'_>) -> Result<SuiteRun, RunError> {
    let mut command = target.cargo_test(workspace);
    command.args(["--message-format", "short", "--", "--color", "never"]);
    if let Some(filter) = target.filter {
        command.arg(filter);
    }
    let output = output_of(&mut command)?;
    let run = parse(&String::from_utf8_lossy(&output.stdout));
    if run.tests.is_empty() && !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        return Err(RunError::DidNotBuild {
            errors: compile_errors(&stderr),
            output: stderr,
        });
    }
    Ok(run)
}

/// Builds a suite's test binary without running it, and returns its path.
pub fn build(workspace: &Path, target: &Target<'_>) -> Result<PathBuf, RunError> {
    let mut command = target.cargo_test(workspace);
    command.args(["--no-run", "--message-format", "json-diagnostic-short"]);
    let output = output_of(&mut command)?;
    let mut errors = Vec::new();
    let mut binary = None;
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        match message["reason"].as_str() {
            Some("compiler-artifact") if message["target"]["name"] == target.test => {
                if let Some(path) = message["executable"].as_str() {
                    binary = Some(PathBuf::from(path));
                }
            }
            Some("compiler-message") if message["message"]["level"] == "error" => {
                let rendered = message["message"]["rendered"].as_str().unwrap_or_default();
                errors.extend(compile_errors(rendered));
            }
            _ => {}
        }
    }
    match binary {
        Some(binary) if output.status.success() => Ok(binary),
        _ => Err(RunError::DidNotBuild {
            errors,
            output: String::from_utf8_lossy(&output.stderr).into_owned(),
        }),
    }
}

/// Runs a built test binary with libtest `arguments` (a filter, `--test-threads 4` …).
pub fn run_binary(binary: &Path, arguments: &[&str]) -> Result<SuiteRun, RunError> {
    let mut command = Command::new(binary);
    command
        .args(arguments)
        .args(["--color", "never"])
        .env("RUST_BACKTRACE", "0");
    let output = output_of(&mut command)?;
    Ok(parse(&String::from_utf8_lossy(&output.stdout)))
}

fn output_of(command: &mut Command) -> Result<Output, RunError> {
    command.output().map_err(|error| {
        RunError::CouldNotStart(format!(
            "could not start {:?}: {error}",
            command.get_program()
        ))
    })
}

/// Reads libtest's output: `test NAME ... ok` lines, then each failure's captured output under
/// `---- NAME stdout ----`.
pub fn parse(stdout: &str) -> SuiteRun {
    let mut run = SuiteRun::default();
    for line in stdout.lines() {
        if line.starts_with("test result: ") {
            run.finished = true;
        }
        let Some((name, verdict)) = line
            .strip_prefix("test ")
            .and_then(|rest| rest.split_once(" ... "))
        else {
            continue;
        };
        let passed = match verdict.trim() {
            "ok" => true,
            "FAILED" => false,
            _ => continue,
        };
        let outcome = TestOutcome {
            passed,
            message: String::new(),
        };
        run.tests.insert(name.to_string(), outcome);
    }
    for section in stdout.split("\n---- ").skip(1) {
        let Some((header, body)) = section.split_once('\n') else {
            continue;
        };
        let name = header.trim_end_matches(" stdout ----").trim();
        if let Some(outcome) = run.tests.get_mut(name) {
            outcome.message = failure_message(body);
        }
    }
    run
}

/// The panic message from a failed test's captured output: the lines after "panicked at",
/// up to the first blank line or note.
fn failure_message(captured: &str) -> String {
    let mut lines = captured
        .lines()
        .skip_while(|line| !line.contains("panicked at"));
    lines.next();
    lines
        .take_while(|line| {
            !line.is_empty() && !line.starts_with("note:") && !line.starts_with("----")
        })
        .take(8)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The errors in the compiler's short-format output: `path:line:col: error…: message`.
pub fn compile_errors(short_output: &str) -> Vec<CompileError> {
    short_output
        .lines()
        .filter_map(|line| {
            let (location, message) = line.split_once(": error")?;
            let looks_like_a_place =
                location.ends_with(|c: char| c.is_ascii_digit()) && location.contains(".rs:");
            looks_like_a_place.then(|| CompileError {
                location: location.to_string(),
                message: format!("error{message}"),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "
running 3 tests
test suite::warmup::both::returns_both_results_in_order ... ok
test suite::warmup::both::runs_the_two_closures_at_the_same_time ... FAILED
test suite::l01_threading::event::set_wakes_every_waiter ... FAILED

failures:

---- suite::warmup::both::runs_the_two_closures_at_the_same_time stdout ----

thread 'suite::warmup::both::runs_the_two_closures_at_the_same_time' panicked at exercises/tests/suite/warmup/both.rs:25:9:
the two closures did not run at the same time
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

---- suite::l01_threading::event::set_wakes_every_waiter stdout ----
thread 'x' panicked at src/l01.rs:3:5:
not yet implemented: event

failures:
    suite::warmup::both::runs_the_two_closures_at_the_same_time

test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 2.01s
";

    #[test]
    fn reads_verdicts_and_messages() {
        let run = parse(SAMPLE);
        assert!(run.finished);
        assert_eq!(run.tests.len(), 3);
        let both: Vec<_> = run.of("warmup::both").collect();
        assert_eq!(both.len(), 2);
        let (name, failed) = both[1];
        assert_eq!(name, "runs_the_two_closures_at_the_same_time");
        assert!(!failed.passed);
        assert_eq!(
            failed.message,
            "the two closures did not run at the same time"
        );
        assert_eq!(
            run.tests["suite::l01_threading::event::set_wakes_every_waiter"].message,
            "not yet implemented: event"
        );
    }

    #[test]
    fn a_run_without_its_summary_did_not_finish() {
        let crashed = parse("running 1 test\ntest a::b ... ok\n");
        assert!(!crashed.finished);
    }

    #[test]
    fn compile_errors_are_file_line_and_message() {
        let short = "\
   Compiling exercises v0.1.0 (/w/exercises)
exercises/src/l01_threading/event.rs:25:9: error[E0425]: cannot find value `x` in this scope
exercises/src/l01_threading/event.rs:30:5: warning: unused variable: `y`
error: could not compile `exercises` (lib) due to 1 previous error
";
        assert_eq!(
            compile_errors(short),
            [CompileError {
                location: "exercises/src/l01_threading/event.rs:25:9".into(),
                message: "error[E0425]: cannot find value `x` in this scope".into(),
            }]
        );
    }
}
