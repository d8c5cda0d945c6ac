//! Every exercise in the course, in the order to do them, with its hint.
//!
//! An exercise's `id` is its module path: the stub is `exercises/src/<id>.rs` (with `::` as
//! `/`), the answer is the same path under `solutions/src/`, and its tests are the module
//! `suite::<id>` in `exercises/tests/suite/`. `cargo run -p exercises -- verify` checks that
//! these all exist and agree.

/// One exercise.
pub struct Exercise {
    /// Module path, e.g. `l01_threading::event`.
    pub id: &'static str,
    /// What it asks for, in a few words.
    pub title: &'static str,
    /// A nudge, not the answer.
    pub hint: &'static str,
    /// Where the book explains it.
    pub read: &'static str,
}

impl Exercise {
    /// The lesson module, e.g. `l01_threading`.
    pub fn lesson(&self) -> &'static str {
        self.id.split("::").next().unwrap_or(self.id)
    }

    /// The stub's path from the workspace root.
    pub fn stub_path(&self) -> String {
        format!("exercises/src/{}.rs", self.id.replace("::", "/"))
    }

    /// The solution's path from the workspace root.
    pub fn solution_path(&self) -> String {
        format!("solutions/src/{}.rs", self.id.replace("::", "/"))
    }
}

/// Lesson modules and their titles, in course order.
pub const LESSONS: &[(&str, &str)] = &[("warmup", "Warm-up")];

/// Every exercise, in the order to do them.
pub const EXERCISES: &[Exercise] = &[Exercise {
    id: "warmup::both",
    title: "run two closures at the same time",
    hint: "std::thread::scope(|s| { … }) gives you `s`; `s.spawn(a)` starts `a` on a new thread \
           and returns a handle. Run `b()` on the current thread meanwhile, then `handle.join()`. \
           join() returns Err(payload) if `a` panicked: std::panic::resume_unwind(payload) \
           continues that same panic in the caller.",
    read: "book: Introduction › How the tests know",
}];

/// Finds an exercise by its full id (`l01_threading::event`), its last part (`event`), or a
/// unique part of its id.
pub fn find(query: &str) -> Result<&'static Exercise, String> {
    if let Some(exact) = EXERCISES
        .iter()
        .find(|e| e.id == query || e.id.rsplit("::").next() == Some(query))
    {
        return Ok(exact);
    }
    let matches: Vec<&Exercise> = EXERCISES.iter().filter(|e| e.id.contains(query)).collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(format!(
            "no exercise matches `{query}`; `cargo run -p exercises -- list` shows them all"
        )),
        many => Err(format!(
            "`{query}` matches {}; say which",
            many.iter().map(|e| e.id).collect::<Vec<_>>().join(", ")
        )),
    }
}
