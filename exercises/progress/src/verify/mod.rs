//! `cargo run -p exercises -- verify`: the proof, run by CI, that the exercises are honest.
//!
//! 1. The catalog agrees with the files: every exercise has a stub, an answer, tests, tiered
//!    hints and a book link that lands on a heading; every file and mistake belongs to an
//!    exercise; every module is registered.
//! 2. Every test fails on the untouched stubs (a test that passes there checks nothing).
//! 3. Every test passes on the solutions (a test nobody can pass is a broken test).
//! 4. Every plausible mistake in `solutions/mistakes/` is caught: with the mistake in place of
//!    the answer, at least one of its exercise's tests fails, on every one of N runs.
//!
//! Lessons whose tests run under the model checker are checked both ways. Step 4 builds every
//! mistake into one test binary (the solutions crate's `mistakes` target) and runs each mistake
//! in its own process, several at a time, so its cost grows with the time the tests take, not
//! with a build per mistake.

mod mistakes;
mod structure;

pub use structure::is_module_name;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use crate::catalog::Catalog;
use crate::overview::run_tests;
use crate::suite_run::SuiteRun;

/// How `verify` runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// How many times each mistake must be caught.
    pub mistake_runs: usize,
    /// Only this exercise's tests and mistakes (the structure is always checked whole).
    pub exercise: Option<String>,
    /// How many mistakes run at the same time.
    pub jobs: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            mistake_runs: 1,
            exercise: None,
            jobs: 6,
        }
    }
}

impl Options {
    /// Reads `[--mistake-runs N] [--exercise ID] [--jobs N]`.
    pub fn parse(args: &[&str]) -> Result<Self, String> {
        let mut options = Self::default();
        let mut rest = args.iter();
        while let Some(flag) = rest.next() {
            let value = rest.next().ok_or_else(|| format!("{flag} needs a value"))?;
            let count = || match value.parse::<usize>() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(format!("{flag} takes a positive number, not `{value}`")),
            };
            match *flag {
                "--mistake-runs" => options.mistake_runs = count()?,
                "--jobs" => options.jobs = count()?,
                "--exercise" if options.exercise.is_some() => {
                    return Err("--exercise takes one exercise: run verify once for each".into());
                }
                "--exercise" => options.exercise = Some(value.to_string()),
                other => return Err(format!("verify has no option {other}")),
            }
        }
        Ok(options)
    }
}

/// Runs every check, printing each step; the error lists everything that is wrong.
pub fn run(workspace: &Path, options: &Options) -> Result<(), String> {
    let started = Instant::now();
    let catalog = Catalog::load(workspace)?;
    if let Some(id) = &options.exercise
        && catalog.exercise(id).is_none()
    {
        return Err(format!("--exercise {id}: no such exercise in the catalog"));
    }
    let only = options.exercise.as_deref();
    let mut problems = Vec::new();

    step("the catalog agrees with the files");
    let found = mistakes::find(workspace, &catalog);
    problems.extend(found.problems.iter().cloned());
    problems.extend(structure::check(workspace, &catalog));
    report(
        &problems,
        &format!(
            "{} exercises, each with a stub, an answer, tests, hints and a book passage; {} mistakes",
            catalog.exercises.len(),
            found.mistakes.len()
        ),
    );

    step("every test fails on the untouched stubs (cargo test -p exercises)");
    let stubs = run_tests(workspace, &catalog, "exercises", only)
        .map_err(|error| format!("the stubs: {error}"))?;
    let stub_problems = check_stubs(&catalog, &stubs, only);
    report(&stub_problems, &format!("all {} tests fail", count(&stubs)));
    problems.extend(stub_problems);

    step("every test passes on the solutions (cargo test -p solutions)");
    let solutions = run_tests(workspace, &catalog, "solutions", only)
        .map_err(|error| format!("the solutions: {error}"))?;
    let solution_problems = check_solutions(&stubs, &solutions);
    report(
        &solution_problems,
        &format!("all {} tests pass", count(&solutions)),
    );
    problems.extend(solution_problems);

    step(&format!(
        "every plausible mistake is caught ({} run(s) each, {} at a time)",
        options.mistake_runs, options.jobs
    ));
    let chosen: Vec<_> = found
        .mistakes
        .into_iter()
        .filter(|mistake| only.is_none_or(|id| mistake.exercise == id))
        .collect();
    problems.extend(mistakes::check(workspace, &catalog, &chosen, options)?);

    println!("\nverify took {:.0} s.", started.elapsed().as_secs_f64());
    if problems.is_empty() {
        println!("verify: everything holds.");
        Ok(())
    } else {
        Err(format!(
            "\nverify found {} problem(s):\n  - {}",
            problems.len(),
            problems.join("\n  - ")
        ))
    }
}

fn step(what: &str) {
    println!("\nverify: {what}");
}

fn count(runs: &[SuiteRun]) -> usize {
    runs.iter().map(|run| run.tests.len()).sum()
}

fn all_tests(runs: &[SuiteRun]) -> impl Iterator<Item = (&String, &crate::suite_run::TestOutcome)> {
    runs.iter().flat_map(|run| &run.tests)
}

fn check_stubs(catalog: &Catalog, stubs: &[SuiteRun], only: Option<&str>) -> Vec<String> {
    let mut problems = Vec::new();
    for (test, outcome) in all_tests(stubs) {
        if outcome.passed {
            problems.push(format!(
                "{test} passes on the untouched stub: it checks nothing"
            ));
        }
        if catalog.exercise_of_test(test).is_none() {
            problems.push(format!("{test} belongs to no exercise in the catalog"));
        }
    }
    for exercise in &catalog.exercises {
        let in_scope = only.is_none_or(|id| id == exercise.id);
        if in_scope
            && stubs
                .iter()
                .all(|run| run.of(&exercise.id).next().is_none())
        {
            problems.push(format!("{} has no tests", exercise.id));
        }
    }
    problems
}

fn check_solutions(stubs: &[SuiteRun], solutions: &[SuiteRun]) -> Vec<String> {
    let mut problems = Vec::new();
    for (test, outcome) in all_tests(solutions) {
        if !outcome.passed {
            let first_line = outcome.message.lines().next().unwrap_or_default();
            problems.push(format!("{test} fails on the solution: {first_line}"));
        }
    }
    let on_stubs: BTreeSet<&String> = all_tests(stubs).map(|(name, _)| name).collect();
    let on_solutions: BTreeSet<&String> = all_tests(solutions).map(|(name, _)| name).collect();
    if on_stubs != on_solutions {
        problems.push(
            "the two crates ran different tests: do both shims include the same suite?".into(),
        );
    }
    problems
}

fn report(problems: &[String], success: &str) {
    if problems.is_empty() {
        println!("  ✔ {success}");
    }
    for problem in problems {
        println!("  ✘ {problem}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options() {
        assert_eq!(Options::parse(&[]).unwrap(), Options::default());
        let options =
            Options::parse(&["--mistake-runs", "3", "--exercise", "warmup::both"]).unwrap();
        assert_eq!(options.mistake_runs, 3);
        assert_eq!(options.exercise.as_deref(), Some("warmup::both"));
        assert!(Options::parse(&["--mistake-runs", "0"]).is_err());
        assert!(Options::parse(&["--jobs"]).is_err());
        assert!(Options::parse(&["--frobnicate", "1"]).is_err());
        // A second exercise is refused rather than silently replacing the first.
        assert!(Options::parse(&["--exercise", "a::b", "--exercise", "c::d"]).is_err());
    }
}
