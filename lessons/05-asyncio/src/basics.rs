//! Section 1: `async fn`, `.await` and a runtime.
//!
//! Calling an `async fn` runs none of its body: it returns a *future*, a value describing the
//! work, which does nothing until something polls it. Polling is the runtime's job: `.await`
//! inside async code, `Runtime::block_on` at the top (what `#[tokio::main]` writes for you,
//! and what `asyncio.run` does in Python). `tokio::spawn` hands a future to the runtime as a
//! *task*, which runs without anyone awaiting it: on the multi-thread runtime an idle worker
//! thread starts it at once; on a current-thread runtime it starts when the spawning code next
//! waits at an `.await`, which is when `asyncio.create_task`'s coroutine starts too.
//!
//! Times here are `tokio::time::Instant`s: the same as `std::time::Instant` in the program, and
//! under the tests' paused clock exact to the nanosecond.

use std::time::Duration;

use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{cores, human};

use tokio::time::Instant;

use crate::{Flags, current_thread_runtime, multi_thread_runtime};

// ANCHOR: lazy
/// Work that records when it really started: on the timeline, and as its return value.
async fn work(lane: &'static str, wait: Duration, timeline: Timeline) -> Instant {
    let _span = timeline.span(lane, "running");
    let started = Instant::now();
    tokio::time::sleep(wait).await;
    started
}

/// Creates a future, waits one `unit`, then awaits it. Returns how long after its creation
/// the future's body began: about one unit, because nothing runs before the `.await`.
pub async fn a_future_waits_to_be_awaited(unit: Duration, timeline: &Timeline) -> Duration {
    let created = Instant::now();
    let future = work("future, awaited later", unit, timeline.clone()); // nothing runs yet
    tokio::time::sleep(unit).await;
    let started = future.await; // the body runs now
    started - created
}

/// Spawns the same work as a task, waits one `unit`, then awaits its handle. Returns how long
/// after the spawn the body began: almost at once, because the runtime runs it meanwhile (on
/// the multi-thread runtime another worker picks it up; on a current-thread runtime it runs
/// as soon as this function waits at its sleep).
pub async fn a_spawned_task_runs_unawaited(unit: Duration, timeline: &Timeline) -> Duration {
    let spawned = Instant::now();
    let task = tokio::spawn(work("task, spawned", unit, timeline.clone()));
    tokio::time::sleep(unit).await;
    let started = task.await.expect("the task does not panic");
    started - spawned
}
// ANCHOR_END: lazy

/// Section 1 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    report.say(&format!(
        "Call an async fn and await the future one second later (one second = {} here); then \
         spawn the same work as a task and wait one second before looking at it. A future is \
         lazy: its body starts only when awaited. A spawned task is run by the runtime without \
         being awaited: here an idle worker thread starts it at once. Neither runs at all \
         without a runtime, so we also time building one.",
        human(unit)
    ));
    let timeline = Timeline::new();
    let runtime = multi_thread_runtime()?;
    let (future_delay, task_delay) = runtime.block_on(async {
        let future = a_future_waits_to_be_awaited(unit, &timeline).await;
        let task = a_spawned_task_runs_unawaited(unit, &timeline).await;
        (future, task)
    });
    drop(runtime);
    let build_current = env.measure(|| current_thread_runtime().map(drop)).median();
    let build_multi = env.measure(|| multi_thread_runtime().map(drop)).median();
    report.results(&[
        Record::new("async fn, awaited one second later")
            .duration("body_started_after", future_delay),
        Record::new("tokio::spawn, awaited one second later")
            .duration("body_started_after", task_delay),
        Record::new("build a current-thread runtime").wall(build_current),
        Record::new(format!(
            "build a multi-thread runtime ({} workers)",
            cores()
        ))
        .wall(build_multi),
    ]);
    report.say(
        "Each body runs for one second: the future's starts only at the await, the task's at the \
         spawn. A runtime is cheap to build; build one per program, not one per call.",
    );
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_future_starts_only_when_awaited_and_a_task_without_an_await() {
        let unit = Duration::from_secs(1);
        let timeline = Timeline::new();
        assert_eq!(a_future_waits_to_be_awaited(unit, &timeline).await, unit);
        assert_eq!(
            a_spawned_task_runs_unawaited(unit, &timeline).await,
            Duration::ZERO
        );
    }
}
