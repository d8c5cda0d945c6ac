//! Section 8: a hundred thousand waits.
//!
//! A tokio task is a future on the heap plus a little bookkeeping: a few hundred bytes. An OS
//! thread is a kernel object with a stack of its own: 2 MiB of address space by default, of
//! which the pages actually touched stay resident. So tasks are the tool for very many
//! concurrent waits (connections, timers), and threads for a few, or for CPU work.

use std::thread;
use std::time::Duration;

use shared::Unavailable;
use shared::memory::{human_bytes, resident_bytes};
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, overlap_ratio};

use shared::lesson::Env;

use crate::{Flags, multi_thread_runtime};

/// What running many concurrent waits cost.
#[derive(Debug, Clone, Copy)]
pub struct Cost {
    /// How many actually ran (threads may be refused by the system).
    pub started: usize,
    /// From the first start to the last finish.
    pub wall: Duration,
    /// Extra resident memory while all were waiting, if the system reports it.
    pub memory: Result<u64, Unavailable>,
}

// ANCHOR: tasks
/// Spawns `count` tasks that each sleep for `wait`, then awaits them all. Three of them, the
/// first, the middle and the last, are drawn on the timeline.
pub async fn many_tasks(count: usize, wait: Duration, timeline: &Timeline) -> Cost {
    let before = resident_bytes();
    let clock = Stopwatch::start();
    let sampled = [0, count / 2, count.saturating_sub(1)];
    let tasks: Vec<_> = (0..count)
        .map(|i| {
            let span = sampled
                .contains(&i)
                .then(|| timeline.span(format!("task {}", i + 1), "waiting"));
            tokio::spawn(async move {
                tokio::time::sleep(wait).await;
                drop(span);
            })
        })
        .collect();
    let during = resident_bytes();
    for task in tasks {
        task.await.expect("a sleeping task does not panic");
    }
    Cost {
        started: count,
        wall: clock.elapsed(),
        memory: growth(before, during),
    }
}
// ANCHOR_END: tasks

/// Starts `count` threads with a small stack that each sleep for `wait`, then joins them. Stops
/// starting more if the system refuses one, and reports how many ran.
pub fn many_threads(count: usize, wait: Duration, stack: usize) -> Cost {
    let before = resident_bytes();
    let clock = Stopwatch::start();
    let mut threads = Vec::with_capacity(count);
    for _ in 0..count {
        match thread::Builder::new()
            .stack_size(stack)
            .spawn(move || thread::sleep(wait))
        {
            Ok(handle) => threads.push(handle),
            Err(_) => break,
        }
    }
    let during = resident_bytes();
    let started = threads.len();
    for handle in threads {
        handle.join().expect("a sleeping thread does not panic");
    }
    Cost {
        started,
        wall: clock.elapsed(),
        memory: growth(before, during),
    }
}

fn growth(
    before: Result<u64, Unavailable>,
    during: Result<u64, Unavailable>,
) -> Result<u64, Unavailable> {
    Ok(during?.saturating_sub(before?))
}

/// Section 8 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (tasks, threads) = (flags.tasks(env), flags.threads(env));
    // Five units, not one: starting 100 000 tasks or 1000 threads takes tens of milliseconds,
    // and the wait must dwarf that for "close to one wait" to mean anything.
    let wait = env.unit() * 5;
    let stack = 64 * 1024;
    report.say(&format!(
        "{tasks} tasks each wait {}, all at once, on a multi-thread runtime; then {threads} OS \
         threads (with {} stacks) do the same. The wait is five units rather than one, so that \
         the time it takes to start them all stays small beside it. The total should stay close \
         to one wait, and the memory per waiting task should be a small fraction of a thread's.",
        shared::timing::human(wait),
        human_bytes(stack as u64)
    ));
    let runtime = multi_thread_runtime()?;
    let timeline = Timeline::new();
    let with_tasks = runtime.block_on(many_tasks(tasks, wait, &timeline));
    drop(runtime);
    let with_threads = many_threads(threads, wait, stack);
    let record = |label: String, cost: Cost| {
        let record = Record::new(label)
            .wall(cost.wall)
            .ratio("in_waits", overlap_ratio(cost.wall, wait));
        match cost.memory {
            Ok(bytes) => record
                .bytes("memory", bytes)
                .bytes("per_wait", bytes / cost.started.max(1) as u64),
            Err(unavailable) => record.text("memory", unavailable.to_string()),
        }
    };
    report.results(&[
        record(format!("{tasks} tokio tasks"), with_tasks),
        record(format!("{} threads", with_threads.started), with_threads),
    ]);
    if with_threads.started < threads {
        report.say(&format!(
            "The system refused to start more than {} threads.",
            with_threads.started
        ));
    }
    report.say("\"in waits\" is the total ÷ one wait. The first, middle and last task:");
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn every_task_waits_at_the_same_time() {
        let started = tokio::time::Instant::now();
        let cost = many_tasks(10_000, Duration::from_secs(1), &Timeline::new()).await;
        assert_eq!(cost.started, 10_000);
        assert_eq!(
            started.elapsed(),
            Duration::from_secs(1),
            "ten thousand waits take one wait"
        );
    }

    #[test]
    fn threads_all_run() {
        let cost = many_threads(20, Duration::from_millis(1), 64 * 1024);
        assert_eq!(cost.started, 20);
    }
}
