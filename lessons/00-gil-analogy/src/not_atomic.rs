//! Section 4: the GIL is not atomicity.
//!
//! `counter += 1` is several bytecodes: load the counter, add one, store it back. The GIL makes
//! each *bytecode* run alone, not each line. If the holder lets go between the load and the
//! store, another thread adds its own increments meanwhile, and the store then overwrites them
//! with the stale value plus one: updates are lost.
//!
//! Where a switch may happen is an implementation detail that changed. CPython 3.9 and older
//! looked for a drop request before almost every bytecode, so switches landed inside `+=` and
//! four threads lost updates in every run. CPython 3.10 and newer look only at a few places: the
//! start of a function call and the backward jump that ends each loop iteration. No switch
//! falls between the load and the store of a plain `+=` any more, and the loss seems to vanish;
//! put a function call between the read and the write and it is back. A missing symptom is not
//! proof of correctness, and the free-threaded build has no lock to hide the race at all.

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use shared::lesson::Env;
use shared::report::{Record, Report};

use crate::Flags;
use crate::interpreter::{Interpreter, PyThread};

/// Additions per bytecode: about 15 ns here, the order of a simple CPython bytecode.
pub const BYTECODE_ADDITIONS: u64 = 64;

/// Threads sharing the counter, as in the course's measurements of CPython.
pub const THREADS: usize = 4;

/// One bytecode of the simulated increment loops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Read the shared counter into a local value.
    Load,
    /// Add one to the local value.
    Add,
    /// Enter a function (`bump(value)`).
    Call,
    /// Write the local value to the shared counter.
    Store,
    /// Jump back to the start of the loop.
    JumpBack,
}

// ANCHOR: programs
/// The two loops of `python/lost_update.py`, as bytecodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// `counter += 1`
    Plain,
    /// `value = counter; value = bump(value); counter = value`
    WithCall,
}

impl Program {
    /// One iteration of the loop.
    pub fn ops(self) -> &'static [Op] {
        match self {
            Program::Plain => &[Op::Load, Op::Add, Op::Store, Op::JumpBack],
            Program::WithCall => &[Op::Load, Op::Call, Op::Add, Op::Store, Op::JumpBack],
        }
    }
}

/// Where the interpreter looks for a drop request, and so where it may switch threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitchPoints {
    /// CPython 3.9 and older: before almost every bytecode.
    EveryBytecode,
    /// CPython 3.10 and newer: at function calls and at the backward jump of a loop.
    CallsAndLoops,
}

impl SwitchPoints {
    /// Whether a switch may happen just before `op`.
    pub fn before(self, op: Op) -> bool {
        match self {
            SwitchPoints::EveryBytecode => true,
            SwitchPoints::CallsAndLoops => matches!(op, Op::Call | Op::JumpBack),
        }
    }
}
// ANCHOR_END: programs

// ANCHOR: increment
/// Runs `program` `times` times on `py`, on the shared `counter`. Returns how many times the
/// thread let go of the lock between its load and its store.
pub fn increment(
    py: &mut PyThread,
    counter: &AtomicU64,
    times: u64,
    program: Program,
    points: SwitchPoints,
) -> u64 {
    let (mut value, mut between_load_and_store, mut split) = (0, false, 0);
    for _ in 0..times {
        for &op in program.ops() {
            if points.before(op) && py.switch_point() && between_load_and_store {
                split += 1;
            }
            py.step();
            match op {
                Op::Load => {
                    value = counter.load(Ordering::Relaxed);
                    between_load_and_store = true;
                }
                Op::Add => value += 1,
                Op::Store => {
                    counter.store(value, Ordering::Relaxed);
                    between_load_and_store = false;
                }
                Op::Call | Op::JumpBack => {}
            }
        }
    }
    split
}
// ANCHOR_END: increment

/// What one run of `threads` threads incrementing one counter came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// threads × times.
    pub expected: u64,
    /// The counter at the end.
    pub counted: u64,
    /// How many times the lock changed hands.
    pub switches: u64,
    /// How many times a thread let go between a load and its store.
    pub split: u64,
}

impl Outcome {
    /// Updates lost.
    pub fn lost(&self) -> u64 {
        self.expected - self.counted
    }
}

/// `threads` interpreter threads of `interpreter` each run `program` `times` times on one
/// counter.
pub fn run(
    interpreter: &Interpreter,
    threads: usize,
    times: u64,
    program: Program,
    points: SwitchPoints,
) -> Outcome {
    let counter = AtomicU64::new(0);
    let split = thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    increment(&mut interpreter.attach(), &counter, times, program, points)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an incrementing thread panicked"))
            .sum()
    });
    Outcome {
        expected: threads as u64 * times,
        counted: counter.into_inner(),
        switches: interpreter.gil().map_or(0, |gil| gil.switches()),
        split,
    }
}

/// The same counting, with the increment as one indivisible step (`fetch_add`), on the
/// free-threaded interpreter: nothing is lost, with no lock at all.
pub fn run_atomic(threads: usize, times: u64) -> Outcome {
    let interpreter = Interpreter::free_threaded().step_cost(BYTECODE_ADDITIONS);
    let counter = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut py = interpreter.attach();
                for _ in 0..times {
                    py.step();
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    Outcome {
        expected: threads as u64 * times,
        counted: counter.into_inner(),
        switches: 0,
        split: 0,
    }
}

/// A row of the table: several runs of one setup.
fn row(label: &str, outcomes: &[Outcome]) -> Record {
    let lost: Vec<String> = outcomes.iter().map(|o| o.lost().to_string()).collect();
    let losing = outcomes.iter().filter(|o| o.lost() > 0).count();
    Record::new(label)
        .text("lost_per_run", lost.join(", "))
        .text("runs_losing", format!("{losing} of {}", outcomes.len()))
        .count("switches", outcomes.iter().map(|o| o.switches).sum())
        .count(
            "inside_the_increment",
            outcomes.iter().map(|o| o.split).sum(),
        )
}

/// Section 4 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (threads, times) = (THREADS, flags.increments(env));
    let runs = env.size(3, 2);
    let interval = flags.switch_interval();
    report.say(&format!(
        "{threads} threads each run a loop of {times} increments of one shared counter, with no \
         lock, {runs} runs per line: `counter += 1`, then `value = counter; value = \
         bump(value); counter = value`. Each bytecode is one tick of about 15 ns. The GIL lets a thread go \
         only at switch points: before every bytecode (as CPython up to 3.9), or only at \
         calls and at the end of each loop iteration (as CPython 3.10 and newer)."
    ));
    let gil_runs = |program, points| -> Vec<Outcome> {
        (0..runs)
            .map(|_| {
                run(
                    &Interpreter::with_gil(interval),
                    threads,
                    times,
                    program,
                    points,
                )
            })
            .collect()
    };
    let every = SwitchPoints::EveryBytecode;
    let calls = SwitchPoints::CallsAndLoops;
    let free_threaded: Vec<Outcome> = (0..runs)
        .map(|_| {
            run(
                &Interpreter::free_threaded(),
                threads,
                times,
                Program::Plain,
                every,
            )
        })
        .collect();
    let atomic: Vec<Outcome> = (0..runs).map(|_| run_atomic(threads, times)).collect();
    let rows = [
        row(
            "+=, switch at any bytecode (≤ 3.9)",
            &gil_runs(Program::Plain, every),
        ),
        row(
            "+=, switch at calls, loops (3.10+)",
            &gil_runs(Program::Plain, calls),
        ),
        row(
            "call between, any bytecode (≤ 3.9)",
            &gil_runs(Program::WithCall, every),
        ),
        row(
            "call between, calls, loops (3.10+)",
            &gil_runs(Program::WithCall, calls),
        ),
        row("+=, free-threaded (no lock)", &free_threaded),
        row("fetch_add, free-threaded", &atomic),
    ];
    report.results(&rows);
    report.say(&format!(
        "Each run should count {}. Switches counts how often the lock changed hands; inside \
         the increment, how often a thread let go between its load and its store. With \
         switches only at calls and loops, a plain += is never split and nothing is lost: \
         not because += became atomic, but because no switch point falls inside it. A call \
         between the read and the write puts one there, and the loss is back. Without a \
         lock, threads interleave anywhere; fetch_add does the read, the add and the write \
         as one indivisible step.",
        threads as u64 * times
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A short interval, so that even a small test sees many switches.
    fn interpreter() -> Interpreter {
        Interpreter::with_gil(Duration::from_micros(50))
    }

    #[test]
    fn switching_before_every_bytecode_splits_increments() {
        // A switch can land between a load and its store; when it does, the next store
        // overwrites whatever the other threads added meanwhile. The switches themselves
        // depend on timing, so the test asserts only what must hold in any run.
        let outcome = run(
            &interpreter(),
            4,
            20_000,
            Program::Plain,
            SwitchPoints::EveryBytecode,
        );
        assert!(outcome.counted <= outcome.expected);
        if outcome.split == 0 {
            assert_eq!(outcome.lost(), 0, "nothing can be lost without a split");
        }
    }

    #[test]
    fn switching_only_at_calls_and_loops_never_splits_a_plain_increment() {
        for _ in 0..3 {
            let outcome = run(
                &interpreter(),
                4,
                20_000,
                Program::Plain,
                SwitchPoints::CallsAndLoops,
            );
            assert_eq!(outcome.split, 0);
            assert_eq!(outcome.lost(), 0, "{outcome:?}");
        }
    }

    #[test]
    fn a_call_between_read_and_write_is_a_switch_point() {
        assert!(SwitchPoints::CallsAndLoops.before(Op::Call));
        assert!(!SwitchPoints::CallsAndLoops.before(Op::Store));
        assert!(!SwitchPoints::CallsAndLoops.before(Op::Add));
        let ops = Program::WithCall.ops();
        let (load, store) = (
            ops.iter().position(|&op| op == Op::Load).unwrap(),
            ops.iter().position(|&op| op == Op::Store).unwrap(),
        );
        assert!(ops[load + 1..store].contains(&Op::Call));
        assert!(
            !Program::Plain.ops().contains(&Op::Call),
            "a plain += calls nothing"
        );
    }

    #[test]
    fn one_thread_never_loses_anything() {
        for points in [SwitchPoints::EveryBytecode, SwitchPoints::CallsAndLoops] {
            for program in [Program::Plain, Program::WithCall] {
                let outcome = run(&interpreter(), 1, 5_000, program, points);
                assert_eq!(outcome.lost(), 0, "{program:?} {points:?}");
            }
        }
    }

    #[test]
    fn fetch_add_loses_nothing_without_a_lock() {
        let outcome = run_atomic(4, 20_000);
        assert_eq!(outcome.counted, 80_000);
    }
}
