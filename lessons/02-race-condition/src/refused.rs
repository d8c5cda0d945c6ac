//! Section 1: the Python counter, translated literally, does not compile. Each attempt below
//! is a doctest marked `compile_fail`, so `cargo test` fails if one ever compiles; the error
//! code it names is the one rustc gives. The book includes the same files.
//!
//! Ten threads adding to one counter through a mutable borrow: two live `&mut` to one value
//! (E0499).
//!
#![doc = include_str!("refused/scoped_mut.md")]
//!
//! The same with `thread::spawn`, which may outlive the function, so its closure cannot borrow
//! the function's counter (E0373).
//!
#![doc = include_str!("refused/spawn_borrow.md")]
//!
//! Python's global, as a `static mut`: every use of it is `unsafe` (E0133). Wrapping the
//! increment in `unsafe` would compile, and be undefined behaviour: a data race, which the
//! course never writes (and its workspace denies `unsafe_code`).
//!
#![doc = include_str!("refused/static_mut.md")]

use shared::lesson::Env;
use shared::report::{Record, Report};

use crate::Flags;

/// One refused translation: what it tries, the error, and the fix the lesson uses.
pub struct Refusal {
    /// What the code tries.
    pub attempt: &'static str,
    /// rustc's error code.
    pub error: &'static str,
    /// What the compiler says, in short.
    pub says: &'static str,
    /// The section that shows the fix.
    pub fix: &'static str,
}

/// The three attempts of this module's doctests.
pub const REFUSALS: [Refusal; 3] = [
    Refusal {
        attempt: "scoped threads, counter += 1",
        error: "E0499",
        says: "two mutable borrows",
        fix: "atomic or Mutex (3)",
    },
    Refusal {
        attempt: "thread::spawn borrowing it",
        error: "E0373",
        says: "closure may outlive function",
        fix: "Arc, scoped threads (3)",
    },
    Refusal {
        attempt: "static mut COUNTER",
        error: "E0133",
        says: "mutable static is unsafe",
        fix: "static AtomicU64 (6)",
    },
];

/// Section 1 of the lesson program.
pub fn show(report: &mut Report, _: &Env, _: &Flags) -> anyhow::Result<()> {
    report.say(
        "Python's example: a global counter, ten threads, counter += 1 in a loop. Translated \
         word for word, Rust refuses it three ways: each is a compile_fail doctest of this \
         lesson (cargo test -p lesson-02-race-condition --doc), so this table cannot go \
         stale. Unsynchronised writes from two threads, a data race, do not compile in safe \
         Rust. What does compile, and still goes wrong, is the next section.",
    );
    let records: Vec<Record> = REFUSALS
        .iter()
        .map(|refusal| {
            Record::new(refusal.attempt)
                .text("error", refusal.error)
                .text("rustc says", refusal.says)
                .text("fix", refusal.fix)
        })
        .collect();
    report.results(&records);
    Ok(())
}
