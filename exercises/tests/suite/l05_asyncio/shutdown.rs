use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use shared::instruments::{Transcript, block_on_within_paused};
use tokio::sync::oneshot;
use tokio::time::Instant;

use super::subject::shutdown::{Job, ShutdownReport, run_until_shutdown};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

const SECOND: Duration = Duration::from_secs(1);

/// Jobs that wait the given number of (virtual) seconds and say in `log` what happened to
/// them: "finished 2" when one ran to the end, "dropped 3" when it was dropped before the end.
fn jobs(seconds: &[u64], log: &Transcript) -> Vec<Job> {
    seconds
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
                tokio::time::sleep(SECOND * wait as u32).await;
                std::mem::forget(unfinished);
                log.say(format!("finished {index}"));
            }) as Job
        })
        .collect()
}

/// Runs the scenario on a runtime with a paused clock: time moves only when every task waits,
/// and then jumps straight to the next timer, so seconds pass in microseconds, exactly.
fn with_paused_clock<T: Send + 'static>(
    scenario: impl FnOnce() -> Pin<Box<dyn Future<Output = T>>> + Send + 'static,
) -> T {
    block_on_within_paused(PATIENCE, "run_until_shutdown", scenario)
}

fn report(finished: &[usize], cancelled: &[usize]) -> ShutdownReport {
    ShutdownReport {
        finished: finished.to_vec(),
        cancelled: cancelled.to_vec(),
    }
}

#[test]
fn without_a_signal_every_job_runs_at_once_to_the_end() {
    let (got, took) = with_paused_clock(|| {
        Box::pin(async {
            let (_keep_sender, shutdown) = oneshot::channel();
            let started = Instant::now();
            let got = run_until_shutdown(jobs(&[1, 2, 3], &Transcript::new()), shutdown).await;
            (got, started.elapsed())
        })
    });
    assert_eq!(
        got,
        report(&[0, 1, 2], &[]),
        "every job finishes when nobody says stop ({READ})"
    );
    assert_eq!(
        took,
        3 * SECOND,
        "jobs of 1, 2 and 3 seconds must run at once: 3 s, not 6 ({READ})"
    );
}

#[test]
fn a_signal_cancels_what_is_unfinished_and_no_more() {
    let (got, took) = with_paused_clock(|| {
        Box::pin(async {
            let (stop, shutdown) = oneshot::channel();
            tokio::spawn(async move {
                tokio::time::sleep(SECOND * 5 / 2).await;
                let _ = stop.send(());
            });
            let started = Instant::now();
            let got = run_until_shutdown(jobs(&[1, 2, 3, 10], &Transcript::new()), shutdown).await;
            (got, started.elapsed())
        })
    });
    assert_eq!(
        got,
        report(&[0, 1], &[2, 3]),
        "stopped after 2.5 s ({READ})"
    );
    assert_eq!(
        took,
        SECOND * 5 / 2,
        "the report must come at the signal, not when the slowest job ends ({READ})"
    );
}

#[test]
fn cancelled_jobs_really_stop() {
    let log = Transcript::new();
    let shared_log = log.clone();
    with_paused_clock(move || {
        Box::pin(async move {
            let (stop, shutdown) = oneshot::channel();
            tokio::spawn(async move {
                tokio::time::sleep(SECOND * 3 / 2).await;
                let _ = stop.send(());
            });
            run_until_shutdown(jobs(&[1, 2, 3], &shared_log), shutdown).await;
            // Give any task left running all the time it needs to finish.
            tokio::time::sleep(SECOND * 60).await;
        })
    });
    let mut log = log.lines();
    log.sort();
    assert_eq!(
        log,
        ["dropped 1", "dropped 2", "finished 0"],
        "a cancelled job must be stopped (aborted), not left running unwatched: dropping a \
         JoinHandle only detaches its task ({READ})"
    );
}

#[test]
fn a_closed_channel_also_means_stop() {
    let got = with_paused_clock(|| {
        Box::pin(async {
            let (stop, shutdown) = oneshot::channel::<()>();
            drop(stop);
            run_until_shutdown(jobs(&[1, 2], &Transcript::new()), shutdown).await
        })
    });
    assert_eq!(
        got,
        report(&[], &[0, 1]),
        "when the sender is dropped without a message, nobody can ever say stop: \
         treat that as stop too ({READ})"
    );
}
