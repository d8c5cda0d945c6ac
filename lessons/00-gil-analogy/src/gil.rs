//! A simulated global interpreter lock that behaves like CPython's (`Python/ceval_gil.c`,
//! since 3.2).
//!
//! - A thread must hold the lock to run Python code. A thread that wants it and finds it taken
//!   sleeps on a condition variable, so waiting costs no CPU.
//! - The holder is never interrupted from outside. Instead, a waiter that has waited a whole
//!   *switch interval* (5 ms by default, `sys.getswitchinterval()`) without the lock changing
//!   hands sets a flag, the *drop request*. The holder checks that flag at its switch points
//!   (CPython's "eval breaker") and lets go at the next one.
//! - Letting go is not enough: the thread that let go is still running, and on a multi-core
//!   machine it would usually take the lock straight back before the sleeping waiter wakes up.
//!   So a thread that lets go *on request* waits until another thread has taken the lock: the
//!   [`Handoff::Forced`] hand-off. [`Handoff::Naive`] leaves that wait out, to show what goes
//!   wrong without it.
//!
//! The lock's users are the interpreter's threads, [`crate::interpreter::PyThread`], which call
//! [`Gil::take`], [`Gil::release`] and [`Gil::drop_requested`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// CPython's default switch interval: `sys.getswitchinterval()` is 0.005.
pub const DEFAULT_SWITCH_INTERVAL: Duration = Duration::from_millis(5);

/// What a thread does when it lets go of the lock because another thread asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handoff {
    /// CPython since 3.2: wait until another thread has taken the lock, then queue for it again.
    Forced,
    /// `drop(guard); lock()`: let go and compete for the lock again at once, against a waiter
    /// that is still being woken up. The thread that let go usually wins.
    Naive,
}

// ANCHOR: gil
/// The interpreter lock: at most one thread holds it; the others sleep until it is let go.
#[derive(Debug)]
pub struct Gil {
    state: Mutex<State>,
    /// Wakes a thread waiting in `take` when the lock is let go.
    released: Condvar,
    /// Wakes a thread that let go on request, once another thread has the lock.
    switched: Condvar,
    /// Set by a thread that waited a whole interval; read by the holder at every switch point
    /// without taking the mutex, so checking it costs next to nothing.
    drop_request: AtomicBool,
    interval: Duration,
    handoff: Handoff,
}

#[derive(Debug, Default)]
struct State {
    /// The thread holding the lock, if any.
    holder: Option<usize>,
    /// The thread that held it last (or holds it now).
    last_holder: Option<usize>,
    /// How many times the lock went to a thread other than its last holder.
    switches: u64,
}
// ANCHOR_END: gil

impl Gil {
    /// A free lock whose waiters ask the holder to let go after `interval`.
    pub fn new(interval: Duration, handoff: Handoff) -> Self {
        Self {
            state: Mutex::default(),
            released: Condvar::new(),
            switched: Condvar::new(),
            drop_request: AtomicBool::new(false),
            interval,
            handoff,
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // The state is a few plain fields, consistent after every statement: a panic elsewhere
        // cannot leave it half-written, so a poisoned mutex is safe to use.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    // ANCHOR: take
    /// Takes the lock for thread `me`, sleeping while another thread holds it. After each
    /// interval spent waiting without the lock changing hands, asks the holder to let go.
    pub fn take(&self, me: usize) {
        let mut state = self.state();
        while state.holder.is_some() {
            let switches = state.switches;
            let (next, wait) = self
                .released
                .wait_timeout(state, self.interval)
                .unwrap_or_else(PoisonError::into_inner);
            state = next;
            if wait.timed_out() && state.holder.is_some() && state.switches == switches {
                self.drop_request.store(true, Ordering::Relaxed);
            }
        }
        state.holder = Some(me);
        self.drop_request.store(false, Ordering::Relaxed);
        if state.last_holder != Some(me) {
            state.last_holder = Some(me);
            state.switches += 1;
            self.switched.notify_all();
        }
    }
    // ANCHOR_END: take

    // ANCHOR: release
    /// Lets go of the lock that thread `me` holds. If another thread has asked for it, a
    /// [`Handoff::Forced`] lock then waits until some other thread has taken it, so that `me`
    /// cannot win it straight back.
    pub fn release(&self, me: usize) {
        let mut state = self.state();
        assert_eq!(
            state.holder,
            Some(me),
            "thread {me} let go of an interpreter lock it does not hold"
        );
        state.holder = None;
        self.released.notify_one();
        if self.handoff == Handoff::Forced && self.drop_requested() {
            // The thread that asked is waiting in `take` and will take the lock: until then,
            // this thread sleeps instead of competing with it.
            let _switched = self
                .switched
                .wait_while(state, |state| state.last_holder == Some(me))
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
    // ANCHOR_END: release

    /// Whether a waiting thread has asked the holder to let go: CPython's eval breaker,
    /// checked at every switch point.
    pub fn drop_requested(&self) -> bool {
        self.drop_request.load(Ordering::Relaxed)
    }

    /// How many times the lock has gone to a thread other than its last holder.
    pub fn switches(&self) -> u64 {
        self.state().switches
    }

    /// The thread holding the lock now, if any.
    pub fn holder(&self) -> Option<usize> {
        self.state().holder
    }

    /// How long a waiter waits before it asks the holder to let go.
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// What a thread does when it lets go on request.
    pub fn handoff(&self) -> Handoff {
        self.handoff
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::{Gauge, within};
    use std::sync::Arc;
    use std::sync::atomic::AtomicU64;
    use std::thread;

    const PATIENCE: Duration = Duration::from_secs(10);
    const SHORT: Duration = Duration::from_millis(1);

    #[test]
    fn one_holder_at_a_time_and_every_step_runs() {
        let gil = Arc::new(Gil::new(SHORT, Handoff::Forced));
        let holders = Gauge::new();
        let steps = Arc::new(AtomicU64::new(0));
        let (gil2, holders2, steps2) = (Arc::clone(&gil), holders.clone(), Arc::clone(&steps));
        within(PATIENCE, "four threads sharing the lock", move || {
            thread::scope(|scope| {
                for me in 0..4 {
                    let (gil, holders, steps) = (&gil2, &holders2, &steps2);
                    scope.spawn(move || {
                        gil.take(me);
                        for _ in 0..2_000 {
                            if gil.drop_requested() {
                                gil.release(me);
                                gil.take(me);
                            }
                            let _running = holders.enter();
                            steps.fetch_add(1, Ordering::Relaxed);
                        }
                        gil.release(me);
                    });
                }
            });
        });
        assert_eq!(holders.peak(), 1, "two threads held the lock at once");
        assert_eq!(steps.load(Ordering::Relaxed), 8_000);
        assert_eq!(gil.holder(), None);
    }

    #[test]
    fn a_waiter_gets_the_lock_from_a_holder_that_never_stops() {
        let gil = Arc::new(Gil::new(SHORT, Handoff::Forced));
        let got_it = Arc::new(AtomicBool::new(false));
        let (gil2, got_it2) = (Arc::clone(&gil), Arc::clone(&got_it));
        within(PATIENCE, "the forced hand-off", move || {
            gil2.take(0);
            let waiter = {
                let (gil, got_it) = (Arc::clone(&gil2), Arc::clone(&got_it2));
                thread::spawn(move || {
                    gil.take(1);
                    got_it.store(true, Ordering::SeqCst);
                    gil.release(1);
                })
            };
            // The holder runs until the waiter has had the lock: only the hand-off can end it.
            while !got_it2.load(Ordering::SeqCst) {
                if gil2.drop_requested() {
                    gil2.release(0);
                    gil2.take(0);
                }
            }
            gil2.release(0);
            waiter.join().unwrap();
        });
        assert!(got_it.load(Ordering::SeqCst));
        assert!(gil.switches() >= 2, "the lock changed hands at least twice");
    }

    #[test]
    fn switches_count_only_changes_of_holder() {
        let gil = Gil::new(SHORT, Handoff::Forced);
        gil.take(7);
        gil.release(7);
        gil.take(7);
        gil.release(7);
        assert_eq!(gil.switches(), 1, "the same thread again is not a switch");
        gil.take(8);
        assert_eq!((gil.switches(), gil.holder()), (2, Some(8)));
    }

    #[test]
    #[should_panic(expected = "does not hold")]
    fn letting_go_of_a_lock_you_do_not_hold_is_a_bug() {
        let gil = Gil::new(SHORT, Handoff::Forced);
        gil.take(1);
        gil.release(2);
    }
}
