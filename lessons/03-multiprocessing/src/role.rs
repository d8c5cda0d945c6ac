//! The program's worker roles. The lesson starts copies of its own executable as workers, with
//! the arguments `__worker ROLE ARGS…`; `main` checks for them before anything else and serves
//! the role instead of running the lesson. That check is the Rust counterpart of Python's
//! `if __name__ == "__main__":` (see section 2 for what happens without it).
//!
//! Each role's code lives in the module of the section that uses it; this module only
//! recognises the arguments and dispatches.

use std::io;
use std::process::ExitCode;

use anyhow::{Context, bail};
use shared::worker::WorkerProgram;

/// The first argument of every worker: `lesson-03-multiprocessing __worker ROLE …`. No flag of
/// the lesson looks like it, so a worker can never be mistaken for a run of the lesson.
pub const WORKER: &str = "__worker";

// ANCHOR: serve_if_worker
/// If this process was started as a worker (`__worker ROLE ARGS…`), serves that role and
/// returns the exit code; otherwise returns `None`, and `main` runs the lesson.
pub fn serve_if_worker() -> Option<ExitCode> {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() != Some(WORKER) {
        return None;
    }
    let role: Vec<String> = args.collect();
    Some(match serve(&role) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("worker {role:?}: {error:#}");
            ExitCode::FAILURE
        }
    })
}
// ANCHOR_END: serve_if_worker

/// This program (`base`) in worker role `role`: `base __worker ROLE ARGS…`. The result shares
/// `base`'s ledger of started workers.
pub fn worker<S: AsRef<str>>(base: &WorkerProgram, role: &[S]) -> WorkerProgram {
    base.clone()
        .args(std::iter::once(WORKER).chain(role.iter().map(AsRef::as_ref)))
}

/// This executable, as a base for [`worker`].
pub fn this_program() -> io::Result<WorkerProgram> {
    WorkerProgram::this_program()
}

fn number<T: std::str::FromStr>(text: &str) -> anyhow::Result<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    text.parse()
        .with_context(|| format!("{text:?} is not a number"))
}

/// Unix-only roles, and the ones every platform has.
#[cfg(unix)]
fn serve(role: &[String]) -> anyhow::Result<ExitCode> {
    use crate::{leash, pipes, pool, spawn, why};
    let stdin = io::stdin().lock();
    let stdout = io::stdout().lock();
    let role: Vec<&str> = role.iter().map(String::as_str).collect();
    match role.as_slice() {
        ["primes", ranges @ ..] => {
            let ranges: Vec<u64> = ranges.iter().map(|n| number(n)).collect::<Result<_, _>>()?;
            why::serve_primes(&ranges, stdout)?;
        }
        ["crash", how] => return why::crash(how),
        ["sum", start, end] => spawn::serve_sum(number(start)?..number(end)?, stdout)?,
        ["careless", generation, cap] => spawn::careless_main(number(generation)?, number(cap)?)?,
        ["listen"] => leash::listen(stdin)?,
        ["busy", seconds] => leash::busy(number(seconds)?),
        ["parent", workers, kind] => leash::parent(number(workers)?, kind, stdin, stdout)?,
        ["numbers"] => pipes::send_numbers(stdout)?,
        ["flood", bytes] => pipes::flood(number(bytes)?, stdout)?,
        ["echo"] => pipes::echo(stdin, stdout)?,
        ["pool"] => pool::serve(stdin, stdout)?,
        ["nothing"] => {}
        _ => bail!("no such worker role"),
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(unix))]
fn serve(_: &[String]) -> anyhow::Result<ExitCode> {
    bail!("this lesson's workers need a Unix system")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_program_puts_the_role_after_the_marker_argument() {
        let base = WorkerProgram::new("/bin/lesson");
        let program = worker(&base, &["primes", "0", "10"]);
        let command = program.command();
        let args: Vec<_> = command.get_args().collect();
        assert_eq!(args, ["__worker", "primes", "0", "10"]);
        assert_eq!(number::<u64>("42").unwrap(), 42);
        assert!(number::<u64>("many").is_err());
    }
}
