//! Deadline guards: run code that might deadlock, and fail with a message instead of hanging.

use std::future::Future;
use std::panic;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

/// Runs `work` on its own thread and waits at most `limit` for it. If it finishes, its result
/// is returned; if it panics, the panic continues here with its own message (so a failed
/// assertion inside reads as usual); if it is still running after `limit`, this panics with
/// "`what` did not finish within …: a deadlock or a missed wake-up?". The stuck thread is left
/// behind, which is fine in a test process that is about to report a failure.
pub fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done, result) = mpsc::channel();
    let worker = thread::Builder::new()
        .name(format!("within: {what}"))
        .spawn(move || {
            let outcome = panic::catch_unwind(panic::AssertUnwindSafe(work));
            let _ = done.send(outcome);
        })
        .expect("could not start a thread for `within`");
    match result.recv_timeout(limit) {
        Ok(Ok(value)) => {
            let _ = worker.join();
            value
        }
        Ok(Err(payload)) => panic::resume_unwind(payload),
        Err(RecvTimeoutError::Timeout) => panic!(
            "{what} did not finish within {limit:?}: a deadlock or a missed wake-up? \
             (something is waiting for an event that never comes)"
        ),
        Err(RecvTimeoutError::Disconnected) => panic!("{what}: the worker thread vanished"),
    }
}

/// Yields until `ready` returns true, for at most `limit`; past that, panics with the message
/// `failure` builds, which should say what never happened. For a test that must see other
/// threads reach a state ("three threads wait for the lock") before it goes on. The limit only
/// turns a hang into a message: nothing is measured.
pub fn spin_until(
    limit: Duration,
    mut ready: impl FnMut() -> bool,
    failure: impl FnOnce() -> String,
) {
    let started = Instant::now();
    while !ready() {
        if started.elapsed() > limit {
            panic!("{}", failure());
        }
        thread::yield_now();
    }
}

/// Like [`within`], for async code: builds a fresh current-thread tokio runtime on the worker
/// thread and runs the future that `make` returns on it. Because the guard lives on another
/// thread, it fires even if the code under test blocks the runtime's only thread, which a
/// `tokio::time::timeout` inside that runtime could never do.
pub fn block_on_within<F, Fut>(limit: Duration, what: &str, make: F) -> Fut::Output
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future,
    Fut::Output: Send + 'static,
{
    within(limit, what, move || block_on(TimeSource::Real, make))
}

/// Like [`block_on_within`], on a runtime whose clock starts paused: time stands still while
/// any task can run, and jumps straight to the next timer when all of them wait. Sleeps and
/// timeouts then take exactly their virtual duration, so a test can say "3 s, not 6" exactly
/// and at once. Needs the `test-util` feature.
#[cfg(feature = "test-util")]
pub fn block_on_within_paused<F, Fut>(limit: Duration, what: &str, make: F) -> Fut::Output
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future,
    Fut::Output: Send + 'static,
{
    within(limit, what, move || block_on(TimeSource::Paused, make))
}

/// Which clock the guard's runtime runs on.
enum TimeSource {
    Real,
    #[cfg(feature = "test-util")]
    Paused,
}

fn block_on<F, Fut>(time: TimeSource, make: F) -> Fut::Output
where
    F: FnOnce() -> Fut,
    Fut: Future,
{
    let mut builder = tokio::runtime::Builder::new_current_thread();
    builder.enable_all();
    match time {
        TimeSource::Real => {}
        #[cfg(feature = "test-util")]
        TimeSource::Paused => {
            builder.start_paused(true);
        }
    }
    builder
        .build()
        .expect("could not build a tokio runtime")
        .block_on(make())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instruments::panic_message;

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn returns_the_value() {
        assert_eq!(within(PATIENCE, "adding", || 2 + 2), 4);
    }

    #[test]
    fn fires_on_a_deadlock_with_a_clear_message() {
        let outcome = panic::catch_unwind(|| {
            within(Duration::from_millis(100), "the stuck code", || {
                let (_keep_sender_alive, never) = mpsc::channel::<()>();
                never.recv().ok();
            })
        });
        let message = panic_message(&*outcome.expect_err("a stuck body must fail"));
        assert!(
            message.contains("the stuck code did not finish within 100ms"),
            "{message}"
        );
        assert!(
            message.contains("deadlock or a missed wake-up"),
            "{message}"
        );
    }

    #[test]
    fn passes_on_the_original_panic() {
        let outcome = panic::catch_unwind(|| {
            within(PATIENCE, "failing code", || panic!("expected 4, got 3"))
        });
        assert_eq!(panic_message(&*outcome.unwrap_err()), "expected 4, got 3");
    }

    #[test]
    fn fires_even_when_the_runtime_is_blocked() {
        let outcome = panic::catch_unwind(|| {
            block_on_within(
                Duration::from_millis(100),
                "blocking async code",
                || async {
                    // The mistake lesson 05 warns about: blocking the runtime's only thread.
                    let (_keep, never) = mpsc::channel::<()>();
                    never.recv().ok();
                },
            )
        });
        assert!(panic_message(&*outcome.unwrap_err()).contains("did not finish"));
    }

    #[test]
    fn spin_until_returns_once_ready() {
        let mut calls = 0;
        let ready = || {
            calls += 1;
            calls == 3
        };
        spin_until(PATIENCE, ready, || unreachable!("ready on the third call"));
        assert_eq!(calls, 3);
    }

    #[test]
    #[should_panic(expected = "the flag never went up")]
    fn spin_until_fails_with_its_message() {
        spin_until(
            Duration::from_millis(1),
            || false,
            || "the flag never went up".into(),
        );
    }
}
