//! Section 2: waits overlap. While a thread sleeps or waits for I/O it uses no CPU, so any
//! number of waiting threads overlap, even on one core, and even in Python, whose standard
//! library releases the GIL around its blocking calls (`time.sleep`, socket and file reads).
//! Two examples every threading tutorial has:
//!
//! - two tasks waiting 2 s and 1 s finish in 2 s, not 3;
//! - a thread printing numbers and one printing letters, each waiting 1 s after every item,
//!   finish in 5 s, not 10.

use std::thread;
use std::time::Duration;

use shared::instruments::Transcript;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human, overlap_ratio, speedup};
use shared::workload::io::simulated_io;

use crate::Flags;

// ANCHOR: task
/// A task that announces its start, waits, and announces its end.
pub fn task(name: &str, wait: Duration, transcript: &Transcript, timeline: &Timeline) {
    transcript.say(format!("{name} starts"));
    let _span = timeline.span(name, "waiting");
    simulated_io(wait);
    transcript.say(format!("{name} done"));
}

/// Both tasks at once, each on a scoped thread; returns when both are done.
pub fn two_tasks_in_threads(unit: Duration, transcript: &Transcript, timeline: &Timeline) {
    thread::scope(|scope| {
        scope.spawn(|| task("Task 1 (2 s)", 2 * unit, transcript, timeline));
        scope.spawn(|| task("Task 2 (1 s)", unit, transcript, timeline));
    });
}
// ANCHOR_END: task

/// The same two tasks, one after the other.
pub fn two_tasks_in_sequence(unit: Duration, transcript: &Transcript, timeline: &Timeline) {
    task("Task 1 (2 s)", 2 * unit, transcript, timeline);
    task("Task 2 (1 s)", unit, transcript, timeline);
}

/// Says each item, then waits one unit. Each item is a span on the thread's lane.
pub fn print_slowly(
    lane: &str,
    items: &[&str],
    unit: Duration,
    transcript: &Transcript,
    timeline: &Timeline,
) {
    for item in items {
        let _span = timeline.span(lane, *item);
        transcript.say(format!("{lane}: {item}"));
        simulated_io(unit);
    }
}

/// Numbers and letters on two threads: their lines interleave.
pub fn numbers_and_letters(unit: Duration, transcript: &Transcript, timeline: &Timeline) {
    let numbers = ["0", "1", "2", "3", "4"];
    let letters = ["A", "B", "C", "D", "E"];
    thread::scope(|scope| {
        scope.spawn(|| print_slowly("numbers", &numbers, unit, transcript, timeline));
        scope.spawn(|| print_slowly("letters", &letters, unit, transcript, timeline));
    });
}

/// Section 2 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    report.say(&format!(
        "Two tasks wait 2 and 1 seconds (one second = {} here), first one after the other, \
         then on two threads. Waiting uses no CPU, so the threads' waits overlap: the total \
         should be the longer wait, not the sum.",
        human(unit)
    ));
    let transcript = report.live_transcript();
    let in_sequence = Stopwatch::start();
    two_tasks_in_sequence(unit, &transcript, &Timeline::new());
    let in_sequence = in_sequence.elapsed();
    let timeline = Timeline::new();
    let in_threads = Stopwatch::start();
    two_tasks_in_threads(unit, &transcript, &timeline);
    let in_threads = in_threads.elapsed();
    report.results(&[
        Record::new("one after another").wall(in_sequence),
        Record::new("two threads")
            .wall(in_threads)
            .speedup(speedup(in_sequence, in_threads))
            .ratio("overlap", overlap_ratio(in_threads, 2 * unit)),
    ]);
    report.say("Overlap is total ÷ longest wait: 1.00× would be perfect.");
    report.timeline(&timeline);

    report.say(
        "Now a thread that prints 0 to 4 and one that prints A to E, each waiting one second \
         after every item. Whole lines, never torn: println! locks stdout for the whole line.",
    );
    let timeline = Timeline::new();
    let clock = Stopwatch::start();
    numbers_and_letters(unit, &report.live_transcript(), &timeline);
    let took = clock.elapsed();
    report.results(&[Record::new("numbers and letters, two threads")
        .wall(took)
        .duration("sum_of_waits", 10 * unit)
        .ratio("overlap", overlap_ratio(took, 5 * unit))]);
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::Rendezvous;

    const PATIENCE: Duration = Duration::from_secs(10);

    /// A transcript whose speakers must meet when they say a line that `meets` picks out: only
    /// speakers running at the same time can.
    fn meeting_on(meets: fn(&str) -> bool) -> Transcript {
        let meet = Rendezvous::new(2, PATIENCE);
        Transcript::listening(move |line| {
            if meets(line) {
                meet.wait().expect("the two threads did not run together");
            }
        })
    }

    #[test]
    fn the_two_tasks_wait_at_the_same_time_in_threads() {
        let transcript = meeting_on(|line| line.ends_with("starts"));
        two_tasks_in_threads(Duration::from_millis(1), &transcript, &Timeline::new());
        let mut lines = transcript.lines();
        lines.sort();
        assert_eq!(
            lines,
            [
                "Task 1 (2 s) done",
                "Task 1 (2 s) starts",
                "Task 2 (1 s) done",
                "Task 2 (1 s) starts"
            ]
        );
    }

    #[test]
    fn in_sequence_one_task_ends_before_the_next_starts() {
        let transcript = Transcript::new();
        two_tasks_in_sequence(Duration::from_millis(1), &transcript, &Timeline::new());
        assert_eq!(
            transcript.lines(),
            [
                "Task 1 (2 s) starts",
                "Task 1 (2 s) done",
                "Task 2 (1 s) starts",
                "Task 2 (1 s) done"
            ]
        );
    }

    #[test]
    fn numbers_and_letters_run_together_and_each_prints_in_order() {
        let transcript = meeting_on(|line| line.ends_with(": 0") || line.ends_with(": A"));
        numbers_and_letters(Duration::from_millis(1), &transcript, &Timeline::new());
        assert_eq!(
            transcript.lines_starting("numbers"),
            [
                "numbers: 0",
                "numbers: 1",
                "numbers: 2",
                "numbers: 3",
                "numbers: 4"
            ]
        );
        assert_eq!(
            transcript.lines_starting("letters"),
            [
                "letters: A",
                "letters: B",
                "letters: C",
                "letters: D",
                "letters: E"
            ]
        );
    }
}
