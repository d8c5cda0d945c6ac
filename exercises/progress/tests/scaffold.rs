//! The scaffolding commands, run in a copy of the workspace: an exercise in a new lesson, and a
//! mistake for it, pass `verify` as they are written, with no manual edit.
//!
//! The copy lives in `target/scaffold-check/` with a target directory of its own, kept between
//! runs: the first run compiles the dependencies once (a few minutes on two cores), later runs
//! only the workspace's own crates. Copies keep modification times, so unchanged files stay
//! fresh for cargo.

#![cfg(unix)]

use std::path::Path;
use std::process::Command;

use progress::{scaffold, workspace};

const EXERCISE: &str = "l99_scaffold_check::first";

#[test]
fn a_scaffolded_exercise_and_mistake_pass_verify_untouched() {
    let root = workspace::root();
    let scratch = root.join("target/scaffold-check");
    let copy = scratch.join("workspace");
    copy_sources(&root, &copy);

    let made = scaffold::new_exercise(&copy, EXERCISE).expect("new");
    assert!(
        made.contains("exercises/src/l99_scaffold_check/first.rs"),
        "{made}"
    );
    let mistake = scaffold::new_mistake(&copy, EXERCISE, "left_as_the_stub").expect("new-mistake");
    assert!(mistake.contains("first-left_as_the_stub.rs"), "{mistake}");

    let verify = Command::new(workspace::cargo())
        .current_dir(&copy)
        .env("CARGO_TARGET_DIR", scratch.join("target"))
        .env("COURSE_WORKSPACE", &copy)
        .args(["run", "-q", "-p", "exercises", "--", "verify"])
        .args(["--exercise", EXERCISE, "--mistake-runs", "1"])
        .output()
        .expect("cargo runs");
    let said = format!(
        "{}\n{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
    assert!(
        verify.status.success(),
        "verify refused the scaffold:\n{said}"
    );
    assert!(said.contains("everything holds"), "{said}");
    assert!(
        said.contains("l99_scaffold_check::first (left as the stub): caught by gives_the_answer"),
        "{said}"
    );
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
