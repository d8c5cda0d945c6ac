//! One set of threads, locks and atomics for code that is also model-checked: std's normally,
//! [loom]'s with the `model` feature.
//!
//! A racy answer can pass nine runs in ten, and a memory-ordering mistake never shows on x86 at
//! all, so lesson 02's exercises are also checked by a *model checker*: loom, the tool tokio
//! uses for its own primitives, runs a small test over and over, once for every way its threads
//! can interleave (and every value a `Relaxed` load may legally return), and fails if any of
//! those executions fails. Its types are stand-ins for std's that hand control to the checker
//! at every lock, atomic access and spawn.
//!
//! Code written against this module runs on std in a normal build and under the checker in
//! `cargo test --features model`, unchanged:
//!
//! ```
//! use shared::sync::atomic::{AtomicUsize, Ordering};
//! use shared::sync::{Arc, thread};
//!
//! let executions = shared::sync::model(|| {
//!     let hits = Arc::new(AtomicUsize::new(0));
//!     let other = thread::spawn({
//!         let hits = Arc::clone(&hits);
//!         move || hits.fetch_add(1, Ordering::Relaxed)
//!     });
//!     hits.fetch_add(1, Ordering::Relaxed);
//!     other.join().unwrap();
//!     assert_eq!(hits.load(Ordering::Relaxed), 2);
//! });
//! assert!(executions >= 1);
//! ```
//!
//! Loom has no scoped threads and no `OnceLock`: share with [`Arc`], start threads with
//! [`thread::spawn`] and wait with `join`. Its types work only inside [`model`]; outside it they
//! panic, so a test that uses them without the feature's model runs belongs under
//! `#[cfg(not(feature = "model"))]`.
//!
//! [loom]: https://docs.rs/loom

use std::fmt;
use std::panic::{self, AssertUnwindSafe};

#[cfg(feature = "model")]
pub use loom::sync::{Condvar, Mutex, MutexGuard};
// std's `Arc` even under the model. Loom's own checks its reference counts, which no exercise
// implements; and when the checker stops an execution it found deadlocked, unwinding drops
// every `Arc` the threads hold, and dropping loom's there aborts the whole test process.
pub use std::sync::Arc;
#[cfg(not(feature = "model"))]
pub use std::sync::{Condvar, Mutex, MutexGuard};
pub use std::sync::{LockResult, PoisonError, TryLockError, TryLockResult};

/// Atomic integers and flags, and the orderings their operations take.
pub mod atomic {
    #[cfg(feature = "model")]
    pub use loom::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, fence};
    pub use std::sync::atomic::Ordering;
    #[cfg(not(feature = "model"))]
    pub use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, fence};
}

/// Starting, joining and yielding threads.
pub mod thread {
    #[cfg(feature = "model")]
    pub use loom::thread::{JoinHandle, current, spawn, yield_now};
    #[cfg(not(feature = "model"))]
    pub use std::thread::{JoinHandle, current, spawn, yield_now};
}

/// Whether this build checks models (the `model` feature), or runs them once on std.
pub const MODEL_CHECKED: bool = cfg!(feature = "model");

/// Runs `body` under the model checker: once for every distinct interleaving of the threads it
/// starts, until all are explored or one fails (then this panics, with that execution's panic).
/// Returns how many executions it ran. Without the `model` feature it runs `body` once, on std.
///
/// Keep models small: two or three threads doing a few operations each. The number of
/// interleavings grows exponentially with both. The checker explores all of them unless
/// the environment variable `LOOM_MAX_PREEMPTIONS` bounds how often a thread may be interrupted.
pub fn model<F>(body: F) -> usize
where
    F: Fn() + Sync + Send + 'static,
{
    run(body)
}

#[cfg(feature = "model")]
fn run<F>(body: F) -> usize
where
    F: Fn() + Sync + Send + 'static,
{
    use std::sync::atomic::{AtomicUsize, Ordering};
    let executions = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&executions);
    loom::model(move || {
        counted.fetch_add(1, Ordering::Relaxed);
        body();
    });
    executions.load(Ordering::Relaxed)
}

#[cfg(not(feature = "model"))]
fn run<F>(body: F) -> usize
where
    F: Fn() + Sync + Send + 'static,
{
    body();
    1
}

/// Why a model failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelFailure {
    /// In some interleaving every thread was blocked, each waiting for something (a lock, a
    /// join) that only another blocked thread could give.
    Deadlock,
    /// Some execution never finished: a thread kept looping without the others making
    /// progress (a spin loop that waits for a value no other thread will ever write, or one
    /// without `thread::yield_now`, which the checker needs to let the others run).
    NoProgress,
    /// Some execution panicked (a failed assertion, in the test or the code under test).
    Panicked(String),
}

impl fmt::Display for ModelFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Deadlock => write!(
                f,
                "deadlock: in one interleaving every thread was waiting for something another \
                 waiting thread held"
            ),
            Self::NoProgress => write!(
                f,
                "an execution never finished: a thread kept looping while the others could not \
                 make progress"
            ),
            Self::Panicked(message) => write!(f, "{message}"),
        }
    }
}

/// Like [`model`], but a failure comes back as a value the test can explain in its own words,
/// instead of as the checker's panic.
pub fn check<F>(body: F) -> Result<usize, ModelFailure>
where
    F: Fn() + Sync + Send + 'static,
{
    panic::catch_unwind(AssertUnwindSafe(|| model(body))).map_err(|payload| {
        let message = crate::instruments::panic_message(&*payload);
        if message.starts_with("deadlock; threads") {
            ModelFailure::Deadlock
        } else if message.contains("exceeded maximum number of branches") {
            ModelFailure::NoProgress
        } else {
            ModelFailure::Panicked(message)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::atomic::{AtomicUsize, Ordering};
    use super::*;

    #[test]
    fn a_model_runs_and_counts_its_executions() {
        let executions = model(|| {
            let hits = Arc::new(AtomicUsize::new(0));
            let other = thread::spawn({
                let hits = Arc::clone(&hits);
                move || hits.fetch_add(1, Ordering::Relaxed)
            });
            hits.fetch_add(1, Ordering::Relaxed);
            other.join().unwrap();
            assert_eq!(hits.load(Ordering::Relaxed), 2);
        });
        if MODEL_CHECKED {
            assert!(
                executions > 1,
                "two threads interleave in more than one way"
            );
        } else {
            assert_eq!(executions, 1);
        }
    }

    #[test]
    fn a_failing_execution_comes_back_as_a_value() {
        let failure = check(|| panic!("expected 2, got 1")).unwrap_err();
        assert_eq!(failure, ModelFailure::Panicked("expected 2, got 1".into()));
    }

    #[cfg(feature = "model")]
    #[test]
    fn a_lost_update_is_found_in_some_interleaving() {
        let failure = check(|| {
            let hits = Arc::new(AtomicUsize::new(0));
            let other = thread::spawn({
                let hits = Arc::clone(&hits);
                move || {
                    let seen = hits.load(Ordering::SeqCst);
                    hits.store(seen + 1, Ordering::SeqCst);
                }
            });
            let seen = hits.load(Ordering::SeqCst);
            hits.store(seen + 1, Ordering::SeqCst);
            other.join().unwrap();
            assert!(hits.load(Ordering::SeqCst) == 2, "an update was lost");
        })
        .unwrap_err();
        assert_eq!(failure, ModelFailure::Panicked("an update was lost".into()));
    }

    #[cfg(feature = "model")]
    #[test]
    fn locks_taken_in_opposite_orders_deadlock_in_some_interleaving() {
        let failure = check(|| {
            let locks = Arc::new((Mutex::new(()), Mutex::new(())));
            let other = thread::spawn({
                let locks = Arc::clone(&locks);
                move || {
                    let _b = locks.1.lock().unwrap();
                    let _a = locks.0.lock().unwrap();
                }
            });
            {
                let _a = locks.0.lock().unwrap();
                let _b = locks.1.lock().unwrap();
            }
            other.join().unwrap();
        })
        .unwrap_err();
        assert_eq!(failure, ModelFailure::Deadlock);
    }

    #[cfg(feature = "model")]
    #[test]
    fn a_relaxed_flag_does_not_publish_the_data_before_it() {
        use super::atomic::AtomicBool;
        let failure = check(|| {
            let shared = Arc::new((AtomicUsize::new(0), AtomicBool::new(false)));
            let writer = thread::spawn({
                let shared = Arc::clone(&shared);
                move || {
                    shared.0.store(42, Ordering::Relaxed);
                    shared.1.store(true, Ordering::Relaxed);
                }
            });
            if shared.1.load(Ordering::Relaxed) {
                assert!(shared.0.load(Ordering::Relaxed) == 42, "stale data");
            }
            writer.join().unwrap();
        })
        .unwrap_err();
        assert_eq!(failure, ModelFailure::Panicked("stale data".into()));
    }
}
