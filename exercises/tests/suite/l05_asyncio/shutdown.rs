use std::future::Future;
use std::panic;
use std::pin::Pin;
use std::time::Duration;

use shared::instruments::{Transcript, block_on_within_paused, panic_message};
use tokio::sync::oneshot;
use tokio::time::Instant;

use super::subject::shutdown::{Job, ShutdownReport, run_until_shutdown};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Jobs that wait the given number of (virtual) milliseconds and say in `log` what happened to
/// them: "finished 2" when one ran to the end, "dropped 3" when it was dropped before the end.
fn jobs(millis: &[u64], log: &Transcript) -> Vec<Job> {
    millis
        .iter()
        .enumerate()
        .map(|(index, &wait)| {
            let log = log.clone();
            Box::pin(async move {
                /// Says "dropped" if the job is dropped before it disarms this.
                struct Unfinished(usize, Transcript);
                impl Drop for Unfinished {
                    fn drop(&mut self) {
                        self.1.say(format!("dropped {}", self.0));
                    }
                }
                let unfinished = Unfinished(index, log.clone());
                tokio::time::sleep(ms(wait)).await;
                std::mem::forget(unfinished);
                log.say(format!("finished {index}"));
            }) as Job
        })
        .collect()
}

/// When the signal comes: never (the sender is kept), after a wait, or at once by dropping the
/// sender without a message.
#[derive(Clone, Copy)]
enum Signal {
    Never,
    After(u64),
    SenderDropped,
}

/// Runs `run_until_shutdown` on a runtime with a paused clock, where time moves only when every
/// task waits and then jumps to the next timer, so seconds pass at once and exactly. Returns the
/// report and how much virtual time it took.
fn scenario(
    millis: &[u64],
    signal: Signal,
    grace: u64,
    log: &Transcript,
) -> (ShutdownReport, Duration) {
    let jobs = jobs(millis, log);
    let run = move || -> Pin<Box<dyn Future<Output = (ShutdownReport, Duration)>>> {
        Box::pin(async move {
            let (stop, shutdown) = oneshot::channel();
            let _kept = match signal {
                Signal::Never => Some(stop),
                Signal::After(wait) => {
                    tokio::spawn(async move {
                        tokio::time::sleep(ms(wait)).await;
                        let _ = stop.send(());
                    });
                    None
                }
                Signal::SenderDropped => {
                    drop(stop);
                    None
                }
            };
            let started = Instant::now();
            let report = run_until_shutdown(jobs, shutdown, ms(grace)).await;
            (report, started.elapsed())
        })
    };
    let outcome = panic::catch_unwind(panic::AssertUnwindSafe(|| {
        block_on_within_paused(PATIENCE, "run_until_shutdown", run)
    }));
    outcome.unwrap_or_else(|payload| {
        let message = panic_message(&*payload);
        if message.contains("called after complete") {
            panic!(
                "{message}: a future that had already completed was polled again. In a loop, \
                 `&mut shutdown` may be awaited only until it completes: a select! arm \
                 `Ok(()) = &mut shutdown` does not match a closed channel (Err), so the next \
                 turn of the loop polls the finished receiver again. Match any outcome \
                 (`_ = &mut shutdown`) and leave the loop ({READ})"
            );
        }
        panic::resume_unwind(payload)
    })
}

fn report(finished: &[usize], cancelled: &[usize]) -> ShutdownReport {
    ShutdownReport {
        finished: finished.to_vec(),
        cancelled: cancelled.to_vec(),
    }
}

#[test]
fn without_a_signal_every_job_runs_at_once_to_the_end() {
    let (got, took) = scenario(&[1000, 2000, 3000], Signal::Never, 1000, &Transcript::new());
    assert_eq!(
        got,
        report(&[0, 1, 2], &[]),
        "every job finishes when nobody says stop ({READ})"
    );
    assert_eq!(
        took,
        ms(3000),
        "jobs of 1, 2 and 3 seconds must run at once: 3 s, not 6 ({READ})"
    );
}

#[test]
fn the_grace_period_lets_running_jobs_finish() {
    let (got, took) = scenario(
        &[1000, 2000, 3000, 10_000],
        Signal::After(2500),
        1000,
        &Transcript::new(),
    );
    assert_eq!(
        got,
        report(&[0, 1, 2], &[3]),
        "stopped at 2.5 s with 1 s of grace: the 3 s job finishes within the grace, the 10 s job \
         is cancelled at 3.5 s ({READ})"
    );
    assert_eq!(
        took,
        ms(3500),
        "the report comes when the grace period ends, 1 s after the signal ({READ})"
    );
}

#[test]
fn no_grace_cancels_at_the_signal() {
    let (got, took) = scenario(
        &[1000, 2000, 3000, 10_000],
        Signal::After(2500),
        0,
        &Transcript::new(),
    );
    assert_eq!(got, report(&[0, 1], &[2, 3]), "({READ})");
    assert_eq!(took, ms(2500), "({READ})");
}

#[test]
fn the_grace_period_counts_from_the_signal() {
    let (got, took) = scenario(
        &[1000, 5500, 10_000],
        Signal::After(5000),
        1000,
        &Transcript::new(),
    );
    assert_eq!(
        got,
        report(&[0, 1], &[2]),
        "the signal came at 5 s: 1 s of grace runs until 6 s, not until 1 s after the start \
         ({READ})"
    );
    assert_eq!(took, ms(6000), "({READ})");
}

#[test]
fn the_report_comes_as_soon_as_every_job_has_finished() {
    let (got, took) = scenario(
        &[1000, 2000, 3000],
        Signal::After(2500),
        10_000,
        &Transcript::new(),
    );
    assert_eq!(got, report(&[0, 1, 2], &[]), "({READ})");
    assert_eq!(
        took,
        ms(3000),
        "every job was done at 3 s: there is no reason to wait out the rest of the grace period \
         ({READ})"
    );
}

#[test]
fn cancelled_jobs_really_stop() {
    let log = Transcript::new();
    let jobs = jobs(&[1000, 2000, 3000], &log);
    block_on_within_paused(PATIENCE, "run_until_shutdown", move || async move {
        let (stop, shutdown) = oneshot::channel();
        tokio::spawn(async move {
            tokio::time::sleep(ms(1500)).await;
            let _ = stop.send(());
        });
        run_until_shutdown(jobs, shutdown, Duration::ZERO).await;
        // The runtime stays up for another (virtual) minute: a job left running finishes here.
        tokio::time::sleep(ms(60_000)).await;
    });
    let mut lines = log.lines();
    lines.sort();
    assert_eq!(
        lines,
        ["dropped 1", "dropped 2", "finished 0"],
        "a cancelled job must be stopped (aborted), not left running unwatched: dropping a \
         JoinHandle only detaches its task ({READ})"
    );
}

#[test]
fn a_closed_channel_also_means_stop() {
    let (got, _) = scenario(&[1000, 2000], Signal::SenderDropped, 0, &Transcript::new());
    assert_eq!(
        got,
        report(&[], &[0, 1]),
        "when the sender is dropped without a message, nobody can ever say stop: treat that as \
         stop too ({READ})"
    );
    let (got, took) = scenario(
        &[1000, 2000],
        Signal::SenderDropped,
        1500,
        &Transcript::new(),
    );
    assert_eq!(
        (got, took),
        (report(&[0], &[1]), ms(1500)),
        "a closed channel starts the grace period too ({READ})"
    );
}
