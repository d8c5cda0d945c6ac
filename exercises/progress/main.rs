//! `cargo run -p exercises`: your progress through the exercises, and hints.
//!
//! ```text
//! cargo run -p exercises                 what is done, what is next
//! cargo run -p exercises -- list         every exercise and where it lives
//! cargo run -p exercises -- hint event   the hint for one exercise
//! cargo run -p exercises -- verify       (maintainers) stubs fail, solutions pass, mistakes are caught
//! ```

mod catalog;
mod suite_run;
mod verify;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalog::{EXERCISES, Exercise, LESSONS};
use suite_run::{SuiteRun, Target};

const USAGE: &str = "\
usage: cargo run -p exercises [-- COMMAND]

commands:
  (none)          run your tests and show what is done and what is next
  list            every exercise, with its file
  hint <EXERCISE> a hint for one exercise (its name, e.g. `event`, is enough)
  verify [--mistake-runs N]
                  for maintainers: every test fails on the untouched stubs, passes on the
                  solutions, and catches each plausible mistake in solutions/mistakes/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let outcome = match args.as_slice() {
        [] => progress(),
        ["list"] => {
            list();
            Ok(())
        }
        ["hint", query] => hint(query),
        ["verify"] => verify::run(&workspace(), 1),
        ["verify", "--mistake-runs", n] => match n.parse::<usize>() {
            Ok(runs) if runs > 0 => verify::run(&workspace(), runs),
            _ => {
                return usage_error(&format!(
                    "--mistake-runs takes a positive number, not `{n}`"
                ));
            }
        },
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => return usage_error(&format!("unknown command: {}", args.join(" "))),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// The workspace root, where cargo must run.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("exercises/ sits inside the workspace")
        .to_path_buf()
}

fn lesson_title(lesson: &str) -> &'static str {
    LESSONS
        .iter()
        .find(|(module, _)| *module == lesson)
        .map_or("Other", |(_, title)| title)
}

fn list() {
    let mut lesson = "";
    for exercise in EXERCISES {
        if exercise.lesson() != lesson {
            lesson = exercise.lesson();
            println!("\n{}", lesson_title(lesson));
        }
        println!("  {:32} {}", exercise.id, exercise.title);
        println!("  {:32} {}", "", exercise.stub_path());
    }
}

fn hint(query: &str) -> Result<(), String> {
    let exercise = catalog::find(query)?;
    println!("Hint for {} ({}):\n", exercise.id, exercise.title);
    println!("{}", shared::report::wrap(exercise.hint, 88));
    println!("More: {}", exercise.read);
    Ok(())
}

fn progress() -> Result<(), String> {
    println!("Running your tests (cargo test -p exercises)…");
    let run = suite_run::run(
        &workspace(),
        &Target {
            package: "exercises",
            features: None,
            filter: None,
        },
    )
    .map_err(|why| {
        format!("{why}\nYour code does not build yet: the compiler's messages above say where.")
    })?;

    let id_width = EXERCISES.iter().map(|e| e.id.len()).max().unwrap_or(0);
    let title_width = EXERCISES
        .iter()
        .map(|e| e.title.chars().count())
        .max()
        .unwrap_or(0);
    let mut done = 0;
    let mut next: Option<&Exercise> = None;
    let mut lesson = "";
    for exercise in EXERCISES {
        if exercise.lesson() != lesson {
            lesson = exercise.lesson();
            println!("\n{}", lesson_title(lesson));
        }
        let tests: Vec<_> = run.of(exercise.id).collect();
        let passed = tests.iter().filter(|(_, outcome)| outcome.passed).count();
        let complete = !tests.is_empty() && passed == tests.len();
        let mark = if complete {
            "✔"
        } else if passed > 0 {
            "◐"
        } else {
            "·"
        };
        println!(
            "  {mark} {:id_width$}  {:title_width$}  {passed}/{} tests pass",
            exercise.id,
            exercise.title,
            tests.len()
        );
        if complete {
            done += 1;
        } else if next.is_none() {
            next = Some(exercise);
        }
    }
    println!("\nDone: {done} of {} exercises.", EXERCISES.len());
    match next {
        None => println!(
            "All done. Compare your answers with solutions/src/, and read the book's closing chapters."
        ),
        Some(exercise) => show_next(exercise, &run),
    }
    Ok(())
}

fn show_next(exercise: &Exercise, run: &SuiteRun) {
    println!("\nNext: {} — {}", exercise.id, exercise.title);
    println!("  edit   {}", exercise.stub_path());
    println!("  test   cargo test -p exercises {}", exercise.id);
    println!(
        "  hint   cargo run -p exercises -- hint {}",
        exercise.id.rsplit("::").next().unwrap_or(exercise.id)
    );
    println!("  read   {}", exercise.read.trim_start_matches("book: "));
    if let Some((test, outcome)) = run.of(exercise.id).find(|(_, outcome)| !outcome.passed) {
        println!("\nFirst failing test, {test}:");
        for line in outcome.message.lines() {
            println!("  | {line}");
        }
    }
}
