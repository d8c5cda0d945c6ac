//! Instruments that prove concurrency without a clock. Busy two-core test machines make every
//! timing assertion flaky; these never are:
//!
//! - a [`Gauge`] counts work in flight and remembers the peak: it proves a limit held
//!   (peak ≤ k) and was reached (peak = k);
//! - a [`Rendezvous`] only opens when `n` parties are waiting at once: sequential code can
//!   never pass it, concurrent code always does;
//! - [`within`] runs code that might deadlock and fails with a clear message instead of hanging.

use std::any::Any;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;
use std::{fmt, panic, thread};

/// Counts how much work is in flight right now and the most that ever was at once.
/// Cloning gives another handle to the same counts.
#[derive(Debug, Clone, Default)]
pub struct Gauge {
    counts: Arc<GaugeCounts>,
}

#[derive(Debug, Default)]
struct GaugeCounts {
    current: AtomicUsize,
    peak: AtomicUsize,
    total: AtomicUsize,
}

impl Gauge {
    /// A gauge at zero.
    pub fn new() -> Self {
        Self::default()
    }

    // ANCHOR: gauge
    /// Counts one more piece of work in flight until the guard is dropped.
    pub fn enter(&self) -> GaugeGuard {
        let now = self.counts.current.fetch_add(1, Ordering::SeqCst) + 1;
        self.counts.peak.fetch_max(now, Ordering::SeqCst);
        self.counts.total.fetch_add(1, Ordering::SeqCst);
        GaugeGuard {
            counts: Arc::clone(&self.counts),
        }
    }
    // ANCHOR_END: gauge

    /// Work in flight right now.
    pub fn current(&self) -> usize {
        self.counts.current.load(Ordering::SeqCst)
    }

    /// The most work that was ever in flight at once.
    pub fn peak(&self) -> usize {
        self.counts.peak.load(Ordering::SeqCst)
    }

    /// How many times [`Gauge::enter`] was called.
    pub fn total(&self) -> usize {
        self.counts.total.load(Ordering::SeqCst)
    }

    /// Forgets the peak (sets it to what is in flight now), to measure a new phase.
    pub fn reset_peak(&self) {
        self.counts.peak.store(self.current(), Ordering::SeqCst);
    }
}

/// One unit of work counted by a [`Gauge`]; leaves the gauge when dropped.
#[derive(Debug)]
#[must_use = "the work leaves the gauge when this guard is dropped"]
pub struct GaugeGuard {
    counts: Arc<GaugeCounts>,
}

// ANCHOR: gauge_guard
impl Drop for GaugeGuard {
    fn drop(&mut self) {
        self.counts.current.fetch_sub(1, Ordering::SeqCst);
    }
}
// ANCHOR_END: gauge_guard

/// A meeting point for `parties` threads or tasks that opens only when all of them are
/// waiting at the same time. Unlike `std::sync::Barrier`, waiting gives up after a timeout,
/// so a test of sequential code fails with an explanation instead of hanging.
/// Cloning gives another handle to the same meeting point; it can be used once.
#[derive(Debug, Clone)]
pub struct Rendezvous {
    shared: Arc<RendezvousState>,
}

#[derive(Debug)]
struct RendezvousState {
    parties: usize,
    timeout: Duration,
    arrived: Mutex<usize>,
    all_here: Condvar,
    all_here_async: tokio::sync::Notify,
}

/// Why a [`Rendezvous`] did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotTogether {
    /// How many parties were expected.
    pub parties: usize,
    /// The most that were waiting at once.
    pub arrived: usize,
    /// How long this party waited.
    pub waited: Duration,
}

impl fmt::Display for NotTogether {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "only {} of {} parties were waiting at the same time after {:?}: \
             the work ran one after another, not at the same time",
            self.arrived, self.parties, self.waited
        )
    }
}

impl std::error::Error for NotTogether {}

impl Rendezvous {
    /// A meeting point for `parties` (at least 1) that gives up after `timeout`.
    pub fn new(parties: usize, timeout: Duration) -> Self {
        Self {
            shared: Arc::new(RendezvousState {
                parties: parties.max(1),
                timeout,
                arrived: Mutex::new(0),
                all_here: Condvar::new(),
                all_here_async: tokio::sync::Notify::new(),
            }),
        }
    }

    fn arrive(&self) -> usize {
        let state = &self.shared;
        let mut arrived = state.arrived.lock().unwrap_or_else(PoisonError::into_inner);
        *arrived += 1;
        if *arrived >= state.parties {
            state.all_here.notify_all();
            state.all_here_async.notify_waiters();
        }
        *arrived
    }

    fn arrived(&self) -> usize {
        *self
            .shared
            .arrived
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn not_together(&self) -> NotTogether {
        NotTogether {
            parties: self.shared.parties,
            arrived: self.arrived(),
            waited: self.shared.timeout,
        }
    }

    /// Blocks this thread until every party is waiting, or fails after the timeout.
    pub fn wait(&self) -> Result<(), NotTogether> {
        let state = &self.shared;
        self.arrive();
        let arrived = state.arrived.lock().unwrap_or_else(PoisonError::into_inner);
        let (arrived, result) = state
            .all_here
            .wait_timeout_while(arrived, state.timeout, |n| *n < state.parties)
            .unwrap_or_else(PoisonError::into_inner);
        if result.timed_out() && *arrived < state.parties {
            drop(arrived);
            return Err(self.not_together());
        }
        Ok(())
    }

    /// Waits (without blocking the thread) until every party is waiting, or fails after the
    /// timeout. Works in any tokio runtime, including one with a paused clock.
    pub async fn wait_async(&self) -> Result<(), NotTogether> {
        let state = &self.shared;
        let all_here = state.all_here_async.notified();
        tokio::pin!(all_here);
        // Register before arriving, so the last party's notify cannot slip past us.
        all_here.as_mut().enable();
        if self.arrive() >= state.parties {
            return Ok(());
        }
        match tokio::time::timeout(state.timeout, all_here).await {
            Ok(()) => Ok(()),
            Err(_) => Err(self.not_together()),
        }
    }
}

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
        Ok(Err(payload)) => resume_panic(payload),
        Err(RecvTimeoutError::Timeout) => panic!(
            "{what} did not finish within {limit:?}: a deadlock or a missed wake-up? \
             (something is waiting for an event that never comes)"
        ),
        Err(RecvTimeoutError::Disconnected) => panic!("{what}: the worker thread vanished"),
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
    within(limit, what, move || {
        let mut builder = tokio::runtime::Builder::new_current_thread();
        builder.enable_all();
        block_on_built(builder, make)
    })
}

fn block_on_built<F, Fut>(mut builder: tokio::runtime::Builder, make: F) -> Fut::Output
where
    F: FnOnce() -> Fut,
    Fut: Future,
{
    builder
        .build()
        .expect("could not build a tokio runtime")
        .block_on(make())
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
    within(limit, what, move || {
        let mut builder = tokio::runtime::Builder::new_current_thread();
        builder.enable_all().start_paused(true);
        block_on_built(builder, make)
    })
}

fn resume_panic(payload: Box<dyn Any + Send>) -> ! {
    panic::resume_unwind(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn gauge_tracks_current_peak_and_total() {
        let gauge = Gauge::new();
        let a = gauge.enter();
        let b = gauge.enter();
        assert_eq!((gauge.current(), gauge.peak()), (2, 2));
        drop(a);
        let _c = gauge.enter();
        drop(b);
        assert_eq!((gauge.current(), gauge.peak(), gauge.total()), (1, 2, 3));
        gauge.reset_peak();
        assert_eq!(gauge.peak(), 1);
    }

    #[test]
    fn gauge_sees_threads_that_overlap() {
        let gauge = Gauge::new();
        let meet = Rendezvous::new(4, PATIENCE);
        thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    let _in_flight = gauge.enter();
                    meet.wait().unwrap();
                });
            }
        });
        assert_eq!((gauge.peak(), gauge.current()), (4, 0));
    }

    #[test]
    fn rendezvous_opens_for_concurrent_threads() {
        let meet = Rendezvous::new(3, PATIENCE);
        let results: Vec<_> = thread::scope(|s| {
            let handles: Vec<_> = (0..3).map(|_| s.spawn(|| meet.wait())).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(results.iter().all(Result::is_ok), "{results:?}");
    }

    #[test]
    fn rendezvous_refuses_sequential_code() {
        let meet = Rendezvous::new(2, Duration::from_millis(50));
        // One party after another: the first gives up before the second arrives.
        let first = meet.wait();
        let error = first.expect_err("a lone party must not pass");
        assert_eq!((error.parties, error.arrived), (2, 1));
        assert!(error.to_string().contains("one after another"), "{error}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn rendezvous_opens_for_concurrent_tasks() {
        let meet = Rendezvous::new(3, PATIENCE);
        let tasks: Vec<_> = (0..3)
            .map(|_| {
                let meet = meet.clone();
                tokio::spawn(async move { meet.wait_async().await })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
    }

    #[tokio::test(start_paused = true)]
    async fn rendezvous_refuses_sequential_tasks() {
        let meet = Rendezvous::new(2, Duration::from_secs(5));
        let error = meet
            .wait_async()
            .await
            .expect_err("a lone task must not pass");
        assert_eq!(error.arrived, 1);
    }

    #[test]
    fn within_returns_the_value() {
        assert_eq!(within(PATIENCE, "adding", || 2 + 2), 4);
    }

    #[test]
    fn within_fires_on_a_deadlock_with_a_clear_message() {
        let outcome = panic::catch_unwind(|| {
            within(Duration::from_millis(100), "the stuck code", || {
                let (_keep_sender_alive, never) = mpsc::channel::<()>();
                never.recv().ok();
            })
        });
        let message = panic_message(outcome.expect_err("a stuck body must fail"));
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
    fn within_passes_on_the_original_panic() {
        let outcome = panic::catch_unwind(|| {
            within(PATIENCE, "failing code", || panic!("expected 4, got 3"))
        });
        assert_eq!(panic_message(outcome.unwrap_err()), "expected 4, got 3");
    }

    #[test]
    fn block_on_within_fires_even_when_the_runtime_is_blocked() {
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
        assert!(panic_message(outcome.unwrap_err()).contains("did not finish"));
    }

    fn panic_message(payload: Box<dyn Any + Send>) -> String {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    }
}
