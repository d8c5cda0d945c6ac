//! The scaffolding commands, run in a copy of the workspace: an exercise in a new lesson, and a
//! mistake for it, pass `verify` as they are written, with no manual edit.
//!
//! The copy lives in `target/scaffold-check/`. A `.cargo/config.toml` in it sends cargo's
//! intermediate artifacts to the workspace's own build directory, so dependencies already built
//! there with the same features are reused, and its final artifacts (binaries) to a target
//! directory of its own, so nothing of the real workspace is overwritten. Copies keep
//! modification times, so unchanged files stay fresh for cargo from one run to the next.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

use progress::verify::{self, Options};
use progress::{scaffold, workspace};

const EXERCISE: &str = "l99_scaffold_check::first";

#[test]
fn a_scaffolded_exercise_and_mistake_pass_verify_untouched() {
    let root = workspace::root();
    let scratch = root.join("target/scaffold-check");
    let copy = scratch.join("workspace");
    copy_sources(&root, &copy);
    configure_cargo(&copy, &build_dir(&root), &scratch.join("target"));

    let made = scaffold::new_exercise(&copy, EXERCISE).expect("new");
    assert!(
        made.contains("exercises/src/l99_scaffold_check/first.rs"),
        "{made}"
    );
    let mistake = scaffold::new_mistake(&copy, EXERCISE, "left_as_the_stub").expect("new-mistake");
    assert!(mistake.contains("first-left_as_the_stub.rs"), "{mistake}");

    let options = Options {
        mistake_runs: 1,
        exercise: Some(EXERCISE.to_string()),
        jobs: 2,
    };
    assert_eq!(
        verify::run(&copy, &options),
        Ok(()),
        "verify refused the scaffolded exercise and mistake (its report is above)"
    );
}

/// Where this workspace's cargo keeps its intermediate artifacts.
fn build_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_BUILD_BUILD_DIR")
        .or_else(|| std::env::var_os("CARGO_TARGET_DIR"))
        .map_or_else(|| root.join("target"), PathBuf::from)
}

/// Points cargo, run in the copy, at the shared build directory and a target directory of its
/// own.
fn configure_cargo(copy: &Path, build_dir: &Path, target_dir: &Path) {
    let config = copy.join(".cargo");
    std::fs::create_dir_all(&config).expect("make .cargo in the copy");
    let text = format!(
        "[build]\nbuild-dir = {:?}\ntarget-dir = {:?}\n",
        build_dir.display().to_string(),
        target_dir.display().to_string()
    );
    std::fs::write(config.join("config.toml"), text).expect("write the copy's cargo config");
}

/// A fresh copy of the workspace's sources (everything but `target` and `.git`).
fn copy_sources(root: &Path, copy: &Path) {
    if copy.exists() {
        std::fs::remove_dir_all(copy).expect("remove the last copy");
    }
    std::fs::create_dir_all(copy).expect("make the copy's directory");
    for entry in std::fs::read_dir(root)
        .expect("read the workspace")
        .flatten()
    {
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let copied = Command::new("cp")
            .arg("-a")
            .arg(entry.path())
            .arg(copy)
            .status()
            .expect("cp runs");
        assert!(copied.success(), "could not copy {name:?}");
    }
}
