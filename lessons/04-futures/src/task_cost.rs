//! Section 5: a pool or a thread per task, for many small tasks. Every task here does almost
//! nothing, so each figure is almost pure overhead:
//!
//! - a thread per task pays the operating system to create, schedule and tear down a thread;
//! - the executor pays for a box, a slot (an `Arc`, a `Mutex`, a `Condvar`), a trip through the
//!   queue and a wake-up, but its threads are started once;
//! - rayon does not make a task per item at all: it cuts the range into a few pieces and runs
//!   each piece as a plain loop.

use std::hint::black_box;
use std::thread;
use std::time::Duration;

use rayon::prelude::*;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timing::{cores, speedup};

use crate::{Executor, Flags};

/// The task: almost nothing, kept from the optimiser by `black_box`.
pub fn tiny(n: u64) -> u64 {
    black_box(n).wrapping_mul(2)
}

/// The expected sum of `tiny` over `0..count`.
pub fn expected(count: usize) -> u64 {
    let n = count as u64;
    n * n.saturating_sub(1)
}

/// A thread per task, all started before any is joined.
pub fn thread_per_task(count: usize) -> u64 {
    let handles: Vec<_> = (0..count as u64)
        .map(|n| thread::spawn(move || tiny(n)))
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("tiny does not panic"))
        .sum()
}

// ANCHOR: submit_all
/// Every task submitted to one pool, then every handle's result taken.
pub fn submit_to_pool(count: usize, workers: usize) -> u64 {
    let pool = Executor::new(workers);
    let handles: Vec<_> = (0..count as u64)
        .map(|n| pool.submit(move || tiny(n)))
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.result().expect("tiny does not panic"))
        .sum()
}
// ANCHOR_END: submit_all

/// rayon's parallel iterator over the same numbers.
pub fn with_rayon(count: usize) -> u64 {
    (0..count as u64).into_par_iter().map(tiny).sum()
}

/// A plain loop on this thread: the work without any overhead.
pub fn in_a_loop(count: usize) -> u64 {
    (0..count as u64).map(tiny).sum()
}

/// Section 5 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (count, workers) = (flags.tasks(env), cores());
    report.say(&format!(
        "{count} tasks that each double a number: a thread per task, then the lesson's \
         executor with {workers} workers (started and stopped within the measurement), then \
         rayon's par_iter, then a plain loop. The work is nothing, so each figure is the cost \
         of the machinery. {}",
        env.how_measured()
    ));
    let mut sums = Vec::new();
    let mut timed = |run: fn(usize) -> u64| env.measure(|| sums.push(run(count))).median();
    let threads = timed(thread_per_task);
    let pooled = timed(|count| submit_to_pool(count, cores()));
    let rayon = timed(with_rayon);
    let looped = timed(in_a_loop);
    anyhow::ensure!(
        sums.iter().all(|&sum| sum == expected(count)),
        "a sum was wrong: a bug in the lesson"
    );
    let per_task = |took: Duration| took / count as u32;
    let row = |label: String, took: Duration| {
        Record::new(label)
            .wall(took)
            .duration("per_task", per_task(took))
            .ratio("vs_threads", speedup(threads, took))
    };
    report.results(&[
        row(format!("a thread per task, {count} threads"), threads),
        row(format!("executor, {workers} workers"), pooled),
        row("rayon par_iter".into(), rayon),
        // The work alone: a fraction of a nanosecond per task, too little to print per task.
        Record::new("plain loop, the work alone").wall(looped),
    ]);
    report.say(
        "Per task is the wall time ÷ the number of tasks; vs threads is how many times \
         cheaper each way was than a thread per task. A thread per task is fine for a \
         handful of slow tasks (a download takes milliseconds); for many small ones, reuse \
         threads, and for small pieces of CPU work let rayon batch them.",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_runs_every_task_once() {
        for count in [0, 1, 100] {
            let expected = expected(count);
            assert_eq!(thread_per_task(count), expected);
            assert_eq!(submit_to_pool(count, 3), expected);
            assert_eq!(with_rayon(count), expected);
            assert_eq!(in_a_loop(count), expected);
        }
    }
}
