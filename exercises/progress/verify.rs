//! `cargo run -p exercises -- verify`: the proof, run by CI, that the exercises are honest.
//!
//! 1. The catalog agrees with the files: every exercise has a stub, a solution, a hint and at
//!    least one test, and every stub and test belongs to an exercise.
//! 2. Every test fails against the untouched stubs (a test that passes there checks nothing).
//! 3. Every test passes against the solutions (a test nobody can pass is a broken test).
//! 4. Every plausible mistake in `solutions/mistakes/` is caught: with it swapped in for the
//!    solution (a `mistake-*` feature of the solutions crate), at least one of that exercise's
//!    tests fails, on every one of `mistake_runs` runs.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::catalog::{EXERCISES, LESSONS};
use crate::suite_run::{self, SuiteRun, Target};

/// Runs every check, printing each step; the error lists everything that is wrong.
pub fn run(workspace: &Path, mistake_runs: usize) -> Result<(), String> {
    let mut problems = Vec::new();

    step("the catalog agrees with the files");
    problems.extend(check_catalog(workspace));

    step("every test fails on the untouched stubs (cargo test -p exercises)");
    let stubs = suite("exercises", None, None, workspace)?;
    problems.extend(check_stub_run(&stubs));

    step("every test passes on the solutions (cargo test -p solutions)");
    let solutions = suite("solutions", None, None, workspace)?;
    problems.extend(check_solution_run(&stubs, &solutions));

    step(&format!(
        "every plausible mistake is caught ({mistake_runs} run(s) each)"
    ));
    for mistake in mistakes(workspace)? {
        problems.extend(check_mistake(workspace, &mistake, mistake_runs)?);
    }

    if problems.is_empty() {
        println!("\nverify: everything holds.");
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

fn suite(
    package: &str,
    features: Option<&str>,
    filter: Option<&str>,
    workspace: &Path,
) -> Result<SuiteRun, String> {
    suite_run::run(
        workspace,
        &Target {
            package,
            features,
            filter,
        },
    )
}

fn check_catalog(workspace: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for exercise in EXERCISES {
        if !ids.insert(exercise.id) {
            problems.push(format!("{} is listed twice in the catalog", exercise.id));
        }
        if exercise.hint.trim().is_empty() {
            problems.push(format!("{} has no hint", exercise.id));
        }
        if !LESSONS
            .iter()
            .any(|(module, _)| *module == exercise.lesson())
        {
            problems.push(format!(
                "{}: lesson `{}` is not in LESSONS",
                exercise.id,
                exercise.lesson()
            ));
        }
        match fs::read_to_string(workspace.join(exercise.stub_path())) {
            Err(_) => problems.push(format!(
                "{}: no stub at {}",
                exercise.id,
                exercise.stub_path()
            )),
            Ok(stub) if !stub.contains("todo!(") => problems.push(format!(
                "{}: the stub has no todo!(): is it still untouched?",
                exercise.id
            )),
            Ok(_) => {}
        }
        if !workspace.join(exercise.solution_path()).is_file() {
            problems.push(format!(
                "{}: no solution at {}",
                exercise.id,
                exercise.solution_path()
            ));
        }
    }
    for (root, what) in [("exercises/src", "stub"), ("solutions/src", "solution")] {
        for id in exercise_files(&workspace.join(root)) {
            if !ids.contains(id.as_str()) {
                problems.push(format!(
                    "{root}/{}.rs: a {what} that is not in the catalog",
                    id.replace("::", "/")
                ));
            }
        }
    }
    report(
        &problems,
        &format!(
            "{} exercises, each with a stub, a solution and a hint",
            EXERCISES.len()
        ),
    );
    problems
}

/// Module paths of the exercise files under `src` (`lesson/exercise.rs`, not `mod.rs`).
fn exercise_files(src: &Path) -> Vec<String> {
    let mut ids = Vec::new();
    for lesson in fs::read_dir(src).into_iter().flatten().flatten() {
        if !lesson.path().is_dir() {
            continue;
        }
        for file in fs::read_dir(lesson.path()).into_iter().flatten().flatten() {
            let path = file.path();
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if path.extension().is_some_and(|e| e == "rs") && stem != "mod" {
                ids.push(format!("{}::{stem}", lesson.file_name().to_string_lossy()));
            }
        }
    }
    ids
}

fn check_stub_run(stubs: &SuiteRun) -> Vec<String> {
    let mut problems = Vec::new();
    for (test, outcome) in &stubs.tests {
        if outcome.passed {
            problems.push(format!(
                "{test} passes on the untouched stub: it checks nothing"
            ));
        }
        let exercise = SuiteRun::exercise_of(test);
        if !EXERCISES.iter().any(|e| e.id == exercise) {
            problems.push(format!("{test} belongs to no exercise in the catalog"));
        }
    }
    for exercise in EXERCISES {
        if stubs.of(exercise.id).next().is_none() {
            problems.push(format!("{} has no tests", exercise.id));
        }
    }
    report(&problems, &format!("all {} tests fail", stubs.tests.len()));
    problems
}

fn check_solution_run(stubs: &SuiteRun, solutions: &SuiteRun) -> Vec<String> {
    let mut problems = Vec::new();
    for (test, outcome) in &solutions.tests {
        if !outcome.passed {
            problems.push(format!(
                "{test} fails on the solution: {}",
                first_line(&outcome.message)
            ));
        }
    }
    let on_stubs: BTreeSet<&String> = stubs.tests.keys().collect();
    let on_solutions: BTreeSet<&String> = solutions.tests.keys().collect();
    if on_stubs != on_solutions {
        problems.push(
            "the two crates ran different tests: do both shims include the same suite?".into(),
        );
    }
    report(
        &problems,
        &format!("all {} tests pass", solutions.tests.len()),
    );
    problems
}

/// A `mistake-<lesson>-<exercise>-<what>` feature of the solutions crate.
struct Mistake {
    feature: String,
    exercise: String,
    what: String,
}

fn mistakes(workspace: &Path) -> Result<Vec<Mistake>, String> {
    let manifest = fs::read_to_string(workspace.join("solutions/Cargo.toml"))
        .map_err(|error| format!("cannot read solutions/Cargo.toml: {error}"))?;
    let mut found = Vec::new();
    for line in manifest.lines() {
        let Some(feature) = line
            .split('=')
            .next()
            .map(str::trim)
            .filter(|f| f.starts_with("mistake-"))
        else {
            continue;
        };
        let parts: Vec<&str> = feature.splitn(4, '-').collect();
        let [_, lesson, exercise, what] = parts.as_slice() else {
            return Err(format!(
                "feature `{feature}` is not named mistake-<lesson>-<exercise>-<what>"
            ));
        };
        found.push(Mistake {
            feature: feature.to_string(),
            exercise: format!("{lesson}::{exercise}"),
            what: what.replace('_', " "),
        });
    }
    Ok(found)
}

fn check_mistake(workspace: &Path, mistake: &Mistake, runs: usize) -> Result<Vec<String>, String> {
    let mut problems = Vec::new();
    if !EXERCISES.iter().any(|e| e.id == mistake.exercise) {
        problems.push(format!(
            "{}: no exercise {} in the catalog",
            mistake.feature, mistake.exercise
        ));
        return Ok(problems);
    }
    let filter = format!("suite::{}::", mistake.exercise);
    let mut catchers = BTreeSet::new();
    for attempt in 1..=runs {
        let run = suite(
            "solutions",
            Some(&mistake.feature),
            Some(&filter),
            workspace,
        )?;
        let failed: Vec<&str> = run
            .of(&mistake.exercise)
            .filter(|(_, outcome)| !outcome.passed)
            .map(|(test, _)| test)
            .collect();
        if failed.is_empty() {
            problems.push(format!(
                "{} ({}) slipped through on run {attempt} of {runs}",
                mistake.exercise, mistake.what
            ));
            break;
        }
        catchers.extend(failed.into_iter().map(String::from));
    }
    if problems.is_empty() {
        let caught_by: Vec<String> = catchers.into_iter().collect();
        println!(
            "  ✔ {} ({}): caught by {}",
            mistake.exercise,
            mistake.what,
            caught_by.join(", ")
        );
    } else {
        println!("  ✘ {}", problems[0]);
    }
    Ok(problems)
}

fn report(problems: &[String], success: &str) {
    if problems.is_empty() {
        println!("  ✔ {success}");
    }
    for problem in problems {
        println!("  ✘ {problem}");
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}
