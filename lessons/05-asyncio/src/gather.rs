//! Section 2: running several futures at once, and the mistake that runs them one by one.
//!
//! `tokio::join!` is `asyncio.gather` for a fixed set of futures: it polls them all on the
//! current task, so their waits overlap, and returns their results in argument order (the
//! seeds' E31: waits of 2, 1 and 3 seconds take 3 seconds, not 6). Awaiting futures one after
//! another, or running each in its own runtime (two `asyncio.run` calls, the seeds' E23), is
//! sequential: async code only overlaps what it is given to overlap.

use std::time::Duration;

use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, overlap_ratio, speedup};

use crate::{Settings, current_thread_runtime};

// ANCHOR: gather
/// The seeds' E31 task: announces its start, waits `units` units, announces its end.
pub async fn task(
    name: &'static str,
    units: u32,
    unit: Duration,
    say: &impl Fn(String),
    timeline: &Timeline,
) -> &'static str {
    say(format!("{name} starts ({units} s)"));
    let _span = timeline.span(format!("task {name} ({units} s)"), "waiting");
    tokio::time::sleep(unit * units).await;
    say(format!("{name} done"));
    name
}

/// All three at once; the results come back in argument order, whatever order they finish in.
pub async fn gather_three(
    unit: Duration,
    say: &impl Fn(String),
    timeline: &Timeline,
) -> [&'static str; 3] {
    let (a, b, c) = tokio::join!(
        task("A", 2, unit, say, timeline),
        task("B", 1, unit, say, timeline),
        task("C", 3, unit, say, timeline),
    );
    [a, b, c]
}
// ANCHOR_END: gather

/// The seeds' E23 worker: says each item, waiting one unit after each.
pub async fn count_out(
    lane: &'static str,
    items: [&'static str; 3],
    unit: Duration,
    say: &impl Fn(String),
    timeline: &Timeline,
) {
    for item in items {
        let _span = timeline.span(lane, item);
        say(format!("{lane}: {item}"));
        tokio::time::sleep(unit).await;
    }
}

// ANCHOR: sequential
/// E23's mistake in its Rust form: each worker in a runtime of its own, one after the other,
/// like two consecutive `asyncio.run` calls.
pub fn two_runtimes_in_a_row(
    unit: Duration,
    say: &impl Fn(String),
    timeline: &Timeline,
) -> std::io::Result<()> {
    current_thread_runtime()?.block_on(count_out("numbers", ["1", "2", "3"], unit, say, timeline));
    current_thread_runtime()?.block_on(count_out("letters", ["A", "B", "C"], unit, say, timeline));
    Ok(())
}

/// The same mistake inside one runtime: the second `.await` starts only when the first ends.
pub async fn one_await_after_another(unit: Duration, say: &impl Fn(String), timeline: &Timeline) {
    count_out("numbers", ["1", "2", "3"], unit, say, timeline).await;
    count_out("letters", ["A", "B", "C"], unit, say, timeline).await;
}

/// The fix: both futures in one `join!`, so their waits overlap.
pub async fn both_at_once(unit: Duration, say: &impl Fn(String), timeline: &Timeline) {
    tokio::join!(
        count_out("numbers", ["1", "2", "3"], unit, say, timeline),
        count_out("letters", ["A", "B", "C"], unit, say, timeline),
    );
}
// ANCHOR_END: sequential

/// Section 2 of the lesson program.
pub fn show(report: &mut Report, settings: &Settings) -> anyhow::Result<()> {
    let unit = settings.unit;
    report.section(
        2,
        "Gather: waits of 2, 1 and 3 seconds",
        &format!(
            "Three tasks wait 2, 1 and 3 seconds (one second = {} here), gathered with tokio::join!, \
             Python's asyncio.gather. The total should be the longest wait, and the results come \
             back in argument order although B finishes first.",
            shared::timing::human(unit)
        ),
    );
    let say = |line: String| report.line(&line);
    let runtime = current_thread_runtime()?;
    let timeline = Timeline::new();
    let clock = Stopwatch::start();
    let results = runtime.block_on(gather_three(unit, &say, &timeline));
    let gathered = clock.elapsed();
    report.results(&[Record::new("tokio::join! of A, B, C")
        .wall(gathered)
        .text("results", format!("{results:?}"))
        .duration("sum_of_waits", unit * 6)
        .ratio("overlap", overlap_ratio(gathered, unit * 3))]);
    report.timeline(&timeline);

    report.say(
        "A classic mistake runs two coroutines with two asyncio.run calls in a row: each \
         runtime finishes its work before the next starts. Here: numbers and letters, three \
         items each, one second apart, in two runtimes in a row, then in one join!.",
    );
    let sequential_timeline = Timeline::new();
    let clock = Stopwatch::start();
    two_runtimes_in_a_row(unit, &say, &sequential_timeline)?;
    let in_a_row = clock.elapsed();
    let timeline = Timeline::new();
    let clock = Stopwatch::start();
    runtime.block_on(both_at_once(unit, &say, &timeline));
    let at_once = clock.elapsed();
    report.results(&[
        Record::new("two runtimes in a row").wall(in_a_row),
        Record::new("one tokio::join!")
            .wall(at_once)
            .speedup(speedup(in_a_row, at_once)),
    ]);
    report.say("In a row, then at once:");
    report.timeline(&sequential_timeline);
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use tokio::time::Instant;

    const SECOND: Duration = Duration::from_secs(1);

    #[tokio::test(start_paused = true)]
    async fn gather_takes_the_longest_wait_and_keeps_argument_order() {
        let lines = Mutex::new(Vec::new());
        let say = |line: String| lines.lock().unwrap().push(line);
        let started = Instant::now();
        let results = gather_three(SECOND, &say, &Timeline::new()).await;
        assert_eq!(started.elapsed(), 3 * SECOND);
        assert_eq!(results, ["A", "B", "C"]);
        let done: Vec<String> = lines
            .into_inner()
            .unwrap()
            .into_iter()
            .filter(|l| l.ends_with("done"))
            .collect();
        assert_eq!(done, ["B done", "A done", "C done"]);
    }

    #[tokio::test(start_paused = true)]
    async fn awaiting_one_after_another_adds_the_waits_and_join_overlaps_them() {
        let say = |_: String| {};
        let started = Instant::now();
        one_await_after_another(SECOND, &say, &Timeline::new()).await;
        assert_eq!(started.elapsed(), 6 * SECOND);
        let started = Instant::now();
        both_at_once(SECOND, &say, &Timeline::new()).await;
        assert_eq!(started.elapsed(), 3 * SECOND);
    }

    #[test]
    fn two_runtimes_in_a_row_never_interleave() {
        let lines = Mutex::new(Vec::new());
        let say = |line: String| lines.lock().unwrap().push(line);
        two_runtimes_in_a_row(Duration::from_millis(1), &say, &Timeline::new()).unwrap();
        assert_eq!(
            lines.into_inner().unwrap(),
            [
                "numbers: 1",
                "numbers: 2",
                "numbers: 3",
                "letters: A",
                "letters: B",
                "letters: C"
            ]
        );
    }
}
