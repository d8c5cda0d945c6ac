//! The catalog, `exercises/catalog.toml`: every lesson and exercise of the course, in order,
//! one entry each. Everything else about an exercise follows from its entry: where its stub,
//! answer and tests live, where the book explains it, and its hints.

use std::fs;
use std::path::Path;

use toml::{Table, Value};

/// The catalog's place in the workspace.
pub const PATH: &str = "exercises/catalog.toml";

/// Every lesson and exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    /// Lessons, in course order.
    pub lessons: Vec<Lesson>,
    /// Exercises, in the order to do them.
    pub exercises: Vec<Exercise>,
}

/// A lesson that has exercises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    /// Its module in the exercises crate: `l01_threading`.
    pub module: String,
    /// Its title: `Lesson 01: threads`.
    pub title: String,
    /// Its chapter in `book/src`.
    pub chapter: String,
    /// Whether its tests also run under the model checker (`--features model`).
    pub model_checked: bool,
}

/// One exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    /// Module path: `l01_threading::event`.
    pub id: String,
    /// What it asks for, in a few words.
    pub title: String,
    /// The book passage that explains it: `chapter.md#anchor`.
    pub read: String,
    /// Hints, from a nudge to code.
    pub hints: Vec<String>,
}

impl Exercise {
    /// The lesson module: `l01_threading`.
    pub fn lesson(&self) -> &str {
        self.id.split("::").next().unwrap_or(&self.id)
    }

    /// The exercise's own name: `event`.
    pub fn name(&self) -> &str {
        self.id.rsplit("::").next().unwrap_or(&self.id)
    }

    fn file(&self, root: &str) -> String {
        format!("{root}/{}.rs", self.id.replace("::", "/"))
    }

    /// The stub, from the workspace root.
    pub fn stub_path(&self) -> String {
        self.file("exercises/src")
    }

    /// The reference answer, from the workspace root.
    pub fn solution_path(&self) -> String {
        self.file("solutions/src")
    }

    /// Its tests, from the workspace root.
    pub fn suite_path(&self) -> String {
        self.file("exercises/tests/suite")
    }
}

impl Catalog {
    /// Reads and checks `exercises/catalog.toml` under `workspace`.
    pub fn load(workspace: &Path) -> Result<Self, String> {
        let text = fs::read_to_string(workspace.join(PATH))
            .map_err(|error| format!("cannot read {PATH}: {error}"))?;
        Self::parse(&text).map_err(|why| format!("{PATH}: {why}"))
    }

    /// Parses the catalog's text.
    pub fn parse(text: &str) -> Result<Self, String> {
        let table: Table = text.parse().map_err(|error| format!("not TOML: {error}"))?;
        let lessons = entries(&table, "lesson")?
            .into_iter()
            .map(|entry| {
                Ok(Lesson {
                    module: text_field(entry, "module")?,
                    title: text_field(entry, "title")?,
                    chapter: text_field(entry, "chapter")?,
                    model_checked: entry
                        .get("model_checked")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let exercises = entries(&table, "exercise")?
            .into_iter()
            .map(|entry| {
                let id = text_field(entry, "id")?;
                let hints = entry
                    .get("hints")
                    .and_then(Value::as_array)
                    .ok_or_else(|| format!("exercise {id} has no `hints` list"))?
                    .iter()
                    .map(|hint| hint.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| format!("exercise {id}: every hint must be text"))?;
                Ok(Exercise {
                    title: text_field(entry, "title")?,
                    read: text_field(entry, "read")?,
                    hints,
                    id,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Self { lessons, exercises })
    }

    /// The lesson with this module name.
    pub fn lesson(&self, module: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|lesson| lesson.module == module)
    }

    /// The exercise with this exact id.
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|exercise| exercise.id == id)
    }

    /// Finds an exercise by its full id (`l01_threading::event`), its own name (`event`), or a
    /// part of its id that only one exercise has.
    pub fn find(&self, query: &str) -> Result<&Exercise, String> {
        if let Some(exact) = self
            .exercises
            .iter()
            .find(|e| e.id == query || e.name() == query)
        {
            return Ok(exact);
        }
        let matches: Vec<&Exercise> = self
            .exercises
            .iter()
            .filter(|e| e.id.contains(query))
            .collect();
        match matches.as_slice() {
            [one] => Ok(one),
            [] => Err(format!(
                "no exercise matches `{query}`; `cargo run -p exercises -- list` shows them all"
            )),
            many => Err(format!(
                "`{query}` matches {}; say which",
                many.iter()
                    .map(|e| e.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// The exercise a test belongs to, from the test's name: the `lesson::exercise` part of
    /// `…::suite::lesson::exercise::test` or `lesson::exercise::test`.
    pub fn exercise_of_test(&self, test: &str) -> Option<&Exercise> {
        let name = test.rsplit_once("suite::").map_or(test, |(_, rest)| rest);
        self.exercises.iter().find(|exercise| {
            name.strip_prefix(exercise.id.as_str())
                .is_some_and(|rest| rest.starts_with("::"))
        })
    }
}

fn entries<'t>(table: &'t Table, key: &str) -> Result<Vec<&'t Table>, String> {
    match table.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_table()
                    .ok_or_else(|| format!("every [[{key}]] must be a table"))
            })
            .collect(),
        Some(_) => Err(format!("`{key}` must be written [[{key}]]")),
    }
}

fn text_field(entry: &Table, key: &str) -> Result<String, String> {
    entry
        .get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| {
            let name = entry
                .get("id")
                .or_else(|| entry.get("module"))
                .and_then(Value::as_str)
                .unwrap_or("an entry");
            format!("{name} has no `{key}`")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[lesson]]
module = "l01_threading"
title = "Lesson 01: threads"
chapter = "lesson-01-threading.md"

[[exercise]]
id = "l01_threading::event"
title = "an Event"
read = "lesson-01-threading.md#events-and-semaphores"
hints = ["nudge", "closer", "code"]

[[exercise]]
id = "l01_threading::event_loop"
title = "another"
read = "lesson-01-threading.md#events-and-semaphores"
hints = ["one", "two"]
"#;

    #[test]
    fn reads_lessons_and_exercises_in_order() {
        let catalog = Catalog::parse(SAMPLE).unwrap();
        assert_eq!(catalog.lessons[0].title, "Lesson 01: threads");
        assert!(!catalog.lessons[0].model_checked);
        let event = &catalog.exercises[0];
        assert_eq!((event.lesson(), event.name()), ("l01_threading", "event"));
        assert_eq!(event.hints, ["nudge", "closer", "code"]);
        assert_eq!(event.stub_path(), "exercises/src/l01_threading/event.rs");
        assert_eq!(
            event.suite_path(),
            "exercises/tests/suite/l01_threading/event.rs"
        );
    }

    #[test]
    fn finds_exercises_and_the_exercise_of_a_test() {
        let catalog = Catalog::parse(SAMPLE).unwrap();
        assert_eq!(catalog.find("event").unwrap().id, "l01_threading::event");
        assert_eq!(
            catalog.find("loop").unwrap().id,
            "l01_threading::event_loop"
        );
        assert!(catalog.find("nothing").is_err());
        let test = "suite::l01_threading::event_loop::wakes";
        assert_eq!(
            catalog.exercise_of_test(test).unwrap().id,
            "l01_threading::event_loop"
        );
        assert!(catalog.exercise_of_test("suite::l02::x::y").is_none());
    }

    #[test]
    fn says_what_is_missing() {
        let broken = SAMPLE.replace("read = \"lesson-01-threading.md#events-and-semaphores\"\nhints = [\"nudge\", \"closer\", \"code\"]", "hints = [\"x\"]");
        let why = Catalog::parse(&broken).unwrap_err();
        assert!(why.contains("l01_threading::event has no `read`"), "{why}");
    }

    #[test]
    fn the_real_catalog_parses() {
        let catalog = Catalog::load(&crate::workspace::root()).unwrap();
        assert!(catalog.exercise("warmup::both").is_some());
    }
}
