//! A barrier for experiments repeated round after round, that fails instead of hanging.

use std::fmt;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// A meeting point for `parties` threads, reused round after round: each round opens when
/// the last party arrives, and the next round starts empty. Lesson 02 uses one to start every
/// thread of an experiment at the same moment, many times over.
///
/// Unlike `std::sync::Barrier` it gives up: if a round has not filled within the timeout, the
/// barrier *breaks*, and that wait and every later one return [`BarrierBroken`] (like Python's
/// `threading.Barrier`), so a test fails with a reason instead of hanging.
///
/// ```
/// use std::time::Duration;
/// let start = shared::instruments::RoundBarrier::new(2, Duration::from_secs(10));
/// std::thread::scope(|s| {
///     for _ in 0..2 {
///         s.spawn(|| {
///             for _round in 0..3 {
///                 start.wait().unwrap();
///             }
///         });
///     }
/// });
/// ```
#[derive(Debug, Clone)]
pub struct RoundBarrier {
    shared: Arc<State>,
}

#[derive(Debug)]
struct State {
    parties: usize,
    timeout: Duration,
    round: Mutex<Round>,
    changed: Condvar,
}

#[derive(Debug, Default)]
struct Round {
    number: u64,
    arrived: usize,
    broken: Option<BarrierBroken>,
}

/// Why a [`RoundBarrier`] failed: a round did not fill in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarrierBroken {
    /// The round that did not fill (the first is round 0).
    pub round: u64,
    /// How many parties had arrived when it gave up.
    pub arrived: usize,
    /// How many it needed.
    pub parties: usize,
}

impl fmt::Display for BarrierBroken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "round {} of the barrier: only {} of {} parties arrived in time, so the barrier broke \
             (a party stopped early, or the work did not run at the same time)",
            self.round, self.arrived, self.parties
        )
    }
}

impl std::error::Error for BarrierBroken {}

impl RoundBarrier {
    /// A barrier for `parties` (at least 1) whose rounds give up after `timeout`.
    pub fn new(parties: usize, timeout: Duration) -> Self {
        Self {
            shared: Arc::new(State {
                parties: parties.max(1),
                timeout,
                round: Mutex::default(),
                changed: Condvar::new(),
            }),
        }
    }

    fn round(&self) -> MutexGuard<'_, Round> {
        self.shared
            .round
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until every party has arrived in this round. Returns `Ok(true)` for exactly one
    /// party per round (the last to arrive, which can reset shared state for the next round),
    /// `Ok(false)` for the others.
    pub fn wait(&self) -> Result<bool, BarrierBroken> {
        let state = &self.shared;
        let mut round = self.round();
        if let Some(broken) = &round.broken {
            return Err(broken.clone());
        }
        let mine = round.number;
        round.arrived += 1;
        if round.arrived == state.parties {
            round.number += 1;
            round.arrived = 0;
            state.changed.notify_all();
            return Ok(true);
        }
        let (mut round, waited) = state
            .changed
            .wait_timeout_while(round, state.timeout, |r| {
                r.number == mine && r.broken.is_none()
            })
            .unwrap_or_else(PoisonError::into_inner);
        if round.number != mine {
            return Ok(false);
        }
        if waited.timed_out() && round.broken.is_none() {
            round.broken = Some(BarrierBroken {
                round: mine,
                arrived: round.arrived,
                parties: state.parties,
            });
            state.changed.notify_all();
        }
        Err(round.broken.clone().expect("the round broke"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;

    #[test]
    fn rounds_repeat_with_one_leader_each() {
        let barrier = RoundBarrier::new(3, Duration::from_secs(10));
        let leaders = AtomicUsize::new(0);
        thread::scope(|s| {
            for _ in 0..3 {
                s.spawn(|| {
                    for _ in 0..50 {
                        if barrier.wait().unwrap() {
                            leaders.fetch_add(1, Ordering::SeqCst);
                        }
                    }
                });
            }
        });
        assert_eq!(leaders.into_inner(), 50);
    }

    #[test]
    fn a_round_that_does_not_fill_breaks_the_barrier_for_good() {
        let barrier = RoundBarrier::new(2, Duration::from_millis(50));
        let broken = barrier
            .wait()
            .expect_err("one party cannot fill a round of two");
        assert_eq!((broken.round, broken.arrived, broken.parties), (0, 1, 2));
        assert!(broken.to_string().contains("broke"), "{broken}");
        assert_eq!(barrier.wait(), Err(broken), "later waits fail at once");
    }
}
