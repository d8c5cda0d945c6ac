//! The scaffolding commands, run in a copy of the workspace: an exercise in a new lesson, and a
//! mistake for it, pass `verify` as they are written, with no manual edit.
//!
//! The copy lives in `target/scaffold-check/`. A `.cargo/config.toml` in it sends cargo's
//! intermediate artifacts to the workspace's own build directory, so dependencies already built
//! there with the same features are reused, and its final artifacts (binaries) to a target
//! directory of its own. The copy's own packages get another version: cargo names a workspace
//! package's artifacts by its name and version (not its path), so without that the copy's
//! `exercises` and the real one would overwrite each other's. Copies keep modification times,
//! so unchanged files stay fresh for cargo from one run to the next.

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
    give_the_copy_its_own_versions(&copy);
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

/// Every package of the copy gets the version `0.1.0-scaffold-check`, so that none of its
/// artifacts can be taken for the real workspace's (cargo updates the copy's lock file).
fn give_the_copy_its_own_versions(copy: &Path) {
    let metadata = Command::new(workspace::cargo())
        .current_dir(copy)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .output()
        .expect("cargo metadata runs");
    let metadata: serde_json::Value =
        serde_json::from_slice(&metadata.stdout).expect("cargo metadata prints JSON");
    for package in metadata["packages"].as_array().expect("packages") {
        let manifest = PathBuf::from(package["manifest_path"].as_str().expect("a path"));
        let text = std::fs::read_to_string(&manifest).expect("read a manifest");
        let renamed = text.replacen(
            "\nversion = \"0.1.0\"\n",
            "\nversion = \"0.1.0-scaffold-check\"\n",
            1,
        );
        assert_ne!(
            text,
            renamed,
            "{} has no version 0.1.0 to change",
            manifest.display()
        );
        std::fs::write(&manifest, renamed).expect("write a manifest");
    }
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
