//! Runs the test suite with cargo and reads its results from libtest's plain output.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// One test's outcome, with the panic message if it failed.
#[derive(Debug, Clone)]
pub struct TestOutcome {
    /// Whether it passed.
    pub passed: bool,
    /// The first lines of its failure message (empty if it passed).
    pub message: String,
}

/// The outcomes of one `cargo test` run, by test name without the `suite::` prefix
/// (e.g. `l01_threading::event::set_wakes_every_waiter`).
#[derive(Debug, Default)]
pub struct SuiteRun {
    /// Outcomes by test name, sorted.
    pub tests: BTreeMap<String, TestOutcome>,
}

impl SuiteRun {
    /// The tests of one exercise, `(test name, outcome)`.
    pub fn of<'a>(
        &'a self,
        exercise_id: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a TestOutcome)> + 'a {
        let prefix_len = exercise_id.len() + 2;
        self.tests.iter().filter_map(move |(name, outcome)| {
            let in_exercise =
                name.starts_with(exercise_id) && name[exercise_id.len()..].starts_with("::");
            in_exercise.then(|| (&name[prefix_len..], outcome))
        })
    }

    /// The exercise a test belongs to: the first two parts of its name.
    pub fn exercise_of(test: &str) -> String {
        test.splitn(3, "::").take(2).collect::<Vec<_>>().join("::")
    }
}

/// Which crate to test and how.
pub struct Target<'a> {
    /// `exercises` or `solutions`; its test target has the same name.
    pub package: &'a str,
    /// Cargo features to enable (the maintainers' mistake checks).
    pub features: Option<&'a str>,
    /// Only tests whose names contain this.
    pub filter: Option<&'a str>,
}

/// Runs the suite of `target` and collects its outcomes. Fails (with cargo's own output) only
/// if the tests could not be built or run at all; failing tests are a normal outcome.
pub fn run(workspace: &Path, target: &Target<'_>) -> Result<SuiteRun, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(workspace)
        .args(["test", "-p", target.package, "--test", target.package])
        .env("RUST_BACKTRACE", "0");
    if let Some(features) = target.features {
        command.args(["--features", features]);
    }
    command.args(["--", "--color", "never"]);
    if let Some(filter) = target.filter {
        command.arg(filter);
    }
    let output = command
        .output()
        .map_err(|error| format!("could not start cargo: {error}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let run = parse(&stdout);
    if run.tests.is_empty() && !output.status.success() {
        return Err(format!(
            "`cargo test -p {}` did not get as far as running tests:\n\n{}",
            target.package,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(run)
}

/// Reads libtest's output: `test suite::a::b::c ... ok` lines, then each failure's captured
/// output under `---- suite::a::b::c stdout ----`.
pub fn parse(stdout: &str) -> SuiteRun {
    let mut run = SuiteRun::default();
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix("test suite::") else {
            continue;
        };
        let Some((name, verdict)) = rest.split_once(" ... ") else {
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
    for section in stdout.split("---- suite::").skip(1) {
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
            run.tests["l01_threading::event::set_wakes_every_waiter"].message,
            "not yet implemented: event"
        );
    }

    #[test]
    fn exercise_of_a_test() {
        assert_eq!(
            SuiteRun::exercise_of("l01_threading::event::set_wakes"),
            "l01_threading::event"
        );
    }
}
