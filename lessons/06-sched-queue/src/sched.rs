//! An event scheduler with the semantics of Python's `sched.scheduler`, event for event.
//!
//! Events wait in a queue ordered by (time, priority, insertion order): the earliest time
//! first, a lower priority number first among equal times, and the event entered first among
//! equal times and priorities. [`Scheduler::run`] takes the first event; if its time has come
//! it runs the action, otherwise it calls the delay function for the time left and looks
//! again. Where "now" comes from and how a delay is spent are the two functions the scheduler
//! is built with, as in `sched.scheduler(timefunc, delayfunc)`: the monotonic clock and
//! `thread::sleep` by default, a [`ManualClock`] for simulated time, so tests never sleep.
//!
//! CPython's details are kept, because they decide what a program sees:
//! - `enter(delay, …)` is `enterabs(now + delay, …)`: two `enter` calls with the same delay
//!   read the clock twice, so they tie only if the clock did not move in between;
//! - the clock is read again before every event, and an event runs when its time is *not after*
//!   now;
//! - after every action the delay function is called with zero (CPython's way of letting
//!   other threads take the GIL; with Rust's `thread::sleep` it returns at once);
//! - an action may enter and cancel events while `run` runs: each is seen at the next look at
//!   the queue, so an event an action enters for "now" runs before later ones;
//! - the delay function may return early (or change the queue): `run` just looks again;
//! - an action that panics leaves `run` with the event already removed, and the queue as it
//!   was, so `run` can be called again (CPython: the exception propagates the same way).
//!
//! Like CPython's, the scheduler is thread-safe (another thread may enter events), and like
//! CPython's, a `run` that is waiting does not notice an earlier event entered by another
//! thread until its delay ends.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use shared::clock::{Clock, ManualClock, SystemClock};

/// What an event does when its time comes. It is given the scheduler, so it can enter or
/// cancel events (Python's actions reach the scheduler through a global or a closure).
pub type Action = Box<dyn FnOnce(&Scheduler) + Send>;

type TimeFn = Box<dyn Fn() -> Duration + Send + Sync>;
type DelayFn = Box<dyn Fn(Duration) + Send + Sync>;

// ANCHOR: event
/// A scheduled event, and the handle to cancel it. Python's `enter` returns an `Event` named
/// tuple; this is the same key without the action: fields compare in the order that decides
/// which event runs first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Event {
    time: Duration,
    priority: i32,
    sequence: u64,
    /// Which scheduler issued it, so that a handle cannot cancel another scheduler's event.
    scheduler: u64,
}
// ANCHOR_END: event

impl Event {
    /// When the event is due, on the scheduler's clock.
    pub fn time(&self) -> Duration {
        self.time
    }

    /// Its priority: lower numbers run first among events due at the same time.
    pub fn priority(&self) -> i32 {
        self.priority
    }

    /// Its place in the order of insertion (0 for the first event ever entered).
    pub fn sequence(&self) -> u64 {
        self.sequence
    }
}

/// `cancel` was given an event that is not in the queue: it already ran, was cancelled, or
/// belongs to another scheduler. CPython raises `ValueError` here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotPending(pub Event);

impl fmt::Display for NotPending {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "event {} (due at {:?}) is not in the queue: it ran, was cancelled, or belongs to \
             another scheduler",
            self.0.sequence, self.0.time
        )
    }
}

impl std::error::Error for NotPending {}

// ANCHOR: scheduler
/// Python's `sched.scheduler`.
pub struct Scheduler {
    id: u64,
    state: Mutex<State>,
    time: TimeFn,
    delay: DelayFn,
}

#[derive(Default)]
struct State {
    /// Ordered by (time, priority, sequence): the first entry is the next to run.
    queue: BTreeMap<Event, Action>,
    next_sequence: u64,
}
// ANCHOR_END: scheduler

impl Default for Scheduler {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Scheduler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scheduler")
            .field("queue", &self.queue())
            .finish_non_exhaustive()
    }
}

impl Scheduler {
    /// A scheduler on the monotonic clock that waits with `thread::sleep`: Python's default,
    /// `sched.scheduler()`, whose clock is `time.monotonic`. Times are measured from now.
    pub fn new() -> Self {
        let clock = SystemClock::new();
        Self::with_functions(move || clock.now(), thread::sleep)
    }

    /// A scheduler that reads the time from `time` and waits with `delay`:
    /// `sched.scheduler(timefunc, delayfunc)`.
    pub fn with_functions(
        time: impl Fn() -> Duration + Send + Sync + 'static,
        delay: impl Fn(Duration) + Send + Sync + 'static,
    ) -> Self {
        static SCHEDULERS: AtomicU64 = AtomicU64::new(0);
        Self {
            id: SCHEDULERS.fetch_add(1, Ordering::Relaxed),
            state: Mutex::default(),
            time: Box::new(time),
            delay: Box::new(delay),
        }
    }

    /// A scheduler in simulated time: it reads `clock`, and a delay moves `clock` forward
    /// instead of waiting, so a day of events runs in microseconds.
    pub fn simulated(clock: &ManualClock) -> Self {
        let (reader, mover) = (clock.clone(), clock.clone());
        Self::with_functions(move || reader.now(), move |wait| mover.advance(wait))
    }

    /// The scheduler's clock reading.
    pub fn now(&self) -> Duration {
        (self.time)()
    }

    // ANCHOR: enter
    /// Schedules `action` at `time` on the scheduler's clock: `enterabs(time, priority, action)`.
    pub fn enterabs(
        &self,
        time: Duration,
        priority: i32,
        action: impl FnOnce(&Scheduler) + Send + 'static,
    ) -> Event {
        let mut state = self.lock();
        let event = Event {
            time,
            priority,
            sequence: state.next_sequence,
            scheduler: self.id,
        };
        state.next_sequence += 1;
        state.queue.insert(event, Box::new(action));
        event
    }

    /// Schedules `action` `delay` from now: `enter(delay, priority, action)`.
    pub fn enter(
        &self,
        delay: Duration,
        priority: i32,
        action: impl FnOnce(&Scheduler) + Send + 'static,
    ) -> Event {
        let time = self.now() + delay;
        self.enterabs(time, priority, action)
    }

    /// Removes `event` from the queue, so it never runs: `cancel(event)`.
    pub fn cancel(&self, event: Event) -> Result<(), NotPending> {
        match self.lock().queue.remove(&event) {
            Some(_action) => Ok(()),
            None => Err(NotPending(event)),
        }
    }
    // ANCHOR_END: enter

    /// Whether no event is waiting: `empty()`.
    pub fn is_empty(&self) -> bool {
        self.lock().queue.is_empty()
    }

    /// The waiting events, in the order they would run: the `queue` property.
    pub fn queue(&self) -> Vec<Event> {
        self.lock().queue.keys().copied().collect()
    }

    // ANCHOR: run
    /// Runs events until the queue is empty: `run(blocking=True)` waits for each event's time
    /// with the delay function and returns `None`. `run(blocking=False)` runs only the events
    /// already due and returns the time left until the next one (`None` if none is left).
    pub fn run(&self, blocking: bool) -> Option<Duration> {
        loop {
            let next = {
                let mut state = self.lock();
                // An empty queue ends the run (the `?`), as in CPython.
                let first = state.queue.first_entry()?;
                let now = self.now();
                if first.key().time > now {
                    Err(first.key().time - now)
                } else {
                    Ok(first.remove())
                }
            }; // The lock is released here: actions and delays may use the scheduler.
            match next {
                Err(wait) if !blocking => return Some(wait),
                Err(wait) => (self.delay)(wait),
                Ok(action) => {
                    action(self);
                    (self.delay)(Duration::ZERO);
                }
            }
        }
    }
    // ANCHOR_END: run

    fn lock(&self) -> MutexGuard<'_, State> {
        // No user code runs while the lock is held except the time function; a panic there
        // leaves the queue intact, so a poisoned lock is still safe to use.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::Transcript;
    use std::panic::{AssertUnwindSafe, catch_unwind};

    const SECOND: Duration = Duration::from_secs(1);

    /// A scheduler in simulated time, and a transcript whose lines say when each action ran.
    fn simulated() -> (Scheduler, ManualClock, Transcript) {
        let clock = ManualClock::new();
        (Scheduler::simulated(&clock), clock, Transcript::new())
    }

    fn say(log: &Transcript, text: &'static str) -> impl FnOnce(&Scheduler) + Send + 'static {
        let log = log.clone();
        move |s: &Scheduler| log.say(format!("{:?} {text}", s.now()))
    }

    #[test]
    fn time_then_priority_then_insertion_order() {
        let (s, _, log) = simulated();
        s.enterabs(2 * SECOND, 1, say(&log, "2 s, priority 1, first"));
        s.enterabs(SECOND, 5, say(&log, "1 s, priority 5"));
        s.enterabs(2 * SECOND, 1, say(&log, "2 s, priority 1, second"));
        s.enterabs(2 * SECOND, 0, say(&log, "2 s, priority 0"));
        assert_eq!(s.run(true), None);
        assert_eq!(
            log.lines(),
            [
                "1s 1 s, priority 5",
                "2s 2 s, priority 0",
                "2s 2 s, priority 1, first",
                "2s 2 s, priority 1, second"
            ]
        );
    }

    #[test]
    fn cancel_removes_a_waiting_event_and_refuses_a_spent_or_foreign_one() {
        let (s, _, log) = simulated();
        let doomed = s.enter(SECOND, 1, say(&log, "doomed"));
        let kept = s.enter(2 * SECOND, 1, say(&log, "kept"));
        assert_eq!(s.queue(), [doomed, kept]);
        assert_eq!(s.cancel(doomed), Ok(()));
        assert_eq!(s.cancel(doomed), Err(NotPending(doomed)));
        let (other, _, _) = simulated();
        assert_eq!(other.cancel(kept), Err(NotPending(kept)));
        s.run(true);
        assert_eq!(log.lines(), ["2s kept"]);
        assert_eq!(s.cancel(kept), Err(NotPending(kept)), "it already ran");
        assert!(s.is_empty());
    }

    #[test]
    fn actions_enter_and_cancel_events_while_run_runs() {
        let (s, _, log) = simulated();
        let later = s.enter(3 * SECOND, 1, say(&log, "cancelled by tick"));
        let tick_log = log.clone();
        s.enter(SECOND, 1, move |s: &Scheduler| {
            tick_log.say("1s tick");
            s.enter(SECOND, 1, say(&tick_log, "tock"));
            s.enter(Duration::ZERO, 1, say(&tick_log, "at once"));
            s.cancel(later).unwrap();
        });
        s.run(true);
        assert_eq!(log.lines(), ["1s tick", "1s at once", "2s tock"]);
    }

    #[test]
    fn non_blocking_run_runs_what_is_due_and_says_how_long_until_the_next() {
        let (s, clock, log) = simulated();
        s.enter(SECOND, 1, say(&log, "first"));
        s.enter(3 * SECOND, 1, say(&log, "second"));
        assert_eq!(s.run(false), Some(SECOND));
        assert!(log.lines().is_empty());
        clock.advance(SECOND * 3 / 2);
        assert_eq!(s.run(false), Some(SECOND * 3 / 2));
        clock.advance(10 * SECOND);
        assert_eq!(s.run(false), None);
        assert_eq!(log.lines(), ["1.5s first", "11.5s second"]);
    }

    #[test]
    fn a_delay_that_returns_early_is_simply_restarted() {
        let clock = ManualClock::new();
        let (reader, mover) = (clock.clone(), clock.clone());
        let delays = Transcript::new();
        let heard = delays.clone();
        let s = Scheduler::with_functions(
            move || reader.now(),
            move |wait| {
                heard.say(format!("{wait:?}"));
                // Long waits wake up halfway, as a sleep interrupted by a signal might.
                mover.advance(if wait > SECOND { wait / 2 } else { wait });
            },
        );
        let log = Transcript::new();
        s.enter(4 * SECOND, 1, say(&log, "due"));
        s.run(true);
        assert_eq!(log.lines(), ["4s due"]);
        assert_eq!(delays.lines(), ["4s", "2s", "1s", "0ns"]);
    }

    #[test]
    fn a_panicking_action_leaves_a_scheduler_that_can_run_again() {
        let (s, _, log) = simulated();
        s.enter(SECOND, 1, |_: &Scheduler| panic!("the action failed"));
        s.enter(2 * SECOND, 1, say(&log, "after the failure"));
        let outcome = catch_unwind(AssertUnwindSafe(|| s.run(true)));
        assert!(outcome.is_err());
        assert_eq!(s.queue().len(), 1);
        s.run(true);
        assert_eq!(log.lines(), ["2s after the failure"]);
    }

    #[test]
    fn other_threads_may_enter_events() {
        let (s, _, log) = simulated();
        thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| s.enter(SECOND, 1, say(&log, "from a thread")));
            }
        });
        s.run(true);
        assert_eq!(log.lines().len(), 4);
    }
}
