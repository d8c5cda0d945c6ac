//! Section 5: what the Python world is changing, and what it means for a Rust programmer.
//!
//! Two ways out of the single lock are arriving in CPython, both opt-in:
//!
//! - the free-threaded build (PEP 703): no GIL at all. Experimental in 3.13 (`python3.13t`),
//!   officially supported but still a separate, optional build in 3.14 (PEP 779);
//! - several interpreters in one process, each with its own GIL (PEP 684, C API, 3.12), usable
//!   from Python through `concurrent.interpreters` and
//!   `concurrent.futures.InterpreterPoolExecutor` since 3.14 (PEP 734). Interpreters share no
//!   Python objects, so, like processes, they exchange data by copying it.
//!
//! The simulation runs the summing loop both ways, next to the standard build.

use std::ops::Range;
use std::thread;
use std::time::Duration;

use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timing::cores;
use shared::workload::cpu::split;

use crate::Flags;
use crate::interpreter::Interpreter;
use crate::summing::{expected_sum, sum_in_python};

// ANCHOR: subinterpreters
/// PEP 684 and 734: one interpreter per range, each with its own lock, one thread in each.
/// Nothing is shared between them but the result each sends back.
pub fn sum_in_subinterpreters(ranges: &[Range<u64>], interval: Duration) -> u64 {
    thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .iter()
            .map(|range| {
                scope.spawn(move || {
                    let interpreter = Interpreter::with_gil(interval);
                    sum_in_python(&mut interpreter.attach(), range.clone())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("an interpreter's thread panicked"))
            .fold(0, u64::wrapping_add)
    })
}
// ANCHOR_END: subinterpreters

/// Threads of one interpreter, one per range.
pub fn sum_in_one_interpreter(interpreter: &Interpreter, ranges: &[Range<u64>]) -> u64 {
    thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .iter()
            .map(|range| {
                scope.spawn(move || sum_in_python(&mut interpreter.attach(), range.clone()))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("an interpreter thread panicked"))
            .fold(0, u64::wrapping_add)
    })
}

/// Which CPython release changed what about the GIL, and where it is written down.
pub const RELEASES: [[&str; 3]; 6] = [
    [
        "3.2",
        "forced switching, sys.setswitchinterval()",
        "What's New in 3.2",
    ],
    [
        "3.10",
        "switch points only at calls and loop ends (section 4)",
        "measured by the course",
    ],
    ["3.12", "a GIL per interpreter, from C code only", "PEP 684"],
    [
        "3.13",
        "free-threaded build, experimental (python3.13t)",
        "PEP 703",
    ],
    [
        "3.14",
        "free-threaded build supported, still a separate build",
        "PEP 779",
    ],
    [
        "3.14",
        "concurrent.interpreters, InterpreterPoolExecutor",
        "PEP 734",
    ],
];

/// Section 5 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (n, threads, interval) = (
        flags.iterations(env),
        flags.threads(),
        flags.switch_interval(),
    );
    report.say("What changed in CPython, and where it is written down:");
    for [release, change, source] in RELEASES {
        report.line(&format!("{release:<5} {change:<54} {source}"));
    }
    report.say(&format!(
        "The summing loop over range({n}) on {threads} threads: in one interpreter with one GIL \
         (the standard build); free-threaded; in {threads} interpreters with a GIL each \
         (InterpreterPoolExecutor). Speedups are against one thread of the standard build. \
         {}",
        env.how_measured()
    ));
    let ranges = split(0..n, threads);
    let mut totals = Vec::new();
    let mut time = |work: &dyn Fn() -> u64| env.measure(|| totals.push(work())).median();
    let whole = split(0..n, 1);
    let one = time(&|| sum_in_one_interpreter(&Interpreter::with_gil(interval), &whole));
    let standard = time(&|| sum_in_one_interpreter(&Interpreter::with_gil(interval), &ranges));
    let free = time(&|| sum_in_one_interpreter(&Interpreter::free_threaded(), &ranges));
    let separate = time(&|| sum_in_subinterpreters(&ranges, interval));
    anyhow::ensure!(
        totals.iter().all(|&t| t == expected_sum(n)),
        "a run summed to the wrong total: a bug in the lesson"
    );
    let row = |label: String, took: Duration| Record::new(label).scaling(one, took, threads);
    report.results(&[
        Record::new("standard build, 1 thread").wall(one),
        row(format!("standard build, {threads} threads"), standard),
        row(format!("free-threaded, {threads} threads"), free),
        row(format!("{threads} interpreters, a GIL each"), separate),
    ]);
    report.say(&format!(
        "Both ways out reach the cores ({} here) that the standard build leaves idle, and \
         both are opt-in: the default python3 still has one GIL. Rust threads had none to \
         begin with (section 2): what keeps them from corrupting shared data is the \
         compiler, which refuses a data race before the program runs (lessons 01 and 02).",
        cores()
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::{Rendezvous, within};

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn every_way_sums_the_same() {
        let ranges = split(0..10_000, 3);
        let expected = expected_sum(10_000);
        let interval = Duration::from_millis(1);
        assert_eq!(sum_in_subinterpreters(&ranges, interval), expected);
        assert_eq!(
            sum_in_one_interpreter(&Interpreter::with_gil(interval), &ranges),
            expected
        );
        assert_eq!(
            sum_in_one_interpreter(&Interpreter::free_threaded(), &ranges),
            expected
        );
    }

    #[test]
    fn separate_interpreters_hold_their_locks_at_the_same_time() {
        // Each thread holds its own interpreter's lock while it waits for the others: only
        // possible because the locks are different.
        let meet = Rendezvous::new(2, PATIENCE);
        within(PATIENCE, "two interpreters", move || {
            thread::scope(|scope| {
                for _ in 0..2 {
                    scope.spawn(|| {
                        let interpreter = Interpreter::with_gil(Duration::from_millis(1));
                        let _py = interpreter.attach();
                        meet.wait().expect("two interpreters run at once");
                    });
                }
            });
        });
    }
}
