//! Writes the modules of the `mistakes` test target: one per file in `mistakes/<lesson>/`,
//! named `<lesson>__<exercise>__<what>` after the file `<exercise>-<what>.rs`, holding the
//! mistake as the exercise's `subject` next to that exercise's tests from the suite. A mistake
//! is a file in that folder; nothing else registers it. (`verify` reports misnamed files.)

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mistakes = manifest.join("mistakes");
    let suite = manifest.join("../exercises/tests/suite");
    println!("cargo::rerun-if-changed=mistakes");
    let mut modules = String::new();
    for file in rust_files_in_lessons(&mistakes) {
        let lesson = file.parent().and_then(Path::file_name).unwrap_or_default();
        let stem = file.file_stem().unwrap_or_default().to_string_lossy();
        let Some((exercise, what)) = stem.split_once('-') else {
            continue;
        };
        let tests = suite.join(lesson).join(format!("{exercise}.rs"));
        if !tests.is_file() {
            continue;
        }
        let lesson = lesson.to_string_lossy();
        writeln!(
            modules,
            "#[allow(non_snake_case, dead_code, unused, clippy::all)]\n\
             mod {lesson}__{exercise}__{what} {{\n    \
                 mod subject {{\n        \
                     #[path = {file:?}]\n        \
                     pub mod {exercise};\n    \
                 }}\n    \
                 #[path = {tests:?}]\n    \
                 mod tests;\n\
             }}"
        )
        .expect("writing to a String cannot fail");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    fs::write(out.join("mistakes.rs"), modules).expect("OUT_DIR is writable");
}

/// `root/<lesson>/<file>.rs`, sorted.
fn rust_files_in_lessons(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|lesson| fs::read_dir(lesson.path()).into_iter().flatten().flatten())
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}
