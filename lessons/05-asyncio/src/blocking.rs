//! Section 6: never block the runtime.
//!
//! Tasks are scheduled *cooperatively*: a task gives up its thread only at an `.await` that
//! has to wait. Code that blocks the thread instead (`std::thread::sleep`, a long computation,
//! `std::fs`, `reqwest::blocking`) keeps it from every other task on that thread. On a
//! current-thread runtime, asyncio's model, that is every task. (OS threads, lesson 01, are
//! scheduled *preemptively*: the kernel interrupts them, so one busy thread cannot freeze the
//! others.)
//!
//! The fixes hand the blocking work to other threads and `.await` the answer: tokio's blocking
//! pool with `spawn_blocking` (Python's `run_in_executor` / `asyncio.to_thread`), or rayon's
//! pool for CPU work, with a oneshot channel to carry the result back.

use std::future::Future;
use std::ops::Range;
use std::time::Duration;

use shared::report::{Record, Report};
use shared::timeline::{Span, Timeline};
use shared::workload::cpu::count_primes_below;
use tokio::runtime::Runtime;
use tokio::sync::oneshot;
use tokio::time::MissedTickBehavior;

use shared::lesson::Env;

use crate::{Flags, current_thread_runtime};

/// The lane heartbeat ticks are drawn on.
pub const HEARTBEAT: &str = "heartbeat";

/// Marks a tick on the heartbeat lane every `interval`, until aborted. While it ticks
/// regularly, the runtime is responsive.
pub async fn heartbeat(interval: Duration, timeline: Timeline) {
    let mut ticks = tokio::time::interval(interval);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        timeline.mark(HEARTBEAT, "tick");
    }
}

// ANCHOR: mistakes
/// MISTAKE: a blocking sleep inside async code holds the thread for the whole wait.
pub async fn sleep_in_the_task(wait: Duration) {
    std::thread::sleep(wait);
}

/// MISTAKE: a long computation inside async code never reaches an `.await`.
pub async fn crunch_in_the_task(limit: u64) -> u64 {
    count_primes_below(limit)
}
// ANCHOR_END: mistakes

// ANCHOR: fixes
/// The computation on tokio's blocking pool; the task awaits its result without blocking.
pub async fn crunch_on_the_blocking_pool(limit: u64) -> u64 {
    tokio::task::spawn_blocking(move || count_primes_below(limit))
        .await
        .expect("the computation does not panic")
}

/// The computation on rayon's pool, meant for CPU work; a oneshot channel brings the
/// answer back to the task.
pub async fn crunch_on_rayon(limit: u64) -> u64 {
    let (answer, answered) = oneshot::channel();
    rayon::spawn(move || {
        // The receiver is only gone if the task was cancelled; then nobody needs the answer.
        let _ = answer.send(count_primes_below(limit));
    });
    answered.await.expect("rayon runs every job it is given")
}
// ANCHOR_END: fixes

/// The heartbeat's ticks, in order.
fn ticks(spans: &[Span]) -> Vec<Duration> {
    let mut ticks: Vec<Duration> = spans
        .iter()
        .filter(|s| s.lane == HEARTBEAT)
        .map(|s| s.start)
        .collect();
    ticks.sort();
    ticks
}

/// The longest pause between consecutive heartbeat ticks around `window`: the gap that
/// contains its start, the one that contains its end, and any in between.
pub fn longest_gap(spans: &[Span], window: &Range<Duration>) -> Duration {
    ticks(spans)
        .windows(2)
        .filter(|pair| pair[1] >= window.start && pair[0] <= window.end)
        .map(|pair| pair[1] - pair[0])
        .max()
        .unwrap_or_default()
}

/// How many heartbeat ticks fell inside `window`.
pub fn ticks_within(spans: &[Span], window: &Range<Duration>) -> usize {
    ticks(spans)
        .into_iter()
        .filter(|tick| window.contains(tick))
        .count()
}

/// Runs `work` on `runtime` with a heartbeat beside it, recording the work as a span on the
/// "work" lane. Returns when the work ran, on the timeline's clock.
pub fn beside_a_heartbeat(
    runtime: &Runtime,
    label: &str,
    tick: Duration,
    timeline: &Timeline,
    work: impl Future,
) -> Range<Duration> {
    runtime.block_on(async {
        let beat = tokio::spawn(heartbeat(tick, timeline.clone()));
        tokio::time::sleep(tick * 3).await;
        let span = timeline.span("work", label);
        let started = timeline.now();
        work.await;
        let ended = timeline.now();
        drop(span);
        tokio::time::sleep(tick * 3).await;
        beat.abort();
        started..ended
    })
}

/// Section 6 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    let tick = unit / 10;
    let limit = env.size(2_000_000, 500_000);
    report.say(&format!(
        "On a current-thread runtime (one thread, like asyncio's event loop), a heartbeat task \
         ticks every {}. Beside it, four ways to do slow work: std::thread::sleep inside a task, \
         counting the primes below {limit} inside a task, the same count with spawn_blocking, \
         and on rayon. The longest pause between ticks shows whether the runtime stayed \
         responsive.",
        shared::timing::human(tick)
    ));
    let runtime = current_thread_runtime()?;
    let timeline = Timeline::new();
    let phases = [
        (
            "std::thread::sleep in the task",
            beside_a_heartbeat(
                &runtime,
                "sleep",
                tick,
                &timeline,
                sleep_in_the_task(unit * 3),
            ),
        ),
        (
            "CPU work in the task",
            beside_a_heartbeat(
                &runtime,
                "crunch",
                tick,
                &timeline,
                crunch_in_the_task(limit),
            ),
        ),
        (
            "CPU work on spawn_blocking",
            beside_a_heartbeat(
                &runtime,
                "spawn_blocking",
                tick,
                &timeline,
                crunch_on_the_blocking_pool(limit),
            ),
        ),
        (
            "CPU work on rayon",
            beside_a_heartbeat(&runtime, "rayon", tick, &timeline, crunch_on_rayon(limit)),
        ),
    ];
    let spans = timeline.spans();
    let records: Vec<Record> = phases
        .iter()
        .map(|(label, window)| {
            let gap = longest_gap(&spans, window);
            Record::new(*label)
                .duration("ran_for", window.end - window.start)
                .count("ticks_meanwhile", ticks_within(&spans, window) as u64)
                .duration("longest_gap", gap)
                .ratio("gap_in_ticks", gap.as_secs_f64() / tick.as_secs_f64())
        })
        .collect();
    report.results(&records);
    report.say(
        "A gap of about one tick is a healthy runtime. The timeline: heartbeat ticks above, the \
         four pieces of work below (alternating █/▓). The ticks stop while the work blocks the \
         runtime's only thread, and carry on beside the work handed to other threads.",
    );
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tick_at(ms: u64) -> Span {
        Span {
            lane: HEARTBEAT.into(),
            label: "tick".into(),
            start: Duration::from_millis(ms),
            end: Duration::from_millis(ms),
        }
    }

    #[test]
    fn gaps_and_ticks_are_measured_around_the_window() {
        let ticks: Vec<Span> = [0, 10, 20, 90, 100, 110].into_iter().map(tick_at).collect();
        let ms = Duration::from_millis;
        assert_eq!(longest_gap(&ticks, &(ms(25)..ms(85))), ms(70));
        assert_eq!(longest_gap(&ticks, &(ms(92)..ms(98))), ms(10));
        assert_eq!(ticks_within(&ticks, &(ms(15)..ms(95))), 2);
    }

    #[test]
    fn blocking_the_only_thread_stops_the_heartbeat() {
        let runtime = current_thread_runtime().unwrap();
        let tick = Duration::from_millis(5);
        let timeline = Timeline::new();
        let window = beside_a_heartbeat(
            &runtime,
            "sleep",
            tick,
            &timeline,
            sleep_in_the_task(tick * 20),
        );
        let spans = timeline.spans();
        assert!(
            ticks_within(&spans, &(Duration::ZERO..window.start)) > 0,
            "the heartbeat ticked before"
        );
        assert_eq!(
            ticks_within(&spans, &window),
            0,
            "nothing else can run on the runtime's only thread"
        );
    }

    #[test]
    fn handing_the_work_off_leaves_the_runtime_free() {
        // The handed-off work waits for a task on the runtime: only a free runtime can get there.
        let runtime = current_thread_runtime().unwrap();
        let meet = shared::instruments::Rendezvous::new(2, Duration::from_secs(10));
        let (here, there) = (meet.clone(), meet);
        runtime.block_on(async move {
            let handed_off = tokio::task::spawn_blocking(move || there.wait());
            let beside = tokio::spawn(async move { here.wait_async().await });
            beside
                .await
                .unwrap()
                .expect("a task ran while the blocking work waited");
            handed_off.await.unwrap().unwrap();
        });
    }

    #[test]
    fn every_way_counts_the_same() {
        let runtime = current_thread_runtime().unwrap();
        let expected = count_primes_below(10_000);
        assert_eq!(runtime.block_on(crunch_in_the_task(10_000)), expected);
        assert_eq!(
            runtime.block_on(crunch_on_the_blocking_pool(10_000)),
            expected
        );
        assert_eq!(runtime.block_on(crunch_on_rayon(10_000)), expected);
    }
}
