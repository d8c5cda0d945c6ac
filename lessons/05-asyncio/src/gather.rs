//! Section 2: running several futures at once, and the mistake that runs them one by one.
//!
//! `tokio::join!` is `asyncio.gather` for a fixed set of futures: it polls them all on the
//! current task, so their waits overlap, and returns their results in argument order (waits of
//! 2, 1 and 3 seconds take 3 seconds, not 6). Awaiting futures one after another, or running
//! each in its own runtime (two `asyncio.run` calls in a row, a mistake one tutorial presents
//! as concurrency), is sequential: async code only overlaps what it is given to overlap.

use std::time::Duration;

use shared::instruments::Transcript;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human, overlap_ratio, speedup};

use crate::{Flags, current_thread_runtime};

// ANCHOR: gather
/// A task that announces its start, waits `units` units, and announces its end.
pub async fn task(
    name: &'static str,
    units: u32,
    unit: Duration,
    transcript: &Transcript,
    timeline: &Timeline,
) -> &'static str {
    transcript.say(format!("{name} starts ({units} s)"));
    let _span = timeline.span(format!("task {name} ({units} s)"), "waiting");
    tokio::time::sleep(unit * units).await;
    transcript.say(format!("{name} done"));
    name
}

/// All three at once; the results come back in argument order, whatever order they finish in.
pub async fn gather_three(
    unit: Duration,
    transcript: &Transcript,
    timeline: &Timeline,
) -> [&'static str; 3] {
    let (a, b, c) = tokio::join!(
        task("A", 2, unit, transcript, timeline),
        task("B", 1, unit, transcript, timeline),
        task("C", 3, unit, transcript, timeline),
    );
    [a, b, c]
}
// ANCHOR_END: gather

/// Says each item, waiting one unit after each.
pub async fn count_out(
    lane: &'static str,
    items: [&'static str; 3],
    unit: Duration,
    transcript: &Transcript,
    timeline: &Timeline,
) {
    for item in items {
        let _span = timeline.span(lane, item);
        transcript.say(format!("{lane}: {item}"));
        tokio::time::sleep(unit).await;
    }
}

// ANCHOR: sequential
/// The mistake in its Rust form: each worker in a runtime of its own, one after the other,
/// like two consecutive `asyncio.run` calls.
pub fn two_runtimes_in_a_row(
    unit: Duration,
    transcript: &Transcript,
    timeline: &Timeline,
) -> std::io::Result<()> {
    current_thread_runtime()?.block_on(count_out(
        "numbers",
        ["1", "2", "3"],
        unit,
        transcript,
        timeline,
    ));
    current_thread_runtime()?.block_on(count_out(
        "letters",
        ["A", "B", "C"],
        unit,
        transcript,
        timeline,
    ));
    Ok(())
}

/// The same mistake inside one runtime: the second `.await` starts only when the first ends.
pub async fn one_await_after_another(unit: Duration, transcript: &Transcript, timeline: &Timeline) {
    count_out("numbers", ["1", "2", "3"], unit, transcript, timeline).await;
    count_out("letters", ["A", "B", "C"], unit, transcript, timeline).await;
}

/// The fix: both futures in one `join!`, so their waits overlap.
pub async fn both_at_once(unit: Duration, transcript: &Transcript, timeline: &Timeline) {
    tokio::join!(
        count_out("numbers", ["1", "2", "3"], unit, transcript, timeline),
        count_out("letters", ["A", "B", "C"], unit, transcript, timeline),
    );
}
// ANCHOR_END: sequential

/// Section 2 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    report.say(&format!(
        "Three tasks wait 2, 1 and 3 seconds (one second = {} here), gathered with tokio::join!, \
         Python's asyncio.gather. The total should be the longest wait, and the results come \
         back in argument order although B finishes first.",
        human(unit)
    ));
    let transcript = report.live_transcript();
    let runtime = current_thread_runtime()?;
    let timeline = Timeline::new();
    let clock = Stopwatch::start();
    let results = runtime.block_on(gather_three(unit, &transcript, &timeline));
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
    two_runtimes_in_a_row(unit, &transcript, &sequential_timeline)?;
    let in_a_row = clock.elapsed();
    let timeline = Timeline::new();
    let clock = Stopwatch::start();
    runtime.block_on(both_at_once(unit, &transcript, &timeline));
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
    use tokio::time::Instant;

    const SECOND: Duration = Duration::from_secs(1);

    #[tokio::test(start_paused = true)]
    async fn gather_takes_the_longest_wait_and_keeps_argument_order() {
        let transcript = Transcript::new();
        let started = Instant::now();
        let results = gather_three(SECOND, &transcript, &Timeline::new()).await;
        assert_eq!(started.elapsed(), 3 * SECOND);
        assert_eq!(results, ["A", "B", "C"]);
        let done: Vec<String> = transcript
            .lines()
            .into_iter()
            .filter(|l| l.ends_with("done"))
            .collect();
        assert_eq!(done, ["B done", "A done", "C done"]);
    }

    #[tokio::test(start_paused = true)]
    async fn awaiting_one_after_another_adds_the_waits_and_join_overlaps_them() {
        let transcript = Transcript::new();
        let started = Instant::now();
        one_await_after_another(SECOND, &transcript, &Timeline::new()).await;
        assert_eq!(started.elapsed(), 6 * SECOND);
        let started = Instant::now();
        both_at_once(SECOND, &transcript, &Timeline::new()).await;
        assert_eq!(started.elapsed(), 3 * SECOND);
    }

    #[test]
    fn two_runtimes_in_a_row_never_interleave() {
        let transcript = Transcript::new();
        two_runtimes_in_a_row(Duration::from_millis(1), &transcript, &Timeline::new()).unwrap();
        assert_eq!(
            transcript.lines(),
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
