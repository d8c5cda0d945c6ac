//! Section 4: executors have no priorities. A tutorial says that `as_completed` gives control
//! over "task prioritization and order of execution"; it does not. The pool's queue is first
//! in, first out: tasks start in the order they were submitted, however urgent the last one
//! is, and `as_completed` only changes the order in which the caller *reads* the results.
//! Running the most urgent work first needs a priority queue in front of the workers
//! (lesson 06).

use std::time::Duration;

use shared::instruments::Transcript;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human};
use shared::workload::io::simulated_io;

use crate::completion::ordinal;
use crate::{Executor, Flags};

/// The jobs' priorities in the order they are submitted; 0 is the most urgent, and comes last.
pub const PRIORITIES: [u8; 6] = [3, 5, 1, 4, 2, 0];

// ANCHOR: start_order
/// Submits one job per priority, in order, to a pool of one worker; each job notes its name
/// when it starts. Returns the names in the order the jobs started.
pub fn start_order(priorities: &[u8]) -> Vec<String> {
    let started = Transcript::new();
    let pool = Executor::new(1);
    for &priority in priorities {
        let started = started.clone();
        pool.submit(move || started.say(format!("p{priority}")));
    }
    drop(pool); // runs every queued job, then stops
    started.lines()
}
// ANCHOR_END: start_order

/// Submits one job per priority to a pool of `workers`; each waits `wait`. Returns when each
/// job started, measured from the first submission, in submission order.
pub fn start_times(
    priorities: &[u8],
    workers: usize,
    wait: Duration,
    timeline: &Timeline,
) -> Vec<Duration> {
    let pool = Executor::new(workers);
    let clock = Stopwatch::start();
    let handles: Vec<_> = priorities
        .iter()
        .enumerate()
        .map(|(place, &priority)| {
            let timeline = timeline.clone();
            pool.submit(move || {
                let started = clock.elapsed();
                let _span = timeline.span(format!("{}: p{priority}", ordinal(place)), "job");
                simulated_io(wait);
                started
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.result().expect("the jobs only wait"))
        .collect()
}

/// Section 4 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    let names: Vec<String> = PRIORITIES.iter().map(|p| format!("p{p}")).collect();
    report.say(&format!(
        "Six jobs named by priority (p0 is the most urgent) are submitted in the order {} to \
         a pool of 2 workers; each waits one second ({}). The most urgent is submitted last.",
        names.join(", "),
        human(unit)
    ));
    let timeline = Timeline::new();
    let started = start_times(&PRIORITIES, 2, unit, &timeline);
    let records: Vec<Record> = PRIORITIES
        .iter()
        .zip(&started)
        .enumerate()
        .map(|(place, (priority, at))| {
            Record::new(format!("p{priority}"))
                .text("submitted", ordinal(place))
                .duration("started_after", *at)
                .ratio("in_waits", at.as_secs_f64() / unit.as_secs_f64())
        })
        .collect();
    report.results(&records);
    let order = start_order(&PRIORITIES);
    report.say(&format!(
        "The jobs started two at a time, in submission order, and p0 waited longest. On one \
         worker the start order is exactly the submission order: {}. No executor method \
         takes a priority, and as_completed cannot reorder what has not started.",
        order.join(", ")
    ));
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_start_in_submission_order_whatever_their_priority() {
        assert_eq!(
            start_order(&PRIORITIES),
            ["p3", "p5", "p1", "p4", "p2", "p0"]
        );
    }

    #[test]
    fn every_job_reports_its_start() {
        let timeline = Timeline::new();
        let started = start_times(&PRIORITIES, 2, Duration::from_millis(1), &timeline);
        assert_eq!(started.len(), 6);
        assert_eq!(timeline.spans().len(), 6);
    }
}
