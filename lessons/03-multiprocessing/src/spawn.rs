//! Section 2: spawn-style workers. The program starts its own executable again
//! (`std::env::current_exe()`) with arguments that put the new process in a *worker role*. This
//! is what Python's `spawn` start method does (the default on Windows, and on macOS since 3.8):
//! a fresh interpreter starts, imports the main module, and runs the function it was given.
//!
//! The new process runs `main` from the top, so `main` must ask first whether it is a worker.
//! In Python that is `if __name__ == "__main__":`; here, `role::serve_if_worker` at the top of
//! `main`. Without that check, every worker would run the lesson, start workers of its own, and
//! so on: the second half of this section shows it, with a safety cap.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::ops::Range;
use std::process::{Command, Stdio};
use std::time::Duration;

use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human};
use shared::worker::WorkerProgram;
use shared::workload::cpu::{split, sum_loop, sum_range};

use crate::Flags;
use crate::ended::describe;
use crate::leash::{self, StopOnDrop};
use crate::role::{WORKER, this_program, worker};

/// How many workers the section starts: the tutorials' four, whatever the core count.
pub const WORKERS: usize = 4;

/// What one summing worker reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summed {
    /// The worker's process id.
    pub pid: u32,
    /// The process id of the worker's parent, as the worker saw it.
    pub parent: u32,
    /// The numbers it added up.
    pub range: Range<u64>,
    /// Their sum.
    pub sum: u64,
}

// ANCHOR: sum
/// The `sum` role: says who it is (its process id and its parent's) as soon as it starts,
/// then adds up `range` and writes the sum.
pub fn serve_sum(range: Range<u64>, mut out: impl Write) -> io::Result<()> {
    writeln!(
        out,
        "{} {}",
        std::process::id(),
        std::os::unix::process::parent_id()
    )?;
    out.flush()?;
    writeln!(out, "{}", sum_range(range))?;
    out.flush()
}
// ANCHOR_END: sum

/// Adds up `0..n` in `workers` worker processes, a share each, all running at once. On the
/// timeline each worker's lane shows its start-up (until it says who it is) and its work.
pub fn sum_in_workers(
    base: &WorkerProgram,
    n: u64,
    workers: usize,
    timeline: &Timeline,
) -> io::Result<Vec<Summed>> {
    let started: Vec<_> = split(0..n, workers)
        .into_iter()
        .map(|range| {
            let role = [
                "sum".to_string(),
                range.start.to_string(),
                range.end.to_string(),
            ];
            let at = timeline.now();
            worker(base, &role)
                .start()
                .map(|worker| (worker, range, at))
        })
        .collect::<io::Result<_>>()?;
    std::thread::scope(|scope| {
        let handles: Vec<_> = started
            .into_iter()
            .enumerate()
            .map(|(w, (mut worker, range, at))| {
                scope.spawn(move || -> io::Result<Summed> {
                    let lane = format!("worker {w}");
                    let out = worker.stdout.as_mut().expect("piped");
                    let (mut who, mut sum) = (String::new(), String::new());
                    out.read_line(&mut who)?;
                    let ready = timeline.now();
                    out.read_line(&mut sum)?;
                    let done = timeline.now();
                    timeline.record(&lane, "start-up", at, ready);
                    timeline.record(&lane, "summing", ready, done);
                    let status = worker.wait()?;
                    if !status.success() {
                        return Err(io::Error::other(format!("worker {w} {}", describe(status))));
                    }
                    let mut ids = who.split_whitespace().map(str::parse::<u32>);
                    let (Some(Ok(pid)), Some(Ok(parent))) = (ids.next(), ids.next()) else {
                        return Err(io::Error::other(format!("worker {w} said {who:?}")));
                    };
                    let sum = sum.trim().parse().map_err(io::Error::other)?;
                    Ok(Summed {
                        pid,
                        parent,
                        range,
                        sum,
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a reader thread does not panic"))
            .collect()
    })
}

// ANCHOR: careless
/// What `main` does in a program that forgets to ask whether it is a worker: it runs the
/// parent's code, which starts two workers, which run `main`, which starts two workers… Each
/// process says which generation it is and who started it. `cap` is this demonstration's
/// safety net, not part of the mistake: at generation `cap` a process stops multiplying.
pub fn careless_main(generation: u32, cap: u32) -> io::Result<()> {
    println!(
        "generation {generation}: process {} started by {}",
        std::process::id(),
        std::os::unix::process::parent_id()
    );
    if generation >= cap {
        return Ok(());
    }
    let next = (generation + 1).to_string();
    let children: Vec<_> = (0..2)
        .map(|_| {
            Command::new(std::env::current_exe()?)
                .args([WORKER, "careless", &next, &cap.to_string()])
                .stdin(Stdio::null())
                .spawn()
        })
        .collect::<io::Result<_>>()?;
    for mut child in children {
        child.wait()?;
    }
    Ok(())
}
// ANCHOR_END: careless

/// Starts two careless workers (generation 1) and counts the processes of every generation
/// from the lines they all write to one pipe. Returns the count per generation.
pub fn careless_tree(base: &WorkerProgram, cap: u32) -> io::Result<BTreeMap<u32, usize>> {
    let mut per_generation = BTreeMap::new();
    let first = worker(base, &["careless", "1", &cap.to_string()]);
    // Both first-generation workers, and every process they start, inherit the write end of
    // this one pipe; reading to the end means every one of them has exited.
    let (reader, writer) = io::pipe()?;
    let mut children = Vec::new();
    for _ in 0..2 {
        let spawned = writer
            .try_clone()
            .and_then(|out| first.command().stdin(Stdio::null()).stdout(out).spawn());
        match spawned {
            Ok(child) => children.push(child),
            Err(error) => {
                for mut child in children {
                    let _ = child.wait();
                }
                return Err(error);
            }
        }
    }
    drop(writer);
    let read: io::Result<()> = io::BufReader::new(reader).lines().try_for_each(|line| {
        let generation = line?
            .strip_prefix("generation ")
            .and_then(|rest| rest.split(':').next())
            .and_then(|g| g.parse().ok());
        if let Some(generation) = generation {
            *per_generation.entry(generation).or_insert(0) += 1;
        }
        Ok(())
    });
    for mut child in children {
        child.wait()?;
    }
    read.map(|()| per_generation)
}

/// Section 2 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let n = flags.sum_to(env);
    let base = this_program()?;
    // Whatever happens in this section, no worker outlives it.
    let _stop = StopOnDrop(base.clone());
    report.say(&format!(
        "This program (process {}) starts {WORKERS} copies of itself with the arguments \
         `{WORKER} sum START END`. Each copy's main sees the role and serves it: it says who it \
         is, adds up its quarter of 0..{n} (the tutorials' summing loop, divided instead of \
         repeated in every process), and writes the sum.",
        std::process::id()
    ));
    let timeline = Timeline::new();
    let clock = Stopwatch::start();
    let summed = sum_in_workers(&base, n, WORKERS, &timeline)?;
    let took = clock.elapsed();
    for (w, s) in summed.iter().enumerate() {
        report.line(&format!(
            "worker {w}: process {}, started by {}, summed {}..{}",
            s.pid, s.parent, s.range.start, s.range.end
        ));
    }
    let total = summed.iter().fold(0u64, |t, s| t.wrapping_add(s.sum));
    anyhow::ensure!(total == sum_loop(n), "the workers' sums do not add up");
    let mut pids: Vec<u32> = summed.iter().map(|s| s.pid).collect();
    pids.sort_unstable();
    pids.dedup();
    let startups: Vec<Duration> = timeline
        .spans()
        .iter()
        .filter(|s| s.label == "start-up")
        .map(|s| s.end - s.start)
        .collect();
    let slowest_start = startups.iter().max().copied().unwrap_or_default();
    report.results(&[Record::new(format!("{WORKERS} workers"))
        .wall(took)
        .count("distinct_pids", pids.len() as u64)
        .duration("slowest_start_up", slowest_start)
        .text("sum", total.to_string())]);
    report.say(&format!(
        "{WORKERS} distinct process ids, each started by this program, and a total equal to \
         the single loop's. █ is a worker's start-up, from spawn until it said who it was; ▓ \
         its summing. Start-up is a cost threads do not pay, and it is paid again by every \
         process started ({} at most here).",
        human(slowest_start)
    ));
    report.timeline(&timeline);

    let cap = env.size(4, 3);
    report.say(&format!(
        "Now a stand-in for a main without the role check: every process runs the parent's \
         code and starts two workers of its own. A generation number passed along is this \
         demonstration's safety cap: generation {cap} stops. Without it, the tree would double \
         each generation until the system refused to create processes."
    ));
    let clock = Stopwatch::start();
    let tree = careless_tree(&base, cap)?;
    let took = clock.elapsed();
    let records: Vec<Record> = tree
        .iter()
        .map(|(generation, count)| {
            Record::new(format!("generation {generation}")).count("processes", *count as u64)
        })
        .collect();
    report.results(&records);
    let all: usize = tree.values().sum();
    report.say(&format!(
        "{all} processes in {} where 2 were meant. Python's spawn start method does not do \
         this: a child that reaches process-starting code while importing the main module \
         raises a RuntimeError that points to `if __name__ == \"__main__\":`. A self-starting \
         Rust program has no such alarm, so the role check in main is the guard.",
        human(took)
    ));

    leash::show(report, env, &base)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sum_role_says_who_it_is_then_the_sum() {
        let mut out = Vec::new();
        serve_sum(10..20, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with(&std::process::id().to_string()));
        assert_eq!(lines[1], "145");
    }
}
