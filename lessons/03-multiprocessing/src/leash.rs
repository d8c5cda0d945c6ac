//! Part of section 2: keeping workers on a leash, so that none outlives the program.
//!
//! A child process does not die with its parent. If the parent ends without stopping and
//! waiting for its workers, they run on as *orphans* (adopted by init, or by a "subreaper"),
//! and a finished child nobody waits for stays a *zombie*. Three things keep a worker tied:
//!
//! - **Its pipe.** A worker that waits for orders on its standard input reads end-of-file the
//!   moment its parent is gone for any reason, even `kill -9`, and can exit.
//! - **The process group.** Children start in their parent's group, and a terminal's Ctrl-C
//!   sends SIGINT to the whole foreground group: the program and its workers stop together.
//! - **A guard.** A value whose `Drop` kills and reaps the workers still running covers the
//!   paths where the program itself goes on: an early `return`, a `?`, a panic.
//!
//! The demonstrations start a stand-in parent in a process group of its own, so that what
//! they do to it never touches the lesson program.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::signal::{Signal, kill, killpg};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timing::human;
use shared::worker::{Worker, WorkerProgram};

use crate::role::{this_program, worker};

/// The `listen` role: waits for orders on standard input until it ends, then exits. A worker
/// between two jobs looks like this.
pub fn listen(mut input: impl Read) -> io::Result<()> {
    io::copy(&mut input, &mut io::sink())?;
    Ok(())
}

/// The `busy` role: ignores its standard input and "works" (sleeps) for `seconds`. A worker in
/// the middle of a long job looks like this.
pub fn busy(seconds: u64) {
    std::thread::sleep(Duration::from_secs(seconds));
}

/// The `parent` role: starts `workers` workers in role `kind` (`listen` or `busy`), writes
/// their process ids on one line, then waits until its own standard input ends, and waits for
/// them.
pub fn parent(workers: usize, kind: &str, input: impl Read, mut out: impl Write) -> io::Result<()> {
    let program = match kind {
        "busy" => worker(&this_program()?, &["busy", "60"]),
        _ => worker(&this_program()?, &["listen"]),
    };
    let mut started: Vec<Worker> = (0..workers)
        .map(|_| program.start())
        .collect::<io::Result<_>>()?;
    let pids: Vec<String> = started.iter().map(|w| w.id().to_string()).collect();
    writeln!(out, "{}", pids.join(" "))?;
    out.flush()?;
    listen(input)?;
    for worker in &mut started {
        worker.wait()?;
    }
    Ok(())
}

/// How the stand-in parent is ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// SIGKILL to the parent alone: no handler, no cleanup, as when it crashes hard.
    KillParent,
    /// SIGINT to the parent's whole process group: what Ctrl-C in a terminal does.
    InterruptGroup,
}

/// What became of a parent's workers after it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aftermath {
    /// The workers' process ids.
    pub workers: Vec<u32>,
    /// The ones still running when the watch ended (stopped and reaped afterwards).
    pub survivors: Vec<u32>,
    /// How long it took the others to end.
    pub ended_within: Duration,
}

// ANCHOR: end_a_parent
/// Starts a stand-in parent in a new process group with two workers (`busy` ones, or ones that
/// `listen` to their pipe), ends it as `ending` says, and watches its workers for `patience`.
/// Survivors are then stopped through their process group and reaped, so nothing is left.
pub fn end_a_parent(
    base: &WorkerProgram,
    busy: bool,
    ending: Ending,
    patience: Duration,
) -> io::Result<Aftermath> {
    let _adopt = Adopter::start()?;
    let kind = if busy { "busy" } else { "listen" };
    let mut parent = worker(base, &["parent", "2", kind])
        .command()
        .process_group(0) // a new group, whose id is the parent's process id
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let group = Pid::from_raw(parent.id() as i32);
    let mut line = String::new();
    BufReader::new(parent.stdout.take().expect("piped")).read_line(&mut line)?;
    let workers: Vec<u32> = line
        .split_whitespace()
        .filter_map(|pid| pid.parse().ok())
        .collect();
    match ending {
        Ending::KillParent => kill(group, Signal::SIGKILL)?,
        Ending::InterruptGroup => killpg(group, Signal::SIGINT)?,
    }
    parent.wait()?;
    let clock = Instant::now();
    let mut running = workers.clone();
    while !running.is_empty() && clock.elapsed() < patience {
        running.retain(|&pid| still_running(pid));
        std::thread::sleep(Duration::from_micros(200));
    }
    let ended_within = clock.elapsed();
    if !running.is_empty() {
        // The group still has members, so its id cannot have been reused.
        let _ = killpg(group, Signal::SIGKILL);
        for &pid in &running {
            reap(pid);
        }
    }
    Ok(Aftermath {
        workers,
        survivors: running,
        ended_within,
    })
}
// ANCHOR_END: end_a_parent

/// Whether `pid` is still running. On Linux this process adopts orphans (see [`Adopter`]), so
/// a worker that ended is reaped here and does not linger as a zombie.
fn still_running(pid: u32) -> bool {
    let pid = Pid::from_raw(pid as i32);
    if cfg!(target_os = "linux") {
        matches!(
            waitpid(pid, Some(WaitPidFlag::WNOHANG)),
            Ok(WaitStatus::StillAlive)
        )
    } else {
        kill(pid, None) != Err(Errno::ESRCH)
    }
}

fn reap(pid: u32) {
    if cfg!(target_os = "linux") {
        let _ = waitpid(Pid::from_raw(pid as i32), None);
    }
}

/// While it lives, orphaned descendants of this process are re-parented to it rather than to
/// init (Linux's "child subreaper"), so that it can reap them. Not every init reaps orphans
/// (a container's first process often does not), and an orphan nobody reaps stays a zombie.
struct Adopter;

impl Adopter {
    fn start() -> io::Result<Self> {
        #[cfg(target_os = "linux")]
        nix::sys::prctl::set_child_subreaper(true)?;
        Ok(Self)
    }
}

impl Drop for Adopter {
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        let _ = nix::sys::prctl::set_child_subreaper(false);
    }
}

// ANCHOR: guard
/// Kills and reaps, when dropped, every worker of `program` that nobody waited for: the early
/// `return`, the `?` and the panic all pass through here.
pub struct StopOnDrop(pub WorkerProgram);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.stop_unreaped();
    }
}

/// Starts three workers of `program` (busy ones, say), then fails before waiting for them, as
/// code does when a `?` fires halfway. The guard stops them.
pub fn fail_with_workers_running(program: &WorkerProgram) -> io::Result<()> {
    let _stop = StopOnDrop(program.clone());
    let _workers: Vec<Worker> = (0..3).map(|_| program.start()).collect::<io::Result<_>>()?;
    Err(io::Error::other(
        "something failed before the workers were waited for",
    ))
}
// ANCHOR_END: guard

/// The leash part of section 2.
pub fn show(report: &mut Report, env: &Env, base: &WorkerProgram) -> anyhow::Result<()> {
    let patience = env.size(Duration::from_millis(500), Duration::from_millis(200));
    report.say(&format!(
        "Workers must not outlive the program. Four ways a parent can go, each with a stand-in \
         parent in a process group of its own; afterwards the lesson watches the workers for {} \
         and counts the survivors (then stops and reaps them, so nothing is left behind).",
        human(patience)
    ));
    let cases = [
        ("parent killed; workers listen", false, Ending::KillParent),
        ("parent killed; workers busy", true, Ending::KillParent),
        ("Ctrl-C: SIGINT to the group", true, Ending::InterruptGroup),
    ];
    let mut records = Vec::new();
    for (label, busy, ending) in cases {
        let after = end_a_parent(base, busy, ending, patience)?;
        let mut record = Record::new(label)
            .count("workers", after.workers.len() as u64)
            .count("survivors", after.survivors.len() as u64);
        if after.survivors.is_empty() {
            record = record.duration("all_ended_within", after.ended_within);
        }
        records.push(record);
    }
    let program = worker(&base.with_own_ledger(), &["busy", "60"]);
    let error = fail_with_workers_running(&program).expect_err("it fails on purpose");
    records.push(
        Record::new("`?` returns; guard drops")
            .count("workers", program.started().len() as u64)
            .count("survivors", program.unreaped().len() as u64),
    );
    report.results(&records);
    report.say(&format!(
        "Workers that listen to their pipe saw the end of their input when their parent was \
         killed, and exited on their own. Busy workers did not notice: they became orphans, and \
         only a signal to their process group stopped them. Ctrl-C reaches the whole group, \
         busy or not. And when code fails halfway (\"{error}\"), a guard whose Drop stops the \
         workers leaves none behind. The lesson's own workers listen, share its process group, \
         and sit behind such guards."
    ));
    Ok(())
}
