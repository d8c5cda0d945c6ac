//! Section 5: timeouts and cancellation.
//!
//! In Rust, cancelling async work means dropping its future. A dropped future is never polled
//! again: its body stays stopped at the `.await` where it was suspended, and everything it
//! owned is dropped (closing sockets, ending timeline spans, giving back permits).
//! `tokio::time::timeout` and `tokio::select!` drop the futures that lose; `JoinHandle::abort`
//! and `JoinSet::abort_all` have the runtime drop a spawned task where it is suspended (a task
//! running at that moment is dropped when it next yields).

use std::time::Duration;

use reqwest::Client;
use shared::http::{Fetched, Network, client, describe, fetch};
use shared::instruments::Transcript;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::human;
use tokio::task::JoinSet;
use tokio::time::error::Elapsed;

use crate::{Flags, multi_thread_runtime};

// ANCHOR: timeout
/// A download that gives up after `limit`, whatever the client's own timeout.
pub async fn fetch_within(client: &Client, url: &str, limit: Duration) -> Result<Fetched, Elapsed> {
    tokio::time::timeout(limit, fetch(client, url)).await
}

/// Races a download against a timer; whichever finishes first wins, and the other future is
/// dropped unfinished.
pub async fn race(client: &Client, url: &str, timer: Duration) -> &'static str {
    tokio::select! {
        _ = fetch(client, url) => "the download",
        _ = tokio::time::sleep(timer) => "the timer",
    }
}
// ANCHOR_END: timeout

// ANCHOR: abort
/// Starts one task per entry of `waits`; after `deadline`, aborts whatever has not finished.
/// Returns the indices of the tasks that finished and of those that were cancelled.
pub async fn abort_after(
    waits: &[Duration],
    deadline: Duration,
    timeline: &Timeline,
) -> (Vec<usize>, Vec<usize>) {
    let mut tasks = JoinSet::new();
    for (i, &wait) in waits.iter().enumerate() {
        let timeline = timeline.clone();
        tasks.spawn(async move {
            // The span ends when the future is dropped, so an aborted task's bar stops there.
            let _span = timeline.span(format!("task {i} ({} ms)", wait.as_millis()), "waiting");
            tokio::time::sleep(wait).await;
            i
        });
    }
    let mut finished = Vec::new();
    let deadline = tokio::time::sleep(deadline);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            next = tasks.join_next() => match next {
                Some(outcome) => finished.push(outcome.expect("the tasks only sleep")),
                None => break,
            },
            () = &mut deadline => {
                tasks.abort_all();
                break;
            }
        }
    }
    // Wait for the aborted tasks to wind down; one that finished just before the abort counts.
    while let Some(outcome) = tasks.join_next().await {
        match outcome {
            Ok(i) => finished.push(i),
            Err(error) if error.is_cancelled() => {}
            Err(error) => std::panic::resume_unwind(error.into_panic()),
        }
    }
    finished.sort_unstable();
    let cancelled = (0..waits.len()).filter(|i| !finished.contains(i)).collect();
    (finished, cancelled)
}
// ANCHOR_END: abort

// ANCHOR: dropped
/// Runs a future that logs before and after its `.await`, and drops it after `limit`.
/// Returns the log: the line after the `.await` is missing, because the body never resumed.
pub async fn drop_a_future_midway(wait: Duration, limit: Duration) -> Vec<String> {
    /// Says so when it is dropped: a local of the future, cleaned up with it.
    struct NoteDrop(Transcript);
    impl Drop for NoteDrop {
        fn drop(&mut self) {
            self.0.say("dropped: its locals are cleaned up");
        }
    }
    let log = Transcript::new();
    let body = {
        let log = log.clone();
        async move {
            let _guard = NoteDrop(log.clone());
            log.say("before the .await");
            tokio::time::sleep(wait).await;
            log.say("after the .await");
        }
    };
    let _ = tokio::time::timeout(limit, body).await;
    log.lines()
}
// ANCHOR_END: dropped

/// Section 5 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    report.say(&format!(
        "One second = {} here. A request to a server that never answers, cut off by \
         tokio::time::timeout after one second; a two-second download raced against a \
         one-second timer with select!; five tasks of 1 to 5 seconds in a JoinSet, aborted after \
         2.5 seconds; and a future dropped while it waits. Dropping a future is how Rust \
         cancels: it never resumes from the .await where it was suspended.",
        human(unit)
    ));
    let server = env.server()?;
    let waits: Vec<Duration> = (1..=5).map(|n| unit * n).collect();
    let runtime = multi_thread_runtime()?;
    let (timed_out, winner, (finished, cancelled), log, timeline) = runtime.block_on(async {
        let client = client(unit * 20, Network::Loopback)?;
        let timed_out = fetch_within(&client, &server.url("/never"), unit).await;
        let slow = server.url(&format!("/delay/{}", (unit * 2).as_millis()));
        let winner = race(&client, &slow, unit).await;
        let timeline = Timeline::new();
        let aborted = abort_after(&waits, unit * 5 / 2, &timeline).await;
        let log = drop_a_future_midway(unit * 2, unit).await;
        anyhow::Ok((timed_out, winner, aborted, log, timeline))
    })?;
    report.results(&[
        Record::new("timeout(1 s, request to /never)").text(
            "outcome",
            match timed_out {
                Err(_) => "Elapsed: the request was dropped".to_string(),
                Ok(fetched) => format!("answered: {}", describe(&fetched)),
            },
        ),
        Record::new("select!(2 s download, 1 s timer)").text("outcome", format!("{winner} won")),
        Record::new("JoinSet of 1..5 s, abort_all at 2.5 s").text(
            "outcome",
            format!("finished {finished:?}, cancelled {cancelled:?}"),
        ),
        Record::new("a future dropped while waiting").text("outcome", log.join(", ")),
    ]);
    report.say("The JoinSet's tasks: the bars of the aborted ones stop at the abort.");
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    #[tokio::test(start_paused = true)]
    async fn abort_all_cancels_exactly_the_unfinished_tasks() {
        let waits: Vec<Duration> = (1..=5).map(|n| SECOND * n).collect();
        let (finished, cancelled) = abort_after(&waits, SECOND * 5 / 2, &Timeline::new()).await;
        assert_eq!(finished, [0, 1]);
        assert_eq!(cancelled, [2, 3, 4]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_dropped_future_never_resumes() {
        let log = drop_a_future_midway(2 * SECOND, SECOND).await;
        assert_eq!(
            log,
            ["before the .await", "dropped: its locals are cleaned up"]
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn timeouts_and_races_against_the_server() {
        let server = shared::server::TestServer::start().unwrap();
        let client = client(Duration::from_secs(20), Network::Loopback).unwrap();
        let limit = Duration::from_millis(50);
        assert!(
            fetch_within(&client, &server.url("/never"), limit)
                .await
                .is_err()
        );
        assert_eq!(
            fetch_within(&client, &server.url("/bytes/3"), Duration::from_secs(20))
                .await
                .unwrap()
                .unwrap(),
            3
        );
        assert_eq!(
            race(&client, &server.url("/never"), limit).await,
            "the timer"
        );
        assert_eq!(
            race(&client, &server.url("/bytes/1"), Duration::from_secs(20)).await,
            "the download"
        );
    }
}
