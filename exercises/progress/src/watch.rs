//! `cargo run -p exercises -- watch`: reruns the current exercise's tests each time a file under
//! `exercises/src` is saved, and moves on to the next exercise when they all pass, as
//! rustlings' `watch` does. Ctrl-C ends it: nothing is left behind (no terminal mode to
//! restore, and the cargo it may be running gets the same interrupt).
//!
//! The decisions live in [`Watch`], apart from files, processes and the terminal, so they are
//! tested on their own; [`run`] only feeds it events.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::catalog::Catalog;
use crate::overview::{Status, explain_run_error, next_steps, run_tests, statuses};

/// What to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Run these tests (one exercise's, or all of them with `None`) and report.
    Test(Option<String>),
    /// Wait for the learner to save a file.
    WaitForSave,
    /// Every exercise is done.
    Finished,
}

/// The watcher's state: which exercise the learner is on, and which ones pass.
#[derive(Debug, Default)]
pub struct Watch {
    current: Option<String>,
    passing: BTreeSet<String>,
}

impl Watch {
    /// A watcher that does not know yet where the learner is: it starts by running everything.
    pub fn new() -> Self {
        Self::default()
    }

    /// The exercise being worked on, once known.
    pub fn current(&self) -> Option<&str> {
        self.current.as_deref()
    }

    /// The first step: run every test, to find the first unfinished exercise.
    pub fn start(&self) -> Step {
        Step::Test(None)
    }

    /// After a test run of the exercises in `tested` (all of them, or the current one): the
    /// current exercise is the first in `order` (the catalog's) that does not pass. Stay on one
    /// that still fails; on moving to one not tested yet, test it at once to show what it asks;
    /// finish when none is left.
    pub fn after_run(&mut self, order: &[&str], tested: &[Status<'_>]) -> Step {
        for status in tested {
            if status.complete() {
                self.passing.insert(status.exercise.id.clone());
            } else {
                self.passing.remove(&status.exercise.id);
            }
        }
        let Some(next) = order.iter().find(|id| !self.passing.contains(**id)) else {
            return Step::Finished;
        };
        let was_tested = tested.iter().any(|s| s.exercise.id == *next);
        self.current = Some(next.to_string());
        if was_tested {
            Step::WaitForSave
        } else {
            Step::Test(self.current.clone())
        }
    }

    /// A file changed: a saved Rust source under the exercises reruns the current exercise's
    /// tests (whichever file it was: helpers and other exercises can matter too).
    pub fn after_change(&self, path: &Path) -> Option<Step> {
        let is_source = path.extension().is_some_and(|e| e == "rs");
        let in_target = path.components().any(|c| c.as_os_str() == "target");
        (is_source && !in_target).then(|| Step::Test(self.current.clone()))
    }
}

/// Watches `exercises/src` and drives a [`Watch`] until every exercise passes or Ctrl-C.
pub fn run(workspace: &Path) -> Result<(), String> {
    let catalog = Catalog::load(workspace)?;
    let (changed, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && (event.kind.is_modify() || event.kind.is_create())
        {
            for path in event.paths {
                let _ = changed.send(path);
            }
        }
    })
    .map_err(|error| format!("cannot watch files here: {error}"))?;
    let sources = workspace.join("exercises/src");
    watcher
        .watch(&sources, RecursiveMode::Recursive)
        .map_err(|error| format!("cannot watch {}: {error}", sources.display()))?;

    println!("Watching exercises/src: save a file to rerun its tests; Ctrl-C to stop.");
    let mut watch = Watch::new();
    let mut step = watch.start();
    loop {
        step = match step {
            Step::Test(only) => test(workspace, &catalog, &mut watch, only.as_deref()),
            Step::WaitForSave => match next_save(&changes, &watch) {
                Some(step) => step,
                None => return Err("the file watcher stopped".into()),
            },
            Step::Finished => {
                println!("\nEvery exercise passes. Well done!");
                return Ok(());
            }
        };
    }
}

fn test(workspace: &Path, catalog: &Catalog, watch: &mut Watch, only: Option<&str>) -> Step {
    match only {
        Some(id) => println!("\nTesting {id}…"),
        None => println!("\nTesting every exercise…"),
    }
    match run_tests(workspace, catalog, "exercises", only) {
        Err(error) => {
            println!("{}", explain_run_error(&error));
            Step::WaitForSave
        }
        Ok(runs) => {
            let tested: Vec<Status<'_>> = statuses(catalog, &runs)
                .into_iter()
                .filter(|s| only.is_none_or(|id| s.exercise.id == id))
                .collect();
            let order: Vec<&str> = catalog.exercises.iter().map(|e| e.id.as_str()).collect();
            let before = watch.current().map(String::from);
            let step = watch.after_run(&order, &tested);
            print!(
                "{}",
                narrate(workspace, before.as_deref(), &tested, watch.current())
            );
            step
        }
    }
}

fn narrate(
    workspace: &Path,
    before: Option<&str>,
    tested: &[Status<'_>],
    now: Option<&str>,
) -> String {
    let mut text = String::new();
    if let Some(done) = before.filter(|before| Some(*before) != now) {
        text.push_str(&format!("\n✔ {done}: every test passes.\n"));
    }
    if let Some(current) = now.and_then(|id| tested.iter().find(|s| s.exercise.id == id)) {
        text.push_str(&format!(
            "\n{}: {} of {} tests pass.",
            current.exercise.id, current.passed, current.total
        ));
        text.push_str(&next_steps(workspace, current));
        text.push_str("\nWaiting for you to save a file…\n");
    }
    text
}

/// Waits for a save that matters, then lets the burst of events an editor makes settle.
fn next_save(changes: &mpsc::Receiver<std::path::PathBuf>, watch: &Watch) -> Option<Step> {
    loop {
        let path = changes.recv().ok()?;
        if let Some(step) = watch.after_change(&path) {
            while changes.recv_timeout(Duration::from_millis(200)).is_ok() {}
            return Some(step);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Exercise;

    fn exercises() -> Vec<Exercise> {
        [
            "warmup::both",
            "l01_threading::event",
            "l01_threading::semaphore",
        ]
        .into_iter()
        .map(|id| Exercise {
            id: id.into(),
            title: String::new(),
            read: String::new(),
            hints: Vec::new(),
        })
        .collect()
    }

    fn statuses<'e>(exercises: &'e [Exercise], passing: &[bool]) -> Vec<Status<'e>> {
        exercises
            .iter()
            .zip(passing)
            .map(|(exercise, &passes)| Status {
                exercise,
                passed: if passes { 3 } else { 1 },
                total: 3,
                first_failure: None,
            })
            .collect()
    }

    const ORDER: [&str; 3] = [
        "warmup::both",
        "l01_threading::event",
        "l01_threading::semaphore",
    ];

    #[test]
    fn it_starts_on_the_first_unfinished_exercise_and_waits() {
        let list = exercises();
        let mut watch = Watch::new();
        assert_eq!(watch.start(), Step::Test(None));
        let step = watch.after_run(&ORDER, &statuses(&list, &[true, false, false]));
        assert_eq!(step, Step::WaitForSave);
        assert_eq!(watch.current(), Some("l01_threading::event"));
    }

    #[test]
    fn a_save_reruns_the_current_exercise_only() {
        let list = exercises();
        let mut watch = Watch::new();
        watch.after_run(&ORDER, &statuses(&list, &[true, false, false]));
        let saved = Path::new("/w/exercises/src/l01_threading/event.rs");
        assert_eq!(
            watch.after_change(saved),
            Some(Step::Test(Some("l01_threading::event".into())))
        );
        assert_eq!(
            watch.after_change(Path::new("/w/exercises/src/notes.txt")),
            None
        );
        assert_eq!(
            watch.after_change(Path::new("/w/target/debug/x.rs")),
            None,
            "build output is not the learner's"
        );
    }

    #[test]
    fn a_passing_exercise_moves_on_and_tests_the_next_at_once() {
        let list = exercises();
        let mut watch = Watch::new();
        watch.after_run(&ORDER, &statuses(&list, &[true, false, false]));
        // Only the current exercise was tested, and it passes now.
        let step = watch.after_run(&ORDER, &statuses(&list[1..2], &[true]));
        assert_eq!(step, Step::Test(Some("l01_threading::semaphore".into())));
        assert_eq!(watch.current(), Some("l01_threading::semaphore"));
        assert_eq!(
            watch.after_run(&ORDER, &statuses(&list[2..], &[false])),
            Step::WaitForSave
        );
    }

    #[test]
    fn a_still_failing_exercise_keeps_the_learner_on_it() {
        let list = exercises();
        let mut watch = Watch::new();
        watch.after_run(&ORDER, &statuses(&list, &[true, false, false]));
        assert_eq!(
            watch.after_run(&ORDER, &statuses(&list[1..2], &[false])),
            Step::WaitForSave
        );
        assert_eq!(watch.current(), Some("l01_threading::event"));
    }

    #[test]
    fn the_last_pass_finishes() {
        let list = exercises();
        let mut watch = Watch::new();
        watch.after_run(&ORDER, &statuses(&list, &[true, true, false]));
        assert_eq!(
            watch.after_run(&ORDER, &statuses(&list[2..], &[true])),
            Step::Finished
        );
    }

    #[test]
    fn the_narration_says_what_passed_and_what_is_next() {
        let list = exercises();
        let now = statuses(&list, &[true, true, false]);
        let text = narrate(
            Path::new("/nowhere"),
            Some("l01_threading::event"),
            &now,
            Some("l01_threading::semaphore"),
        );
        assert!(
            text.contains("✔ l01_threading::event: every test passes."),
            "{text}"
        );
        assert!(
            text.contains("l01_threading::semaphore: 1 of 3 tests pass."),
            "{text}"
        );
        assert!(text.contains("Waiting for you to save a file"), "{text}");
    }
}
