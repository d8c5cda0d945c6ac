//! Section 3: waits overlap under the GIL.
//!
//! A thread waiting for I/O runs no Python code, so CPython lets go of the lock around the
//! blocking calls of its standard library (`time.sleep`, socket and file reads): other threads
//! run meanwhile, and N waits take about as long as the longest. A C extension that blocks
//! *without* letting go of the lock stalls every thread for the whole wait.

use std::thread;
use std::time::Duration;

use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timing::{human, overlap_ratio, speedup};
use shared::workload::io::simulated_io;

use crate::interpreter::{Interpreter, PyThread};
use crate::{Flags, measure_traced};

/// How many downloads section 3 makes at once.
pub const DOWNLOADS: usize = 4;

/// Ticks of Python code before and after each wait: building a request, reading a reply.
pub const PYTHON_TICKS: u64 = 200;

// ANCHOR: download
/// A download as a Python program makes it: Python code to build the request, a wait with the
/// lock let go (as CPython's socket module does), Python code to read the reply.
pub fn download(py: &mut PyThread, wait: Duration) {
    for _ in 0..PYTHON_TICKS {
        py.tick();
    }
    py.allow_threads(|| simulated_io(wait));
    for _ in 0..PYTHON_TICKS {
        py.tick();
    }
}

/// The same download through a C library that blocks while holding the lock.
pub fn download_holding_the_lock(py: &mut PyThread, wait: Duration) {
    for _ in 0..PYTHON_TICKS {
        py.tick();
    }
    simulated_io(wait);
    for _ in 0..PYTHON_TICKS {
        py.tick();
    }
}
// ANCHOR_END: download

/// `downloads` downloads, each on its own interpreter thread.
pub fn on_threads(
    interpreter: &Interpreter,
    downloads: usize,
    wait: Duration,
    how: fn(&mut PyThread, Duration),
) {
    thread::scope(|scope| {
        for _ in 0..downloads {
            scope.spawn(|| how(&mut interpreter.attach(), wait));
        }
    });
}

/// `downloads` downloads on one interpreter thread, one after another.
pub fn one_after_another(interpreter: &Interpreter, downloads: usize, wait: Duration) {
    let mut py = interpreter.attach();
    for _ in 0..downloads {
        download(&mut py, wait);
    }
}

/// Section 3 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (wait, interval) = (env.unit() / 2, flags.switch_interval());
    report.say(&format!(
        "{DOWNLOADS} downloads under the GIL, each {PYTHON_TICKS} ticks of Python code, a \
         half-second wait ({} here) and {PYTHON_TICKS} ticks more: one after another on one \
         thread; on {DOWNLOADS} threads that let go of the lock while they wait; and on \
         {DOWNLOADS} threads whose wait holds the lock, like a C extension that forgot to \
         release it. {}",
        human(wait),
        env.how_measured()
    ));
    let sequential = env
        .measure(|| one_after_another(&Interpreter::with_gil(interval), DOWNLOADS, wait))
        .median();
    let (released, released_timeline) = measure_traced(env, |timeline| {
        let interpreter = Interpreter::with_gil(interval).traced(timeline);
        on_threads(&interpreter, DOWNLOADS, wait, download);
    });
    let (held, held_timeline) = measure_traced(env, |timeline| {
        let interpreter = Interpreter::with_gil(interval).traced(timeline);
        on_threads(&interpreter, DOWNLOADS, wait, download_holding_the_lock);
    });
    let row = |label: &str, took: Duration| {
        Record::new(label)
            .wall(took)
            .speedup(speedup(sequential, took))
            .ratio("overlap", overlap_ratio(took, wait))
    };
    report.results(&[
        row("one thread, one after another", sequential),
        row("a thread each, lock let go while waiting", released),
        row("a thread each, lock held while waiting", held),
    ]);
    report.say(
        "Overlap is total ÷ one wait: 1.00× would be perfect. Each lane is a thread; a bar is \
         its wait (with the lock let go) or its Python code (holding the lock). Letting go:",
    );
    report.timeline(&released_timeline);
    report.say("Holding the lock through the wait: one wait after another, on four threads.");
    report.timeline(&held_timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::{Gauge, Rendezvous, within};

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn waits_that_let_go_of_the_lock_overlap() {
        let interpreter = Interpreter::with_gil(Duration::from_millis(1));
        let meet = Rendezvous::new(DOWNLOADS, PATIENCE);
        within(PATIENCE, "downloads letting go of the lock", move || {
            thread::scope(|scope| {
                for _ in 0..DOWNLOADS {
                    scope.spawn(|| {
                        let mut py = interpreter.attach();
                        py.tick();
                        py.allow_threads(|| meet.wait())
                            .expect("the waits must overlap");
                        py.tick();
                    });
                }
            });
        });
    }

    #[test]
    fn python_code_never_runs_on_two_threads_at_once() {
        let interpreter = Interpreter::with_gil(Duration::from_micros(100));
        let python = Gauge::new();
        let gauge = python.clone();
        within(PATIENCE, "downloads", move || {
            thread::scope(|scope| {
                for _ in 0..DOWNLOADS {
                    scope.spawn(|| {
                        let mut py = interpreter.attach();
                        for round in 0..50 {
                            py.switch_point();
                            let _python = gauge.enter();
                            py.step();
                            if round % 10 == 0 {
                                drop(_python);
                                py.allow_threads(thread::yield_now);
                            }
                        }
                    });
                }
            });
        });
        assert_eq!(python.peak(), 1);
        assert_eq!(python.total(), DOWNLOADS * 50);
    }

    #[test]
    fn every_download_finishes() {
        let interpreter = Interpreter::with_gil(Duration::from_millis(1));
        within(PATIENCE, "downloads", move || {
            on_threads(&interpreter, 3, Duration::from_millis(1), download);
            on_threads(
                &interpreter,
                3,
                Duration::from_millis(1),
                download_holding_the_lock,
            );
            one_after_another(&interpreter, 2, Duration::from_millis(1));
        });
    }
}
