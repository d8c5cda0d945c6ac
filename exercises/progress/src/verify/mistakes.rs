//! Step 4 of `verify`: every plausible mistake in `solutions/mistakes/` is caught.
//!
//! A mistake is a file `solutions/mistakes/<lesson>/<exercise>-<what>.rs` with the same API as
//! the exercise's answer. The solutions crate's build script compiles every such file, each
//! with its exercise's tests, into one test binary (the `mistakes` target), under the module
//! `<lesson>__<exercise>__<what>`. There is nothing to register: a file there is a mistake.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::Options;
use super::structure::is_module_name;
use crate::catalog::Catalog;
use crate::suite_run::{self, SuiteRun, Target};

/// One plausible mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// Its file, from the workspace root.
    pub file: String,
    /// The exercise it answers wrongly: `l01_threading::event`.
    pub exercise: String,
    /// What goes wrong, in words: `lost wakeup`.
    pub what: String,
    /// Its module in the harness: `l01_threading__event__lost_wakeup`.
    pub module: String,
}

/// The mistakes found on disk, and what is wrong with any of them.
pub struct Found {
    /// Mistakes that name an exercise of the catalog.
    pub mistakes: Vec<Mistake>,
    /// Files that do not.
    pub problems: Vec<String>,
}

/// Lists the mistakes under `solutions/mistakes/`.
pub fn find(workspace: &Path, catalog: &Catalog) -> Found {
    let mut found = Found {
        mistakes: Vec::new(),
        problems: Vec::new(),
    };
    let root = workspace.join("solutions/mistakes");
    let mut files: Vec<PathBuf> = fs::read_dir(&root)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|lesson| fs::read_dir(lesson.path()).into_iter().flatten().flatten())
        .map(|file| file.path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    for path in files {
        let lesson = path
            .parent()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = format!("solutions/mistakes/{lesson}/{stem}.rs");
        let Some((exercise, what)) = stem.split_once('-') else {
            found
                .problems
                .push(format!("{file}: name it <exercise>-<what>.rs"));
            continue;
        };
        let id = format!("{lesson}::{exercise}");
        if catalog.exercise(&id).is_none() {
            found
                .problems
                .push(format!("{file}: there is no exercise {id} in the catalog"));
            continue;
        }
        if !is_module_name(what) {
            found
                .problems
                .push(format!("{file}: `{what}` must be snake_case, without `__`"));
            continue;
        }
        found.mistakes.push(Mistake {
            module: format!("{lesson}__{exercise}__{what}"),
            what: what.replace('_', " "),
            exercise: id,
            file,
        });
    }
    found
}

/// One run of one mistake's tests.
struct Round {
    mistake: usize,
    run: SuiteRun,
}

/// Builds the harness (twice if a model-checked lesson has mistakes), runs every mistake
/// `options.mistake_runs` times, and returns the mistakes that slipped through.
pub fn check(
    workspace: &Path,
    catalog: &Catalog,
    mistakes: &[Mistake],
    options: &Options,
) -> Result<Vec<String>, String> {
    if mistakes.is_empty() {
        println!("  (no mistakes to check)");
        return Ok(Vec::new());
    }
    let model_checked = |mistake: &Mistake| {
        catalog
            .exercise(&mistake.exercise)
            .and_then(|exercise| catalog.lesson(exercise.lesson()))
            .is_some_and(|lesson| lesson.model_checked)
    };
    let mut harnesses = vec![(build(workspace, None)?, false)];
    if mistakes.iter().any(model_checked) {
        harnesses.push((build(workspace, Some("model"))?, true));
    }
    let mut problems = Vec::new();
    for (binary, _) in &harnesses {
        problems.extend(missing_from(binary, mistakes)?);
    }

    // Every (mistake, harness) pair, run `mistake_runs` times over.
    let jobs: Vec<(usize, &Path)> = (0..options.mistake_runs)
        .flat_map(|_| {
            mistakes.iter().enumerate().flat_map(|(index, mistake)| {
                harnesses
                    .iter()
                    .filter(move |(_, model)| !model || model_checked(mistake))
                    .map(move |(binary, _)| (index, binary.as_path()))
            })
        })
        .collect();
    let rounds = run_all(&jobs, mistakes, options.jobs);

    for (index, mistake) in mistakes.iter().enumerate() {
        let mine: Vec<&Round> = rounds.iter().filter(|r| r.mistake == index).collect();
        let per_run = harnesses
            .iter()
            .filter(|(_, model)| !model || model_checked(mistake))
            .count();
        let mut catchers = BTreeSet::new();
        let mut slipped = 0;
        let mut crashed = false;
        for run in mine.chunks(per_run.max(1)) {
            let failed: Vec<&str> = run
                .iter()
                .flat_map(|round| round.run.within(format!("{}::tests::", mistake.module)))
                .filter(|(_, outcome)| !outcome.passed)
                .map(|(test, _)| test)
                .collect();
            crashed |= run.iter().any(|round| !round.run.finished);
            if failed.is_empty() {
                slipped += 1;
            }
            catchers.extend(failed.into_iter().map(String::from));
        }
        let name = format!("{} ({})", mistake.exercise, mistake.what);
        if crashed {
            let problem = format!(
                "{name} crashed the test binary: a mistake must fail a test, not abort \
                 (see {})",
                mistake.file
            );
            println!("  ✘ {problem}");
            problems.push(problem);
        } else if slipped > 0 {
            let problem = format!(
                "{name} slipped through on {slipped} of {} run(s) ({})",
                options.mistake_runs, mistake.file
            );
            println!("  ✘ {problem}");
            problems.push(problem);
        } else {
            let caught_by: Vec<String> = catchers.into_iter().collect();
            println!("  ✔ {name}: caught by {}", caught_by.join(", "));
        }
    }
    Ok(problems)
}

fn build(workspace: &Path, features: Option<&str>) -> Result<PathBuf, String> {
    let target = Target {
        package: "solutions",
        test: "mistakes",
        features,
        filter: None,
    };
    suite_run::build(workspace, &target).map_err(|error| format!("the mistakes' harness: {error}"))
}

/// Mistakes whose module the harness does not contain.
fn missing_from(binary: &Path, mistakes: &[Mistake]) -> Result<Vec<String>, String> {
    let listing = std::process::Command::new(binary)
        .arg("--list")
        .output()
        .map_err(|error| format!("cannot list the harness's tests: {error}"))?;
    let listing = String::from_utf8_lossy(&listing.stdout);
    let modules: BTreeSet<&str> = listing
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .filter_map(|test| test.split_once("::tests::").map(|(module, _)| module))
        .collect();
    Ok(mistakes
        .iter()
        .filter(|mistake| !modules.contains(mistake.module.as_str()))
        .map(|mistake| {
            format!(
                "{}: the harness has no tests for it (does the build script see it?)",
                mistake.file
            )
        })
        .collect())
}

/// Runs every job (a mistake in a harness), `parallel` processes at a time.
fn run_all(jobs: &[(usize, &Path)], mistakes: &[Mistake], parallel: usize) -> Vec<Round> {
    let next = AtomicUsize::new(0);
    let rounds = Mutex::new(BTreeMap::new());
    std::thread::scope(|scope| {
        for _ in 0..parallel.max(1) {
            scope.spawn(|| {
                loop {
                    let job = next.fetch_add(1, Ordering::SeqCst);
                    let Some(&(mistake, binary)) = jobs.get(job) else {
                        break;
                    };
                    let filter = format!("{}::", mistakes[mistake].module);
                    let run = suite_run::run_binary(binary, &[&filter, "--test-threads", "4"])
                        .unwrap_or_default();
                    rounds
                        .lock()
                        .expect("a runner panicked")
                        .insert(job, Round { mistake, run });
                }
            });
        }
    });
    // In job order, so each mistake's runs come in the order they were queued.
    rounds
        .into_inner()
        .expect("a runner panicked")
        .into_values()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mistake_on_disk_names_an_exercise() {
        let root = crate::workspace::root();
        let catalog = Catalog::load(&root).unwrap();
        let found = find(&root, &catalog);
        assert_eq!(found.problems, Vec::<String>::new());
        let lost_wakeup = found
            .mistakes
            .iter()
            .find(|m| m.file.ends_with("event-lost_wakeup.rs"))
            .expect("lesson 01's lost wake-up mistake");
        assert_eq!(lost_wakeup.exercise, "l01_threading::event");
        assert_eq!(lost_wakeup.module, "l01_threading__event__lost_wakeup");
        assert_eq!(lost_wakeup.what, "lost wakeup");
    }
}
