//! Section 2: waits overlap. While a thread sleeps or waits for I/O it uses no CPU, so any
//! number of waiting threads overlap, even on one core, and even in Python (where the GIL is
//! released around every blocking call). Two of the tutorials' examples:
//!
//! - two tasks waiting 2 s and 1 s finish in 2 s, not 3 (the seeds' E25);
//! - a thread printing numbers and one printing letters, each waiting 1 s between items,
//!   finish in 5 s, not 10 (E07).

use std::thread;
use std::time::Duration;

use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, overlap_ratio, speedup};
use shared::workload::io::simulated_io;

use crate::Settings;

// ANCHOR: task
/// A task that announces its start, waits, and announces its end.
pub fn task(name: &str, wait: Duration, say: &(impl Fn(String) + Sync), timeline: &Timeline) {
    say(format!("{name} starts"));
    let _span = timeline.span(name, "waiting");
    simulated_io(wait);
    say(format!("{name} done"));
}

/// Both tasks at once, each on a scoped thread; returns when both are done.
pub fn two_tasks_in_threads(unit: Duration, say: &(impl Fn(String) + Sync), timeline: &Timeline) {
    thread::scope(|scope| {
        scope.spawn(|| task("Task 1 (2 s)", 2 * unit, say, timeline));
        scope.spawn(|| task("Task 2 (1 s)", unit, say, timeline));
    });
}
// ANCHOR_END: task

/// The same two tasks, one after the other.
pub fn two_tasks_in_sequence(unit: Duration, say: &(impl Fn(String) + Sync), timeline: &Timeline) {
    task("Task 1 (2 s)", 2 * unit, say, timeline);
    task("Task 2 (1 s)", unit, say, timeline);
}

/// E07: prints each item, then waits one unit. Each item is a span on the thread's lane.
pub fn print_slowly(
    lane: &str,
    items: &[&str],
    unit: Duration,
    say: &(impl Fn(String) + Sync),
    timeline: &Timeline,
) {
    for item in items {
        let _span = timeline.span(lane, *item);
        say(format!("{lane}: {item}"));
        simulated_io(unit);
    }
}

/// E07 with two threads: numbers and letters interleave.
pub fn numbers_and_letters(unit: Duration, say: &(impl Fn(String) + Sync), timeline: &Timeline) {
    thread::scope(|scope| {
        scope.spawn(|| print_slowly("numbers", &["0", "1", "2", "3", "4"], unit, say, timeline));
        scope.spawn(|| print_slowly("letters", &["A", "B", "C", "D", "E"], unit, say, timeline));
    });
}

/// Section 2 of the lesson program.
pub fn show(report: &mut Report, settings: &Settings) -> anyhow::Result<()> {
    let unit = settings.unit;
    report.section(
        2,
        "Waits overlap",
        &format!(
            "Two tasks wait 2 and 1 seconds (one second = {} here), first one after the other, \
             then on two threads. Waiting uses no CPU, so the threads' waits overlap: the total \
             should be the longer wait, not the sum.",
            shared::timing::human(unit)
        ),
    );
    let say = |line: String| report.line(&line);
    let in_sequence = Stopwatch::start();
    two_tasks_in_sequence(unit, &say, &Timeline::new());
    let in_sequence = in_sequence.elapsed();
    let timeline = Timeline::new();
    let in_threads = Stopwatch::start();
    two_tasks_in_threads(unit, &say, &timeline);
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
    numbers_and_letters(unit, &say, &timeline);
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
    use std::sync::Mutex;

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn the_two_tasks_wait_at_the_same_time_in_threads() {
        // Both "starts" lines must be said while the other task is also starting.
        let meet = Rendezvous::new(2, PATIENCE);
        let lines = Mutex::new(Vec::new());
        let say = |line: String| {
            if line.ends_with("starts") {
                meet.wait().expect("the tasks did not start together");
            }
            lines.lock().unwrap().push(line);
        };
        two_tasks_in_threads(Duration::from_millis(1), &say, &Timeline::new());
        let mut lines = lines.into_inner().unwrap();
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
        let lines = Mutex::new(Vec::new());
        let say = |line: String| lines.lock().unwrap().push(line);
        two_tasks_in_sequence(Duration::from_millis(1), &say, &Timeline::new());
        assert_eq!(
            lines.into_inner().unwrap(),
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
        let meet = Rendezvous::new(2, PATIENCE);
        let lines = Mutex::new(Vec::new());
        let say = |line: String| {
            if line.ends_with(": 0") || line.ends_with(": A") {
                meet.wait().expect("the two threads did not run together");
            }
            lines.lock().unwrap().push(line);
        };
        numbers_and_letters(Duration::from_millis(1), &say, &Timeline::new());
        let lines = lines.into_inner().unwrap();
        let numbers: Vec<&String> = lines.iter().filter(|l| l.starts_with("numbers")).collect();
        let letters: Vec<&String> = lines.iter().filter(|l| l.starts_with("letters")).collect();
        assert_eq!(
            numbers,
            [
                "numbers: 0",
                "numbers: 1",
                "numbers: 2",
                "numbers: 3",
                "numbers: 4"
            ]
        );
        assert_eq!(
            letters,
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
