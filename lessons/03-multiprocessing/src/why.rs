//! Section 1: why Rust rarely needs processes for speed, and when it does.
//!
//! Python programs reach for `multiprocessing` to get around the GIL: in the standard CPython
//! build only one thread runs Python code at a time, so CPU-bound work needs several
//! interpreters, each in its own process (the free-threaded build, opt-in since 3.13, removes
//! that lock: PEP 703, PEP 779). Rust threads have no such lock, so they already use every
//! core. What processes still give a Rust program is *isolation*: a worker process can crash,
//! abort, overflow its stack or run out of its own memory budget, and the program that started
//! it carries on. They also run other programs, which threads cannot.

use std::hint::black_box;
use std::io::{self, BufRead, Write};
use std::ops::Range;
use std::process::{ExitCode, ExitStatus, Stdio};
use std::thread;
use std::time::Duration;

use nix::sys::resource::{Resource, setrlimit};
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::table::Table;
use shared::timeline::Timeline;
use shared::worker::WorkerProgram;
use shared::workload::cpu::{count_primes, split};

use crate::ended::describe;
use crate::leash::StopOnDrop;
use crate::role::{this_program, worker};
use crate::{Flags, measured};

/// Chunks per worker when a range is dealt out: enough that every worker gets a fair mix of
/// cheap small numbers and expensive large ones.
pub const CHUNKS_PER_WORKER: usize = 16;

/// The memory budget the `memory` crash gives itself before allocating far more.
pub const MEMORY_LIMIT: u64 = 256 << 20;

/// The chunks worker `w` of `workers` counts: every `workers`-th one, starting at `w`.
pub fn dealt(limit: u64, workers: usize, w: usize) -> Vec<Range<u64>> {
    split(0..limit, workers * CHUNKS_PER_WORKER)
        .into_iter()
        .skip(w)
        .step_by(workers)
        .collect()
}

/// The primes below `limit`, on `threads` scoped threads that each count their dealt chunks.
pub fn count_on_threads(limit: u64, threads: usize) -> u64 {
    thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    dealt(limit, threads, t)
                        .into_iter()
                        .map(count_primes)
                        .sum::<u64>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("counting does not panic"))
            .sum()
    })
}

// ANCHOR: processes
/// The primes below `limit`, in `processes` worker processes: this program started again in
/// its `primes` role, one per share of the chunks. Each writes its count on its standard
/// output; each is waited for. One lane per process on `timeline`.
pub fn count_in_processes(
    base: &WorkerProgram,
    limit: u64,
    processes: usize,
    timeline: &Timeline,
) -> io::Result<u64> {
    let mut workers = Vec::new();
    for p in 0..processes {
        let mut role = vec!["primes".to_string()];
        for chunk in dealt(limit, processes, p) {
            role.extend([chunk.start.to_string(), chunk.end.to_string()]);
        }
        let span = timeline.span(format!("process {p}"), "counting");
        workers.push((worker(base, &role).start()?, span));
    }
    // Every worker is running before any answer is awaited; a thread per worker reads its
    // answer, so each span ends when that process answers.
    thread::scope(|scope| {
        let handles: Vec<_> = workers
            .into_iter()
            .map(|(mut worker, span)| {
                scope.spawn(move || -> io::Result<u64> {
                    let mut answer = String::new();
                    worker
                        .stdout
                        .as_mut()
                        .expect("piped")
                        .read_line(&mut answer)?;
                    drop(span);
                    let status = worker.wait()?;
                    if !status.success() {
                        return Err(io::Error::other(format!("a worker {}", describe(status))));
                    }
                    answer.trim().parse().map_err(io::Error::other)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a reader thread does not panic"))
            .sum()
    })
}

/// The `primes` role: counts the primes in each range of `bounds` (start, end, start, end…)
/// and writes the total.
pub fn serve_primes(bounds: &[u64], mut out: impl Write) -> io::Result<()> {
    let total: u64 = bounds
        .chunks_exact(2)
        .map(|pair| count_primes(pair[0]..pair[1]))
        .sum();
    writeln!(out, "{total}")?;
    out.flush()
}
// ANCHOR_END: processes

/// The ways the `crash` role ends, and what each stands for.
pub const CRASHES: [(&str, &str); 5] = [
    ("panic", "panics"),
    ("exit", "calls exit(3)"),
    ("abort", "aborts"),
    ("stack", "overflows its stack"),
    ("memory", "allocates 1 GiB, limit 256 MiB"),
];

// ANCHOR: crash
/// The `crash` role: ends the way `how` names. Core dumps are switched off first, so that no
/// `core` file lands in the current directory.
pub fn crash(how: &str) -> anyhow::Result<ExitCode> {
    shared::worker::without_core_dumps()?;
    match how {
        "panic" => panic!("the worker gave up on item 7"),
        "exit" => std::process::exit(3),
        "abort" => std::process::abort(),
        "stack" => Ok(ExitCode::from(recurse(0) as u8)),
        "memory" => {
            // Address space: the limit Linux enforces for every allocation. Other systems may
            // accept the limit and ignore it, and then this worker would really fill 1 GiB.
            anyhow::ensure!(
                cfg!(target_os = "linux"),
                "this system may not enforce a limit on address space"
            );
            setrlimit(Resource::RLIMIT_AS, MEMORY_LIMIT, MEMORY_LIMIT)?;
            let hog = vec![1u8; 1 << 30];
            Ok(ExitCode::from(black_box(hog)[0]))
        }
        other => anyhow::bail!("no crash called {other:?}"),
    }
}
// ANCHOR_END: crash

/// Recursion that never ends in practice: every call keeps a frame of 512 bytes alive.
fn recurse(depth: u64) -> u64 {
    let frame = black_box([depth; 64]);
    if depth == u64::MAX {
        return frame[0];
    }
    recurse(depth + 1).wrapping_add(frame[63])
}

/// How a crashing worker ended, and what it said on its standard error.
#[derive(Debug)]
pub struct Crashed {
    /// Its exit status.
    pub status: ExitStatus,
    /// Its first line of complaint, if it printed one.
    pub said: String,
}

/// Runs the `crash` role `how` in a worker process and reports how it ended.
pub fn crash_in_a_process(base: &WorkerProgram, how: &str) -> io::Result<Crashed> {
    let output = worker(base, &["crash", how])
        .command()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let said = stderr
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with("note:"))
        .unwrap_or("")
        .to_string();
    Ok(Crashed {
        status: output.status,
        said,
    })
}

/// A panic on a thread of this process: `join` hands it back as an `Err`, and nothing else
/// is disturbed. (The other four crashes would end this whole program if a thread did them.)
pub fn panic_in_a_thread() -> bool {
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let joined = thread::spawn(|| -> u64 { panic!("the thread gave up on item 7") }).join();
    std::panic::set_hook(quiet);
    joined.is_err()
}

/// Section 1 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (limit, workers) = (flags.primes_below(env), flags.workers());
    let base = this_program()?;
    // Whatever happens in this section, no worker outlives it.
    let _stop = StopOnDrop(base.clone());
    report.say(&format!(
        "Count the primes below {limit} three ways: on one thread, on {workers} threads, and in \
         {workers} worker processes (this program started again, each counting its share of \
         the chunks). Python needs the processes to get past the GIL; Rust threads have no GIL, \
         so both parallel ways should reach about the same speedup. {}",
        env.how_measured()
    ));
    let (expected, one) = measured(env, || Ok(count_primes(0..limit)))?;
    let (on_threads, threads_took) = measured(env, || Ok(count_on_threads(limit, workers)))?;
    let mut timeline = Timeline::new();
    let (in_processes, processes_took) = measured(env, || {
        timeline = Timeline::new();
        count_in_processes(&base, limit, workers, &timeline)
    })?;
    anyhow::ensure!(
        on_threads == expected && in_processes == expected,
        "the counts disagree: {expected}, {on_threads}, {in_processes}"
    );
    let row = |label: String, took: Duration| Record::new(label).scaling(one, took, workers);
    report.results(&[
        Record::new("one thread")
            .wall(one)
            .count("primes", expected),
        row(format!("{workers} threads"), threads_took),
        row(format!("{workers} processes"), processes_took),
    ]);
    report.say(
        "All three count the same primes. The processes also pay for starting, and for sending \
         their answers back (a few bytes here), which is small beside the counting. One lane \
         per process:",
    );
    report.timeline(&timeline);

    report.say(
        "What processes buy in Rust is isolation. Five workers end badly on purpose, each in \
         its own process; the lesson program, their parent, reads how each one ended and \
         carries on. Had a thread of this program done the same, only the panic would have \
         been contained.",
    );
    let mut table = Table::new([
        "the worker…",
        "as a worker process, it",
        "as a thread, it would",
    ]);
    let mut records = Vec::new();
    let mut complaints = Vec::new();
    let thread_caught_panic = panic_in_a_thread();
    for (how, what) in CRASHES {
        let crashed = crash_in_a_process(&base, how)?;
        let in_a_thread = match how {
            "panic" if thread_caught_panic => "be caught: join() gives Err",
            "panic" => "(join did not see it)",
            "memory" => "have no limit of its own",
            _ => "end the whole program",
        };
        let ended = describe(crashed.status);
        table.row([what.to_string(), ended.clone(), in_a_thread.to_string()]);
        if !crashed.said.is_empty() {
            complaints.push(format!("{how}: {}", shorten(&crashed.said, 78)));
        }
        records.push(
            Record::new(how)
                .text("ended", ended)
                .text("said", crashed.said),
        );
    }
    report.table(&table);
    if report.is_json() {
        report.results(&records);
    }
    report.say("What they said on their standard error, first line:");
    for complaint in &complaints {
        report.line(complaint);
    }
    report.say(
        "Every crash stayed inside its worker, and the parent learned how each ended from its \
         exit status: an exit code, or the signal that killed it. That is the reason to use \
         processes in Rust: to contain code you do not trust (a C library, a plug-in, a \
         decoder of untrusted files), to give work its own memory limit, or to run another \
         program.",
    );
    Ok(())
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max - 1).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dealing_covers_every_number_once() {
        let mut all: Vec<Range<u64>> = (0..3).flat_map(|w| dealt(10_000, 3, w)).collect();
        all.sort_by_key(|r| r.start);
        assert_eq!(all, split(0..10_000, 3 * CHUNKS_PER_WORKER));
        assert_eq!(count_on_threads(10_000, 3), 1_229);
    }

    #[test]
    fn the_primes_role_adds_up_its_ranges() {
        let mut out = Vec::new();
        serve_primes(&[0, 10, 10, 20], &mut out).unwrap();
        assert_eq!(out, b"8\n");
    }

    #[test]
    fn a_panicking_thread_is_contained_by_join() {
        assert!(panic_in_a_thread());
    }
}
