//! Scaffolding for maintainers: `new <lesson>::<name>` writes an exercise (stub, answer,
//! tests, catalog entry) and registers it everywhere it must be; `new-mistake <exercise>
//! <what>` starts a plausible mistake from the stub. Both produce something `verify` accepts
//! as it is, so the maintainer's first run is green and every later edit is a real change.

use std::fs;
use std::path::Path;

use crate::book;
use crate::catalog::{Catalog, PATH as CATALOG};
use crate::verify::is_module_name;

/// Writes a new exercise `id` (`lesson::name`); returns what it did and what to do next.
pub fn new_exercise(workspace: &Path, id: &str) -> Result<String, String> {
    let catalog = Catalog::load(workspace)?;
    let Some((lesson, name)) = id
        .split_once("::")
        .filter(|(lesson, name)| is_module_name(lesson) && is_module_name(name))
    else {
        return Err(format!(
            "`{id}` must be <lesson>::<name>, both snake_case, like l02_race::counter"
        ));
    };
    if catalog.exercise(id).is_some() {
        return Err(format!("{id} already exists"));
    }
    let mut edits = Edits::new(workspace);
    if catalog.lesson(lesson).is_none() {
        new_lesson(&mut edits, lesson)?;
    }
    let chapter = catalog
        .lesson(lesson)
        .map_or("introduction.md", |l| l.chapter.as_str());
    let read = default_passage(workspace, chapter);
    edits.create(&format!("exercises/src/{lesson}/{name}.rs"), &stub(id))?;
    edits.create(&format!("solutions/src/{lesson}/{name}.rs"), &answer(id))?;
    edits.create(
        &format!("exercises/tests/suite/{lesson}/{name}.rs"),
        &tests(name),
    )?;
    edits.declare(&format!("exercises/src/{lesson}/mod.rs"), "pub mod ", name)?;
    edits.declare(&format!("solutions/src/{lesson}/mod.rs"), "pub mod ", name)?;
    edits.declare(
        &format!("exercises/tests/suite/{lesson}/mod.rs"),
        "mod ",
        name,
    )?;
    edits.append(CATALOG, &catalog_entry(id, name, &read))?;
    Ok(edits.report(&format!(
        "Now make it an exercise: write the task in the stub's doc comment (every behaviour the \
         tests check), the answer, tests that fail on the stub and catch the plausible mistakes \
         (`new-mistake {id} <what>`), and the catalog entry's title, hints and book passage. \
         Then: cargo run -p exercises -- verify --exercise {id}"
    )))
}

/// Starts mistake `what` for exercise `id` as a copy of its stub, which the suite already
/// catches; returns what it did.
pub fn new_mistake(workspace: &Path, id: &str, what: &str) -> Result<String, String> {
    let catalog = Catalog::load(workspace)?;
    let exercise = catalog
        .exercise(id)
        .ok_or_else(|| format!("there is no exercise {id} in the catalog"))?;
    if !is_module_name(what) {
        return Err(format!(
            "`{what}` must be snake_case, like lost_update: it names what goes wrong"
        ));
    }
    let stub = fs::read_to_string(workspace.join(exercise.stub_path()))
        .map_err(|error| format!("cannot read {}: {error}", exercise.stub_path()))?;
    let mut edits = Edits::new(workspace);
    edits.create(
        &format!(
            "solutions/mistakes/{}/{}-{what}.rs",
            exercise.lesson(),
            exercise.name()
        ),
        &mistake_from_stub(&stub, what),
    )?;
    Ok(edits.report(
        "Write the wrong answer a learner would plausibly write in place of the todo!()s, \
         keeping the stub's API; then run verify: the suite must catch it on every run.",
    ))
}

fn new_lesson(edits: &mut Edits<'_>, lesson: &str) -> Result<(), String> {
    let title = lesson_title(lesson);
    edits.declare("exercises/src/lib.rs", "pub mod ", lesson)?;
    edits.declare("solutions/src/lib.rs", "pub mod ", lesson)?;
    edits.declare("exercises/tests/suite/mod.rs", "mod ", lesson)?;
    edits.create(
        &format!("exercises/src/{lesson}/mod.rs"),
        &format!("//! {title}: your exercises.\n\n"),
    )?;
    edits.create(
        &format!("solutions/src/{lesson}/mod.rs"),
        &format!("//! {title}: the reference answers.\n\n"),
    )?;
    edits.create(
        &format!("exercises/tests/suite/{lesson}/mod.rs"),
        &format!("use crate::subject::{lesson} as subject;\n\n"),
    )?;
    edits.append(
        CATALOG,
        &format!(
            "\n[[lesson]]\nmodule = \"{lesson}\"\ntitle = \"{title}\"\n\
             # The lesson's chapter in book/src; the introduction until it has one.\n\
             chapter = \"introduction.md\"\n"
        ),
    )
}

/// `l02_race_condition` → `Lesson 02: race condition`.
fn lesson_title(lesson: &str) -> String {
    let digits: String = lesson
        .trim_start_matches('l')
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let rest = lesson
        .trim_start_matches('l')
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches('_')
        .replace('_', " ");
    if digits.is_empty() {
        rest
    } else {
        format!("Lesson {digits}: {rest}")
    }
}

/// The chapter's "Exercises" section if it has one, else the introduction's.
fn default_passage(workspace: &Path, chapter: &str) -> String {
    let candidate = format!("{chapter}#exercises");
    if book::resolve(&workspace.join("book/src"), &candidate).is_ok() {
        candidate
    } else {
        "introduction.md#doing-the-exercises".into()
    }
}

fn stub(id: &str) -> String {
    format!(
        r#"//! # Exercise: (a title)
//!
//! (The task: what to write, and every behaviour the tests check, in the learner's terms.)
//!
//! Tests: `cargo test -p exercises {id}`.
//! Hints, and where to read: `cargo run -p exercises -- hint {id}`.

/// Returns the answer.
pub fn answer() -> u32 {{
    // TODO: return the answer the tests expect.
    todo!("{id}")
}}
"#
    )
}

fn answer(id: &str) -> String {
    format!(
        r#"//! {id}: the reference answer.

/// Returns the answer.
pub fn answer() -> u32 {{
    42
}}
"#
    )
}

fn tests(name: &str) -> String {
    format!(
        r#"use super::subject::{name}::answer;
use crate::kit::ReadMore;

const READ: ReadMore = ReadMore::here(module_path!());

#[test]
fn gives_the_answer() {{
    assert_eq!(answer(), 42, "the answer is 42 ({{READ}})");
}}
"#
    )
}

fn catalog_entry(id: &str, name: &str, read: &str) -> String {
    format!(
        r#"
[[exercise]]
id = "{id}"
title = "{} (a few words on what it asks)"
read = "{read}"
hints = [
    """A nudge: which idea of the lesson does this need?""",
    """Closer: which types and calls, and in what order.""",
    """fn answer() -> u32 {{
        42
    }}""",
]
"#,
        name.replace('_', " ")
    )
}

/// The stub with its doc comment replaced by a mistake's header.
fn mistake_from_stub(stub: &str, what: &str) -> String {
    let body: Vec<&str> = stub
        .lines()
        .skip_while(|line| line.starts_with("//!"))
        .collect();
    format!(
        "//! MISTAKE: {}. (Say what the learner did and why it is wrong, then write it in place \
         of the\n//! stub's todo!()s below; the suite must catch it on every run.)\n{}\n",
        what.replace('_', " "),
        body.join("\n")
    )
}

/// File edits, recorded so the report can list them.
struct Edits<'w> {
    workspace: &'w Path,
    done: Vec<String>,
}

impl<'w> Edits<'w> {
    fn new(workspace: &'w Path) -> Self {
        Self {
            workspace,
            done: Vec::new(),
        }
    }

    fn create(&mut self, file: &str, content: &str) -> Result<(), String> {
        let path = self.workspace.join(file);
        if path.exists() {
            return Err(format!("{file} already exists; nothing was overwritten"));
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|error| format!("{file}: {error}"))?;
        }
        fs::write(&path, content).map_err(|error| format!("{file}: {error}"))?;
        self.done.push(format!("wrote   {file}"));
        Ok(())
    }

    /// Adds the module declaration `{keyword}{name};` after the file's last one.
    fn declare(&mut self, file: &str, keyword: &str, name: &str) -> Result<(), String> {
        let path = self.workspace.join(file);
        let text = fs::read_to_string(&path).unwrap_or_default();
        let line = format!("{keyword}{name};");
        if text.lines().any(|l| l.trim() == line) {
            return Ok(());
        }
        let mut lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .rposition(|l| l.starts_with(keyword) && l.trim_end().ends_with(';'))
            .map_or(lines.len(), |last| last + 1);
        lines.insert(at, &line);
        fs::write(&path, lines.join("\n") + "\n").map_err(|error| format!("{file}: {error}"))?;
        self.done.push(format!("added   `{line}` to {file}"));
        Ok(())
    }

    fn append(&mut self, file: &str, text: &str) -> Result<(), String> {
        let path = self.workspace.join(file);
        let mut content = fs::read_to_string(&path).map_err(|error| format!("{file}: {error}"))?;
        content.push_str(text);
        fs::write(&path, content).map_err(|error| format!("{file}: {error}"))?;
        self.done.push(format!("added   an entry to {file}"));
        Ok(())
    }

    fn report(self, next: &str) -> String {
        format!(
            "{}\n\n{}\n",
            self.done.join("\n"),
            shared::report::wrap(next, 88)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lesson_titles_from_module_names() {
        assert_eq!(
            lesson_title("l02_race_condition"),
            "Lesson 02: race condition"
        );
        assert_eq!(lesson_title("warmup"), "warmup");
    }

    #[test]
    fn a_mistake_keeps_the_stub_body_under_its_own_header() {
        let stub = "//! # Exercise\n//! text\n\npub fn f() -> u8 {\n    todo!()\n}\n";
        let mistake = mistake_from_stub(stub, "off_by_one");
        assert!(mistake.starts_with("//! MISTAKE: off by one."), "{mistake}");
        assert!(
            mistake.contains("pub fn f() -> u8 {\n    todo!()\n}"),
            "{mistake}"
        );
        assert!(!mistake.contains("# Exercise"), "{mistake}");
    }

    #[test]
    fn the_templates_read_as_one_exercise() {
        assert!(stub("l99_demo::first").contains("todo!(\"l99_demo::first\")"));
        assert!(tests("first").contains("use super::subject::first::answer;"));
        let entry = catalog_entry("l99_demo::first", "first", "introduction.md#x");
        let catalog = Catalog::parse(&entry).unwrap();
        assert_eq!(catalog.exercises[0].hints.len(), 3);
    }
}
