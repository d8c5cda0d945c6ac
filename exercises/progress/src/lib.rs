//! The exercise tools behind `cargo run -p exercises`: the learner's (progress, hints,
//! `watch`) and the maintainers' (`verify`, and scaffolding for new exercises and mistakes).
//!
//! ```text
//! cargo run -p exercises                      what is done, what is next, the first failure
//! cargo run -p exercises -- list              every exercise and where it lives
//! cargo run -p exercises -- hint event        a nudge; `hint event 2`, `hint event 3` for more
//! cargo run -p exercises -- watch             rerun the current exercise's tests on every save
//! cargo run -p exercises -- verify            (maintainers) the exercises are honest
//! cargo run -p exercises -- new l02_race::counter            (maintainers) a new exercise
//! cargo run -p exercises -- new-mistake l02_race::counter lost_update   (maintainers) a mistake
//! ```
//!
//! Everything reads the one catalog, `exercises/catalog.toml`.

pub mod book;
pub mod catalog;
mod hints;
pub mod overview;
pub mod scaffold;
pub mod suite_run;
pub mod verify;
pub mod watch;
pub mod workspace;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo run -p exercises [-- COMMAND]

commands:
  (none)              run your tests: what is done, what is next, the first failure
  list                every exercise, with its file
  hint <EXERCISE> [N] hint N (1, 2, 3…) for an exercise; its name is enough: `hint event`
  watch               rerun the current exercise's tests each time you save; Ctrl-C to stop

for maintainers:
  verify [--mistake-runs N] [--exercise ID] [--jobs N]
                      every test fails on the stubs, passes on the solutions, and catches
                      every mistake in solutions/mistakes/ on each of N runs
  new <LESSON>::<NAME>
                      a new exercise: stub, answer, tests and catalog entry, all registered
  new-mistake <EXERCISE> <WHAT>
                      a new plausible mistake for an exercise, to write from its stub";

/// Runs the command in the process's arguments; what `cargo run -p exercises` does.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = workspace::root();
    let outcome = match args.as_slice() {
        [] => overview::show(&root),
        ["list"] => overview::list(&root),
        ["hint", query] => hints::show(&root, query, 1),
        ["hint", query, level] => match level.parse::<usize>() {
            Ok(level) if level > 0 => hints::show(&root, query, level),
            _ => return usage_error(&format!("a hint level is 1, 2, 3…, not `{level}`")),
        },
        ["watch"] => watch::run(&root),
        ["verify", options @ ..] => match verify::Options::parse(options) {
            Ok(options) => verify::run(&root, &options),
            Err(why) => return usage_error(&why),
        },
        ["new", id] => scaffold::new_exercise(&root, id).map(|report| println!("{report}")),
        ["new-mistake", id, what] => {
            scaffold::new_mistake(&root, id, what).map(|report| println!("{report}"))
        }
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
