//! The lesson program as a user runs it: every section runs, `--json` is machine-readable, and
//! bad input gets a clear message and exit code 2, never a panic.

use std::process::{Command, Output};

fn lesson(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lesson-01-threading"))
        .args(args)
        .output()
        .expect("the lesson program starts")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_quick_run_shows_every_section() {
    let run = lesson(&["--quick"]);
    let stdout = text(&run.stdout);
    assert!(run.status.success(), "{stdout}\n{}", text(&run.stderr));
    for heading in [
        "1. Spawn, join, and results that come back",
        "2. Waits overlap",
        "3. A thread per URL",
        "4. Events and semaphores",
        "5. Why there is no RLock",
        "6. What a thread costs",
    ] {
        assert!(
            stdout.contains(heading),
            "missing {heading:?} in:\n{stdout}"
        );
    }
}

#[test]
fn json_mode_prints_one_object_per_measurement_and_nothing_else() {
    let run = lesson(&["--quick", "--json"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let mut sections = Vec::new();
    for line in text(&run.stdout).lines() {
        let record: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(record["lesson"], "01-threading");
        assert!(record["label"].is_string(), "{line}");
        sections.push(record["section"].as_u64().unwrap());
    }
    sections.dedup();
    assert_eq!(sections, [1, 2, 3, 4, 5, 6]);
}

#[test]
fn bad_flags_are_usage_errors() {
    for args in [
        &["--threads", "0"][..],
        &["--threads", "many"],
        &["--limit", "0"],
        &["--spawn-count", "1000000000"],
        &["--unit-ms", "0"],
        &["--live", "not a url"],
        &["--section", "7"],
        &["--section", "0"],
        &["--live", "ftp://example.com/"],
        &["--no-such-flag"],
    ] {
        let run = lesson(args);
        assert_eq!(run.status.code(), Some(2), "{args:?} must exit with 2");
        let stderr = text(&run.stderr);
        assert!(
            stderr.starts_with("error:") && !stderr.contains("panicked"),
            "{args:?}: {stderr}"
        );
    }
}

#[cfg(not(feature = "tls"))]
#[test]
fn https_without_tls_says_how_to_get_it() {
    let run = lesson(&["--live", "https://www.rust-lang.org/"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("--features tls"),
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn one_section_can_run_alone() {
    let run = lesson(&["--quick", "--section", "5"]);
    let stdout = text(&run.stdout);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(stdout.starts_with("\n5. Why there is no RLock"), "{stdout}");
    assert!(!stdout.contains("4. Events"), "{stdout}");
}

#[test]
fn help_describes_the_lesson_flags() {
    let run = lesson(&["--help"]);
    assert!(run.status.success());
    let help = text(&run.stdout);
    for flag in [
        "--quick",
        "--json",
        "--unit-ms",
        "--threads",
        "--limit",
        "--live",
    ] {
        assert!(help.contains(flag), "--help does not mention {flag}");
    }
}
