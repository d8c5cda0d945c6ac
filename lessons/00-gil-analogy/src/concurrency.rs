//! Section 1: concurrency and parallelism.
//!
//! *Concurrency* is having several jobs in progress over the same stretch of time; *parallelism*
//! is running several at the same instant. One thread taking turns between two jobs is
//! concurrent but not parallel: both jobs progress, and the total is the sum of their work. Two
//! threads on two cores are parallel: the total is the longer job. The GIL makes CPython
//! threads concurrent but not parallel for Python code; Rust threads are both.

use std::thread::{self, ThreadId};

use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{cores, speedup};

use crate::interpreter::python_step;
use crate::{Flags, measure_traced};

/// A job of CPU work that can run in slices: so many steps left to do.
#[derive(Debug, Clone)]
pub struct Job {
    name: String,
    left: u64,
    timeline: Option<Timeline>,
    ran_on: Option<ThreadId>,
}

impl Job {
    /// A job called `name` of `steps` steps.
    pub fn new(name: impl Into<String>, steps: u64) -> Self {
        Self {
            name: name.into(),
            left: steps,
            timeline: None,
            ran_on: None,
        }
    }

    /// Draws each slice the job runs as a span on its own lane of `timeline`.
    pub fn traced(mut self, timeline: &Timeline) -> Self {
        self.timeline = Some(timeline.clone());
        self
    }

    /// Whether every step is done.
    pub fn is_done(&self) -> bool {
        self.left == 0
    }

    /// Runs up to `steps` more steps.
    pub fn run(&mut self, steps: u64) {
        let _span = self.timeline.as_ref().map(|t| t.span(&self.name, "slice"));
        let now = steps.min(self.left);
        for _ in 0..now {
            python_step();
        }
        self.left -= now;
        self.ran_on = Some(thread::current().id());
    }

    /// The thread that ran its last slice.
    pub fn ran_on(&self) -> Option<ThreadId> {
        self.ran_on
    }
}

// ANCHOR: turns
/// Concurrency without parallelism: one thread gives each job a slice in turn until all are
/// done, as one core (or one lock) shares itself between jobs.
pub fn take_turns(jobs: &mut [Job], slice: u64) {
    while jobs.iter().any(|job| !job.is_done()) {
        for job in jobs.iter_mut() {
            job.run(slice);
        }
    }
}

/// Parallelism: one thread per job, all at once. On enough cores, the jobs run at the same
/// instant.
pub fn side_by_side(jobs: &mut [Job]) {
    thread::scope(|scope| {
        for job in jobs.iter_mut() {
            scope.spawn(move || job.run(u64::MAX));
        }
    });
}
// ANCHOR_END: turns

/// One after the other, for comparison.
pub fn one_after_another(jobs: &mut [Job]) {
    for job in jobs.iter_mut() {
        job.run(u64::MAX);
    }
}

/// Two jobs of `steps` steps each, drawn on `timeline` if there is one.
fn two_jobs(steps: u64, timeline: Option<&Timeline>) -> [Job; 2] {
    ["job A", "job B"].map(|name| {
        let job = Job::new(name, steps);
        match timeline {
            Some(timeline) => job.traced(timeline),
            None => job,
        }
    })
}

/// Section 1 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let steps = flags.iterations(env) / 2;
    let slice = (steps / 8).max(1);
    report.say(&format!(
        "Two jobs of {steps} steps of arithmetic each: one after the other; then on one \
         thread that gives each job a slice of {slice} steps in turn (concurrency: both \
         jobs are under way, but one runs at any instant); then on one thread each \
         (parallelism, on {} CPUs). {}",
        cores(),
        env.how_measured()
    ));
    let sequential = env
        .measure(|| one_after_another(&mut two_jobs(steps, None)))
        .median();
    let (in_turns, turns_timeline) = measure_traced(env, |timeline| {
        take_turns(&mut two_jobs(steps, Some(timeline)), slice)
    });
    let (in_parallel, parallel_timeline) = measure_traced(env, |timeline| {
        side_by_side(&mut two_jobs(steps, Some(timeline)))
    });
    let turns_gain = speedup(sequential, in_turns);
    report.results(&[
        Record::new("one after the other").wall(sequential),
        Record::new("one thread, taking turns")
            .wall(in_turns)
            .speedup(turns_gain),
        Record::new("a thread per job").scaling(sequential, in_parallel, 2),
    ]);
    report.say(
        "Taking turns: both jobs are in progress from start to end, yet never at the same \
         instant, and the total is the sum of the two:",
    );
    report.timeline(&turns_timeline);
    report.say("A thread per job: both run at once, and the total is the longer job:");
    report.timeline(&parallel_timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::clock::ManualClock;
    use std::sync::Arc;

    fn lanes_in_order(timeline: &Timeline) -> Vec<String> {
        let mut spans = timeline.spans();
        spans.sort_by_key(|s| s.start);
        spans.into_iter().map(|s| s.lane).collect()
    }

    #[test]
    fn taking_turns_alternates_slices_until_both_jobs_are_done() {
        // A clock that never moves: spans keep the order in which they were recorded.
        let timeline = Timeline::with_clock(Arc::new(ManualClock::new()));
        let mut jobs = [
            Job::new("A", 25).traced(&timeline),
            Job::new("B", 12).traced(&timeline),
        ];
        take_turns(&mut jobs, 10);
        assert!(jobs.iter().all(Job::is_done));
        let order: Vec<String> = timeline.spans().into_iter().map(|s| s.lane).collect();
        assert_eq!(order, ["A", "B", "A", "B", "A", "B"]);
    }

    #[test]
    fn side_by_side_gives_each_job_its_own_thread() {
        let timeline = Timeline::new();
        let mut jobs = two_jobs(1_000, Some(&timeline));
        side_by_side(&mut jobs);
        assert!(jobs.iter().all(Job::is_done));
        let mut lanes = lanes_in_order(&timeline);
        lanes.sort();
        assert_eq!(
            lanes,
            ["job A", "job B"],
            "one slice each: all of it at once"
        );
        let (a, b) = (jobs[0].ran_on().unwrap(), jobs[1].ran_on().unwrap());
        let here = thread::current().id();
        assert!(
            a != b && a != here && b != here,
            "a thread of its own for each job"
        );
    }

    #[test]
    fn one_after_another_finishes_each_job_before_the_next() {
        let timeline = Timeline::with_clock(Arc::new(ManualClock::new()));
        let mut jobs = [
            Job::new("A", 5).traced(&timeline),
            Job::new("B", 5).traced(&timeline),
        ];
        one_after_another(&mut jobs);
        assert!(jobs.iter().all(Job::is_done));
        assert_eq!(jobs[0].ran_on(), Some(thread::current().id()));
        assert_eq!(lanes_in_order(&timeline), ["A", "B"]);
    }
}
