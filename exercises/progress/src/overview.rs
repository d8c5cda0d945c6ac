//! `cargo run -p exercises`: what is done, what is next, and why the next one fails.

use std::fs;
use std::path::Path;

use crate::book;
use crate::catalog::{Catalog, Exercise};
use crate::suite_run::{self, RunError, SuiteRun, Target};

/// How far one exercise is.
#[derive(Debug, Clone)]
pub struct Status<'c> {
    /// The exercise.
    pub exercise: &'c Exercise,
    /// Its tests that pass.
    pub passed: usize,
    /// All its tests.
    pub total: usize,
    /// Its first failing test and that test's message.
    pub first_failure: Option<(String, String)>,
}

impl Status<'_> {
    /// Every test passes (and there is at least one).
    pub fn complete(&self) -> bool {
        self.total > 0 && self.passed == self.total
    }
}

/// Runs the suite against `package` (`exercises`, the learner's code, or `solutions`): the
/// whole suite, and again under the model checker for the lessons whose tests need it. `only`
/// narrows both runs to one exercise.
pub fn run_tests(
    workspace: &Path,
    catalog: &Catalog,
    package: &str,
    only: Option<&str>,
) -> Result<Vec<SuiteRun>, RunError> {
    let filter = only.map(|id| format!("suite::{id}::"));
    let plain = Target {
        package,
        test: package,
        features: None,
        filter: filter.as_deref(),
    };
    let mut runs = vec![suite_run::run(workspace, &plain)?];
    for lesson in catalog.lessons.iter().filter(|l| l.model_checked) {
        let wanted = only.is_none_or(|id| id.starts_with(&format!("{}::", lesson.module)));
        if wanted {
            let lesson_filter = format!("suite::{}::", lesson.module);
            let model = Target {
                features: Some("model"),
                filter: Some(filter.as_deref().unwrap_or(&lesson_filter)),
                ..plain
            };
            runs.push(suite_run::run(workspace, &model)?);
        }
    }
    Ok(runs)
}

/// Every exercise's status in these runs, in catalog order.
pub fn statuses<'c>(catalog: &'c Catalog, runs: &[SuiteRun]) -> Vec<Status<'c>> {
    catalog
        .exercises
        .iter()
        .map(|exercise| {
            let tests: Vec<_> = runs.iter().flat_map(|run| run.of(&exercise.id)).collect();
            let first_failure = tests
                .iter()
                .find(|(_, outcome)| !outcome.passed)
                .map(|(name, outcome)| (name.to_string(), outcome.message.clone()));
            Status {
                exercise,
                passed: tests.iter().filter(|(_, outcome)| outcome.passed).count(),
                total: tests.len(),
                first_failure,
            }
        })
        .collect()
}

/// The default command: runs the tests and shows progress.
pub fn show(workspace: &Path) -> Result<(), String> {
    let catalog = Catalog::load(workspace)?;
    println!("Running your tests (cargo test -p exercises)…");
    let runs = match run_tests(workspace, &catalog, "exercises", None) {
        Ok(runs) => runs,
        Err(error) => return Err(explain_run_error(&error)),
    };
    let statuses = statuses(&catalog, &runs);
    print_table(&catalog, &statuses);
    for warning in unseen_by_the_model(workspace, &catalog) {
        println!("\n⚠ {warning}");
    }
    let done = statuses.iter().filter(|s| s.complete()).count();
    println!("\nDone: {done} of {} exercises.", statuses.len());
    match statuses.iter().find(|s| !s.complete()) {
        Some(next) => print!("{}", next_steps(workspace, next)),
        None => print!("{}", all_done(workspace, &catalog)),
    }
    Ok(())
}

/// Lines of the learner's code in model-checked lessons that use `std::sync` or `std::thread`
/// directly: the model checker only sees what goes through `shared::sync`, so such code would
/// pass its model tests unexamined.
pub fn unseen_by_the_model(workspace: &Path, catalog: &Catalog) -> Vec<String> {
    let mut warnings = Vec::new();
    for lesson in catalog.lessons.iter().filter(|l| l.model_checked) {
        let dir = workspace.join("exercises/src").join(&lesson.module);
        let mut files: Vec<_> = fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "rs"))
            .collect();
        files.sort();
        for file in files {
            let text = fs::read_to_string(&file).unwrap_or_default();
            for (number, line) in (1..).zip(text.lines()) {
                let code = line.split("//").next().unwrap_or_default();
                if code.contains("std::sync") || code.contains("std::thread") {
                    warnings.push(format!(
                        "exercises/src/{}/{}:{number} uses std directly: the model checker cannot \
                         see it, so its model tests prove nothing. Use shared::sync instead.",
                        lesson.module,
                        file.file_name().unwrap_or_default().to_string_lossy()
                    ));
                }
            }
        }
    }
    warnings
}

/// What to tell a learner whose tests did not run: the compiler's first errors, in a few lines.
pub fn explain_run_error(error: &RunError) -> String {
    match error {
        RunError::DidNotBuild { errors, .. } if !errors.is_empty() => {
            let mut text = String::from("\nYour code does not compile yet. The first errors:\n");
            for error in errors.iter().take(5) {
                text.push_str(&format!("  {error}\n"));
            }
            if errors.len() > 5 {
                text.push_str(&format!("  … and {} more\n", errors.len() - 5));
            }
            text.push_str(
                "`cargo test -p exercises` shows the compiler's whole explanation of each.",
            );
            text
        }
        other => other.to_string(),
    }
}

fn print_table(catalog: &Catalog, statuses: &[Status<'_>]) {
    let id_width = statuses
        .iter()
        .map(|s| s.exercise.id.len())
        .max()
        .unwrap_or(0);
    let title_width = statuses
        .iter()
        .map(|s| s.exercise.title.chars().count())
        .max()
        .unwrap_or(0);
    let mut lesson = "";
    for status in statuses {
        if status.exercise.lesson() != lesson {
            lesson = status.exercise.lesson();
            println!("\n{}", lesson_title(catalog, lesson));
        }
        let mark = if status.complete() {
            "✔"
        } else if status.passed > 0 {
            "◐"
        } else {
            "·"
        };
        println!(
            "  {mark} {:id_width$}  {:title_width$}  {}/{} tests pass",
            status.exercise.id, status.exercise.title, status.passed, status.total
        );
    }
}

fn lesson_title<'c>(catalog: &'c Catalog, module: &str) -> &'c str {
    catalog.lesson(module).map_or("Other", |l| l.title.as_str())
}

/// The next exercise: where it is, how to test it, where to read, and its first failure.
pub fn next_steps(workspace: &Path, next: &Status<'_>) -> String {
    let exercise = next.exercise;
    let mut text = format!("\nNext: {} — {}\n", exercise.id, exercise.title);
    text.push_str(&format!("  edit   {}\n", exercise.stub_path()));
    text.push_str(&format!(
        "  test   cargo test -p exercises {}\n",
        exercise.id
    ));
    text.push_str(&format!(
        "  hint   cargo run -p exercises -- hint {}\n",
        exercise.name()
    ));
    if let Ok(passage) = book::resolve(&workspace.join("book/src"), &exercise.read) {
        text.push_str(&format!("  read   {}\n", passage.in_words()));
    }
    if let Some((test, message)) = &next.first_failure {
        text.push_str(&format!("\nFirst failing test, {test}:\n"));
        for line in message.lines() {
            text.push_str(&format!("  | {line}\n"));
        }
    }
    text
}

/// What to do after the last exercise: compare answers, and the chapters that come after the
/// lessons in the book (read from its table of contents, so only chapters that exist).
fn all_done(workspace: &Path, catalog: &Catalog) -> String {
    let mut text = String::from(
        "\nAll done. Compare your answers with the reference ones in solutions/src/ (each says \
         why it is built the way it is).\n",
    );
    let summary = fs::read_to_string(workspace.join("book/src/SUMMARY.md")).unwrap_or_default();
    let chapters = chapters_after_lessons(&summary, catalog);
    if !chapters.is_empty() {
        text.push_str("Then read the book's closing chapters:\n");
        for (title, file) in chapters {
            text.push_str(&format!("  {title} (book/src/{file})\n"));
        }
    }
    text
}

/// The chapters listed in `SUMMARY.md` after the last lesson with exercises.
fn chapters_after_lessons<'s>(summary: &'s str, catalog: &Catalog) -> Vec<(&'s str, &'s str)> {
    let links: Vec<(&str, &str)> = summary
        .lines()
        .filter_map(|line| {
            let (title, rest) = line.split_once('[')?.1.split_once("](")?;
            Some((title, rest.split_once(')')?.0))
        })
        .collect();
    let last_lesson = links
        .iter()
        .rposition(|(_, file)| catalog.lessons.iter().any(|l| l.chapter == *file));
    match last_lesson {
        Some(position) => links[position + 1..].to_vec(),
        None => Vec::new(),
    }
}

/// `cargo run -p exercises -- list`: every exercise and its file.
pub fn list(workspace: &Path) -> Result<(), String> {
    let catalog = Catalog::load(workspace)?;
    let mut lesson = "";
    for exercise in &catalog.exercises {
        if exercise.lesson() != lesson {
            lesson = exercise.lesson();
            println!("\n{}", lesson_title(&catalog, lesson));
        }
        println!("  {:32} {}", exercise.id, exercise.title);
        println!("  {:32} {}", "", exercise.stub_path());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suite_run::CompileError;

    #[test]
    fn closing_chapters_are_the_ones_after_the_last_lesson() {
        let catalog = Catalog::parse(
            "[[lesson]]\nmodule = \"l01\"\ntitle = \"L1\"\nchapter = \"lesson-01.md\"\n",
        )
        .unwrap();
        let summary = "# Summary\n\n[Introduction](introduction.md)\n- [Lesson 01](lesson-01.md)\n\
                       - [Choosing](choosing.md)\n- [Beyond one machine](beyond.md)\n";
        assert_eq!(
            chapters_after_lessons(summary, &catalog),
            [
                ("Choosing", "choosing.md"),
                ("Beyond one machine", "beyond.md")
            ]
        );
    }

    #[test]
    fn code_the_model_checker_cannot_see_is_pointed_out() {
        let root = std::env::temp_dir().join(format!("progress-model-{}", std::process::id()));
        let lesson = root.join("exercises/src/l02_x");
        fs::create_dir_all(&lesson).unwrap();
        fs::write(
            lesson.join("a.rs"),
            "//! not std::sync::Mutex, in a comment\nuse shared::sync::Mutex;\n",
        )
        .unwrap();
        fs::write(lesson.join("b.rs"), "use std::sync::Mutex; // oops\n").unwrap();
        let catalog = Catalog::parse(
            "[[lesson]]\nmodule = \"l02_x\"\ntitle = \"L2\"\nchapter = \"x.md\"\nmodel_checked = true\n",
        )
        .unwrap();
        let warnings = unseen_by_the_model(&root, &catalog);
        fs::remove_dir_all(&root).unwrap();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("exercises/src/l02_x/b.rs:1 uses std"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_build_failure_is_a_few_lines_with_file_and_line() {
        let error = RunError::DidNotBuild {
            errors: vec![
                CompileError {
                    location: "exercises/src/warmup/both.rs:20:5".into(),
                    message: "error[E0308]: mismatched types".into(),
                };
                7
            ],
            output: "long cargo output".into(),
        };
        let text = explain_run_error(&error);
        assert!(
            text.contains("exercises/src/warmup/both.rs:20:5: error[E0308]"),
            "{text}"
        );
        assert!(text.contains("… and 2 more"), "{text}");
        assert!(!text.contains("long cargo output"), "{text}");
    }
}
