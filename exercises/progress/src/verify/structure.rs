//! Step 1 of `verify`: the catalog agrees with the files, and every module is registered.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::book;
use crate::catalog::{Catalog, Exercise, Lesson};

/// Every disagreement between the catalog and the files, in words.
pub fn check(workspace: &Path, catalog: &Catalog) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for lesson in &catalog.lessons {
        problems.extend(check_lesson(workspace, lesson));
    }
    for exercise in &catalog.exercises {
        if !ids.insert(exercise.id.as_str()) {
            problems.push(format!("{} is listed twice in the catalog", exercise.id));
        }
        problems.extend(check_exercise(workspace, catalog, exercise));
    }
    problems.extend(stray_files(workspace, &ids));
    problems
}

fn check_lesson(workspace: &Path, lesson: &Lesson) -> Vec<String> {
    let mut problems = Vec::new();
    let module = &lesson.module;
    if !is_module_name(module) {
        problems.push(format!("lesson `{module}` is not a snake_case module name"));
    }
    if !workspace.join("book/src").join(&lesson.chapter).is_file() {
        problems.push(format!(
            "lesson {module}: its chapter book/src/{} does not exist",
            lesson.chapter
        ));
    }
    let registrations = [
        ("exercises/src/lib.rs", format!("pub mod {module};")),
        ("solutions/src/lib.rs", format!("pub mod {module};")),
        ("exercises/tests/suite/mod.rs", format!("mod {module};")),
        (
            &format!("exercises/tests/suite/{module}/mod.rs") as &str,
            format!("use crate::subject::{module} as subject;"),
        ),
    ];
    for (file, line) in registrations {
        problems.extend(registered(workspace, file, &line));
    }
    problems
}

fn check_exercise(workspace: &Path, catalog: &Catalog, exercise: &Exercise) -> Vec<String> {
    let mut problems = Vec::new();
    let id = &exercise.id;
    let well_formed = matches!(id.split("::").collect::<Vec<_>>().as_slice(),
        [lesson, name] if is_module_name(lesson) && is_module_name(name));
    if !well_formed {
        problems.push(format!(
            "`{id}` is not lesson::exercise in snake_case (no `__`)"
        ));
        return problems;
    }
    if catalog.lesson(exercise.lesson()).is_none() {
        problems.push(format!(
            "{id}: its lesson `{}` has no [[lesson]] entry",
            exercise.lesson()
        ));
    }
    if exercise.hints.len() < 2 || exercise.hints.iter().any(|h| h.trim().is_empty()) {
        problems.push(format!(
            "{id}: hints come in tiers, a nudge first and code last: give at least two, none empty"
        ));
    }
    if let Err(why) = book::resolve(&workspace.join("book/src"), &exercise.read) {
        problems.push(format!("{id}: its book link {why}"));
    }
    match fs::read_to_string(workspace.join(exercise.stub_path())) {
        Err(_) => problems.push(format!("{id}: no stub at {}", exercise.stub_path())),
        Ok(stub) if !stub.contains("todo!(") => problems.push(format!(
            "{id}: the stub has no todo!(): is it still untouched?"
        )),
        Ok(_) => {}
    }
    for (path, what) in [
        (exercise.solution_path(), "answer"),
        (exercise.suite_path(), "tests"),
    ] {
        if !workspace.join(&path).is_file() {
            problems.push(format!("{id}: no {what} at {path}"));
        }
    }
    let (lesson, name) = (exercise.lesson(), exercise.name());
    let registrations = [
        (
            format!("exercises/src/{lesson}/mod.rs"),
            format!("pub mod {name};"),
        ),
        (
            format!("solutions/src/{lesson}/mod.rs"),
            format!("pub mod {name};"),
        ),
        (
            format!("exercises/tests/suite/{lesson}/mod.rs"),
            format!("mod {name};"),
        ),
    ];
    for (file, line) in registrations {
        problems.extend(registered(workspace, &file, &line));
    }
    problems
}

/// A problem if `file` lacks the line `line` (a module declaration).
fn registered(workspace: &Path, file: &str, line: &str) -> Option<String> {
    let text = fs::read_to_string(workspace.join(file)).unwrap_or_default();
    let found = text.lines().any(|l| l.trim() == line);
    (!found).then(|| format!("{file} does not declare `{line}`"))
}

/// Exercise files that no catalog entry names.
fn stray_files(workspace: &Path, ids: &BTreeSet<&str>) -> Vec<String> {
    let roots = [
        ("exercises/src", "stub"),
        ("solutions/src", "answer"),
        ("exercises/tests/suite", "test file"),
    ];
    let mut problems = Vec::new();
    for (root, what) in roots {
        for id in exercise_files(&workspace.join(root)) {
            if !ids.contains(id.as_str()) {
                problems.push(format!(
                    "{root}/{}.rs: a {what} that is not in the catalog",
                    id.replace("::", "/")
                ));
            }
        }
    }
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

/// A module name the tools can take apart again: snake_case, no `__` (the mistakes' harness
/// uses `__` to join names).
pub fn is_module_name(name: &str) -> bool {
    !name.is_empty()
        && !name.contains("__")
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names() {
        assert!(is_module_name("l01_threading") && is_module_name("event"));
        assert!(!is_module_name("l01__threading"));
        assert!(!is_module_name("Event") && !is_module_name("1st") && !is_module_name(""));
    }

    #[test]
    fn the_real_workspace_agrees_with_its_catalog() {
        let root = crate::workspace::root();
        let catalog = Catalog::load(&root).unwrap();
        assert_eq!(check(&root, &catalog), Vec::<String>::new());
    }
}
