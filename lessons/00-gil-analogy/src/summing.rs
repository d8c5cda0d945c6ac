//! Section 2: the tutorials' summing loop, `for i in range(n): total += i`, on one thread and
//! split over N threads, in four modes:
//!
//! - under the GIL, the threads take turns, so N threads are no faster than one, and each
//!   thread's CPU time is about wall time ÷ N: a thread waiting for the lock sleeps;
//! - free-threaded (no lock) and plain Rust threads run at once, up to the number of cores;
//! - native code that lets go of the lock for its heavy part runs at once too, under the GIL.
//!
//! Then the same GIL run with the naive hand-off, where a thread that lets go of the lock on
//! request takes it straight back: one thread hogs the lock and the other waits for its turn
//! until the first is done.

use std::ops::Range;
use std::thread;
use std::time::{Duration, Instant};

use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{cores, human, thread_cpu_time};
use shared::workload::cpu::split;

use crate::gil::Handoff;
use crate::interpreter::{Interpreter, PyThread, ThreadStats, python_step};
use crate::{Flags, Mode};

/// Iterations that native code runs per call, with the lock let go.
pub const NATIVE_CHUNK: u64 = 20_000;

// ANCHOR: python_loop
/// The loop as Python code: one tick (with its switch point) per iteration.
pub fn sum_in_python(py: &mut PyThread, range: Range<u64>) -> u64 {
    let mut total = 0u64;
    for i in range {
        py.tick();
        total = total.wrapping_add(i);
    }
    total
}

/// The same loop as native code (a C extension): the same work per iteration, no switch
/// points. It needs no lock because it touches no Python objects.
pub fn sum_natively(range: Range<u64>) -> u64 {
    let mut total = 0u64;
    for i in range {
        python_step();
        total = total.wrapping_add(i);
    }
    total
}

/// Python code that calls native code on chunks of the range, letting go of the lock for each
/// call, as `hashlib` does for large buffers and numpy for large arrays.
pub fn sum_calling_native(py: &mut PyThread, range: Range<u64>) -> u64 {
    let chunks = range.end.saturating_sub(range.start).div_ceil(NATIVE_CHUNK);
    let mut total = 0u64;
    for chunk in split(range, chunks as usize) {
        py.tick(); // the Python side of the call
        total = total.wrapping_add(py.allow_threads(|| sum_natively(chunk)));
    }
    total
}
// ANCHOR_END: python_loop

// ANCHOR: rust_threads
/// The plain Rust version: one scoped thread per range, results back through the handles.
pub fn sum_on_rust_threads(ranges: &[Range<u64>]) -> u64 {
    thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .iter()
            .map(|range| scope.spawn(|| sum_natively(range.clone())))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a summing thread panicked"))
            .fold(0, u64::wrapping_add)
    })
}
// ANCHOR_END: rust_threads

/// 0 + 1 + … + (n − 1), wrapped like the loops.
pub fn expected_sum(n: u64) -> u64 {
    let (a, b) = if n.is_multiple_of(2) {
        (n / 2, n.wrapping_sub(1))
    } else {
        (n, (n - 1) / 2)
    };
    a.wrapping_mul(b)
}

/// What one thread of a run did.
#[derive(Debug, Clone, Copy, Default)]
pub struct ThreadRun {
    /// Its interpreter thread's figures (all zero for a plain Rust thread).
    pub stats: ThreadStats,
    /// CPU time it used, if the platform can say.
    pub cpu: Option<Duration>,
    /// Wall time from its start to its end.
    pub wall: Duration,
}

/// The outcome of one run of the summing loop on some threads.
#[derive(Debug, Clone, Default)]
pub struct Run {
    /// The sum, which every mode must get right.
    pub total: u64,
    /// Each thread's figures.
    pub threads: Vec<ThreadRun>,
    /// How many times the lock changed hands (zero without a lock).
    pub switches: u64,
}

impl Run {
    /// The mean CPU time of the threads, if known.
    pub fn mean_cpu(&self) -> Option<Duration> {
        let cpus: Option<Vec<Duration>> = self.threads.iter().map(|t| t.cpu).collect();
        let cpus = cpus?;
        Some(cpus.iter().sum::<Duration>() / cpus.len().max(1) as u32)
    }

    /// The longest any thread waited for the lock at once.
    pub fn longest_wait(&self) -> Duration {
        self.threads
            .iter()
            .map(|t| t.stats.longest_wait)
            .max()
            .unwrap_or_default()
    }
}

/// Runs `work` on the calling thread and measures its wall and CPU time.
fn timed_thread(work: impl FnOnce() -> (u64, ThreadStats)) -> (u64, ThreadRun) {
    let (cpu_before, started) = (thread_cpu_time().ok(), Instant::now());
    let (total, stats) = work();
    let wall = started.elapsed();
    let cpu = cpu_before.and_then(|before| Some(thread_cpu_time().ok()? - before));
    (total, ThreadRun { stats, cpu, wall })
}

/// One interpreter thread per range, each running `body` on its range.
pub fn on_interpreter_threads(
    interpreter: &Interpreter,
    ranges: &[Range<u64>],
    body: fn(&mut PyThread, Range<u64>) -> u64,
) -> Run {
    let results: Vec<(u64, ThreadRun)> = thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .iter()
            .map(|range| {
                scope.spawn(move || {
                    timed_thread(|| {
                        let mut py = interpreter.attach();
                        let total = body(&mut py, range.clone());
                        (total, py.stats())
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("an interpreter thread panicked"))
            .collect()
    });
    Run {
        total: results.iter().map(|(t, _)| *t).fold(0, u64::wrapping_add),
        threads: results.into_iter().map(|(_, run)| run).collect(),
        switches: interpreter.gil().map_or(0, |gil| gil.switches()),
    }
}

/// [`sum_on_rust_threads`], measured per thread and drawn on `timeline`.
fn on_rust_threads(ranges: &[Range<u64>], timeline: &Timeline) -> Run {
    let results: Vec<(u64, ThreadRun)> = thread::scope(|scope| {
        let handles: Vec<_> = (0..)
            .zip(ranges)
            .map(|(t, range)| {
                scope.spawn(move || {
                    let _span = timeline.span(format!("thread {t}"), "running");
                    timed_thread(|| (sum_natively(range.clone()), ThreadStats::default()))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a summing thread panicked"))
            .collect()
    });
    Run {
        total: results.iter().map(|(t, _)| *t).fold(0, u64::wrapping_add),
        threads: results.into_iter().map(|(_, run)| run).collect(),
        switches: 0,
    }
}

/// How a run is set up: a mode, or the GIL with a chosen hand-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setup {
    /// One of section 2's modes.
    Mode(Mode),
    /// Under the GIL, with the naive hand-off.
    NaiveGil,
}

/// Sums `0..n` split over `threads` threads, set up as `setup` says, drawn on `timeline`.
pub fn run(setup: Setup, n: u64, threads: usize, interval: Duration, timeline: &Timeline) -> Run {
    let ranges = split(0..n, threads);
    let gil = |handoff| Interpreter::with_handoff(interval, handoff).traced(timeline);
    match setup {
        Setup::Mode(Mode::Gil) => {
            on_interpreter_threads(&gil(Handoff::Forced), &ranges, sum_in_python)
        }
        Setup::Mode(Mode::FreeThreaded) => on_interpreter_threads(
            &Interpreter::free_threaded().traced(timeline),
            &ranges,
            sum_in_python,
        ),
        Setup::Mode(Mode::Native) => {
            on_interpreter_threads(&gil(Handoff::Forced), &ranges, sum_calling_native)
        }
        Setup::Mode(Mode::Rust) => on_rust_threads(&ranges, timeline),
        Setup::NaiveGil => on_interpreter_threads(&gil(Handoff::Naive), &ranges, sum_in_python),
    }
}

/// A measured setup: the median wall time, and the last run with its timeline.
struct Measured {
    wall: Duration,
    run: Run,
    timeline: Timeline,
}

fn measure(env: &Env, setup: Setup, n: u64, threads: usize, interval: Duration) -> Measured {
    let (mut run_, mut timeline) = (Run::default(), Timeline::new());
    let wall = env
        .measure(|| {
            timeline = Timeline::new();
            run_ = run(setup, n, threads, interval, &timeline);
        })
        .median();
    Measured {
        wall,
        run: run_,
        timeline,
    }
}

/// A copy of `timeline` with only what happened before `until`.
pub fn zoom(timeline: &Timeline, until: Duration) -> Timeline {
    let zoomed = Timeline::new();
    for span in timeline.spans().into_iter().filter(|s| s.start < until) {
        zoomed.record(span.lane, span.label, span.start, span.end.min(until));
    }
    zoomed
}

/// The row of a run on several threads, against the same mode on one.
fn row(label: String, one: &Measured, many: &Measured, threads: usize, locked: bool) -> Record {
    let mut record = Record::new(label).scaling(one.wall, many.wall, threads);
    if let Some(cpu) = many.run.mean_cpu() {
        record = record.duration("cpu_each", cpu);
    }
    if locked {
        record = record
            .count("switches", many.run.switches)
            .duration("longest_wait", many.run.longest_wait());
    }
    record
}

/// Section 2 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (n, threads, interval) = (
        flags.iterations(env),
        flags.threads(),
        flags.switch_interval(),
    );
    report.say(&format!(
        "The summing loop over range({n}), each iteration one tick of about 60 ns, on one \
         thread and then split over {threads} threads ({} CPUs here), in each mode. Under the \
         GIL a waiting thread asks the holder to let go after {} (the switch interval). {}",
        cores(),
        human(interval),
        env.how_measured()
    ));
    let mut records = Vec::new();
    let mut shown = Vec::new();
    let mut gil_alone = None;
    for mode in flags.modes() {
        let one = measure(env, Setup::Mode(mode), n, 1, interval);
        let many = measure(env, Setup::Mode(mode), n, threads, interval);
        for run in [&one.run, &many.run] {
            anyhow::ensure!(
                run.total == expected_sum(n),
                "{} summed to {}, not {}: a bug in the lesson",
                mode.describe(),
                run.total,
                expected_sum(n)
            );
        }
        let locked = matches!(mode, Mode::Gil | Mode::Native);
        records.push(Record::new(format!("{}, 1 thread", mode.describe())).wall(one.wall));
        records.push(row(
            format!("{}, {threads} threads", mode.describe()),
            &one,
            &many,
            threads,
            locked,
        ));
        shown.push((mode, many));
        if mode == Mode::Gil {
            gil_alone = Some(one);
        }
    }
    report.results(&records);
    report.say(&format!(
        "Speedup is against the same mode on one thread; efficiency is speedup ÷ \
         min(threads, cores) = speedup ÷ {}. CPU each is the mean CPU time of the {threads} \
         threads: under the GIL, about wall ÷ {threads}, because a thread waiting for the \
         lock sleeps. Switches counts how often the lock changed hands; longest wait, the \
         longest any thread waited for it.",
        threads.min(cores())
    ));
    for (mode, many) in &shown {
        match mode {
            Mode::Gil => {
                report.say(&format!(
                    "Under the GIL the threads take turns, about one switch interval each \
                     ({} switches in {}); the first {} of it:",
                    many.run.switches,
                    human(many.wall),
                    human(interval * 12)
                ));
                report.timeline(&zoom(&many.timeline, interval * 12));
            }
            Mode::FreeThreaded => {
                report.say("Free-threaded: no lock, so the threads run at once:");
                report.timeline(&many.timeline);
            }
            Mode::Native | Mode::Rust => {}
        }
    }

    report.say(
        "Now the GIL again, with the naive hand-off: a thread that lets go on request takes \
         the lock straight back (release, then take, like drop(guard); lock()) instead of \
         waiting until another thread has it.",
    );
    let one = gil_alone.unwrap_or_else(|| measure(env, Setup::Mode(Mode::Gil), n, 1, interval));
    let naive = measure(env, Setup::NaiveGil, n, threads, interval);
    report.results(&[row(
        format!("GIL, naive hand-off, {threads} threads"),
        &one,
        &naive,
        threads,
        true,
    )]);
    report.say(&format!(
        "The lock changed hands {} times; a thread waited up to {} for it, against one \
         switch interval of {}. One lane hogs the lock:",
        naive.run.switches,
        human(naive.run.longest_wait()),
        human(interval)
    ));
    report.timeline(&naive.timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::{Rendezvous, within};

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn every_mode_gets_the_same_sum() {
        let expected = expected_sum(10_000);
        assert_eq!(expected, 49_995_000);
        assert_eq!(sum_on_rust_threads(&split(0..10_000, 3)), expected);
        for setup in Mode::ALL
            .map(Setup::Mode)
            .into_iter()
            .chain([Setup::NaiveGil])
        {
            for threads in [1, 2, 3] {
                let got = run(
                    setup,
                    10_000,
                    threads,
                    Duration::from_millis(1),
                    &Timeline::new(),
                );
                assert_eq!(got.total, expected, "{setup:?} on {threads} threads");
                assert_eq!(got.threads.len(), threads);
            }
        }
    }

    #[test]
    fn the_expected_sum_wraps_like_the_loop() {
        for n in [0, 1, 2, 7, 10_000_001] {
            let by_loop = (0..n).fold(0u64, u64::wrapping_add);
            assert_eq!(expected_sum(n), by_loop, "n = {n}");
        }
    }

    #[test]
    fn native_code_runs_with_the_lock_let_go() {
        // Two threads each inside a native call at the same time: only possible if each let
        // go of the lock for it.
        let interpreter = Interpreter::with_gil(Duration::from_millis(1));
        let meet = Rendezvous::new(2, PATIENCE);
        within(PATIENCE, "two native calls", move || {
            thread::scope(|scope| {
                for _ in 0..2 {
                    scope.spawn(|| {
                        let mut py = interpreter.attach();
                        py.allow_threads(|| meet.wait())
                            .expect("native calls overlap");
                        sum_calling_native(&mut py, 0..100)
                    });
                }
            });
        });
    }

    #[test]
    fn zoom_keeps_the_beginning() {
        let timeline = Timeline::new();
        let ms = Duration::from_millis;
        timeline.record("a", "", ms(0), ms(10));
        timeline.record("a", "", ms(20), ms(30));
        timeline.record("b", "", ms(5), ms(25));
        let zoomed = zoom(&timeline, ms(15));
        let spans: Vec<(String, Duration)> = zoomed
            .spans()
            .into_iter()
            .map(|s| (s.lane, s.end))
            .collect();
        assert_eq!(spans, [("a".into(), ms(10)), ("b".into(), ms(15))]);
    }
}
