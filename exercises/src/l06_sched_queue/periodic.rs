//! # Exercise: a scheduler with repeating events that do not drift
//!
//! The lesson's scheduler runs each event once. A heartbeat, a poll, a game's tick repeat, and
//! the usual Python way to repeat (an action that calls `enter(interval, …)` again) drifts:
//! each repetition is placed after the previous one *finished*, so an action that takes 0.3 s
//! every second ends up running at 1.0, 2.3, 3.6 … Write a scheduler whose `every` keeps to
//! the beat: 1, 2, 3 …, however long the action takes.
//!
//! It is single-threaded (`&mut self`) and, like `sched.scheduler(timefunc, delayfunc)`, is
//! given its clock: `time()` says what time it is, `delay(d)` waits `d`. The tests give it a
//! clock that moves only when `delay` is called (or when an action moves it), so no test
//! sleeps, and every time below is exact.
//!
//! - `enter(delay, priority, action)` schedules a one-off event at `time() + delay`;
//!   `every(interval, priority, action)` a repeating one, first due at `time() + interval`.
//!   Both return a `Handle`.
//! - Events run in order of time, then priority (lower first), then insertion: the order in
//!   which `enter` and `every` were called, a repetition counting as inserted when it is
//!   re-entered (just after its action returns).
//! - `run()` runs events until none is left: when the next one is due (its time is not after
//!   `time()`) it runs it, otherwise it calls `delay` with the time left and looks again. It
//!   never spins on the clock. An action may enter and cancel events: they are seen at once
//!   (an event entered for "now" runs before later ones).
//! - Actions get the scheduler (`&mut Scheduler`), so they can enter and cancel.
//! - After each run of a repeating action that returns `ControlFlow::Continue(())`, the next
//!   run is due one interval after the time this one was *due*, not after it ran or finished:
//!   no drift. A late run is never skipped: if an action overruns by several intervals, the
//!   missed runs come one after another, as soon as possible. `ControlFlow::Break(())` stops
//!   the repetition.
//! - `cancel(handle)` removes a waiting event (for a repeating one, every future run) and
//!   returns `Ok(())`; for an event that is not waiting (it ran, was cancelled or stopped, or is
//!   running right now), `Err(NotScheduled)`.
//! - `is_empty()` says whether no event waits.
//!
//! Tests: `cargo test -p exercises l06_sched_queue::periodic`.
//! Hints, and where to read: `cargo run -p exercises -- hint periodic`.

// The stub ignores its parameters until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

use std::ops::ControlFlow;
use std::time::Duration;

/// Identifies an event, to cancel it. A repeating event keeps its handle from run to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Handle(pub u64);

/// `cancel` found no waiting event for the handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotScheduled;

/// A single-threaded event scheduler with one-off and repeating events.
pub struct Scheduler {
    // TODO: the clock (`Box<dyn Fn() -> Duration>`) and the delay (`Box<dyn FnMut(Duration)>`);
    // the waiting events, ordered by (time, priority, insertion number), each with its handle
    // and its action (one-off or repeating, with its interval); and where each handle's event
    // waits, for `cancel`.
}

impl Scheduler {
    /// A scheduler that reads the time from `time` and waits with `delay`.
    pub fn new(
        time: impl Fn() -> Duration + 'static,
        delay: impl FnMut(Duration) + 'static,
    ) -> Self {
        todo!("l06_sched_queue::periodic: build the Scheduler")
    }

    /// Schedules `action` to run once, `delay` from now.
    pub fn enter(
        &mut self,
        delay: Duration,
        priority: i32,
        action: impl FnOnce(&mut Scheduler) + 'static,
    ) -> Handle {
        todo!()
    }

    /// Schedules `action` to run every `interval`, the first time `interval` from now, until it
    /// returns `ControlFlow::Break(())` or is cancelled.
    pub fn every(
        &mut self,
        interval: Duration,
        priority: i32,
        action: impl FnMut(&mut Scheduler) -> ControlFlow<()> + 'static,
    ) -> Handle {
        todo!()
    }

    /// Removes the event `handle` names, if it is waiting.
    pub fn cancel(&mut self, handle: Handle) -> Result<(), NotScheduled> {
        todo!()
    }

    /// Whether no event waits.
    pub fn is_empty(&self) -> bool {
        todo!()
    }

    /// Runs events until none is left.
    pub fn run(&mut self) {
        // TODO: loop: take the first event; if it is due, run it (and re-enter a repeating one
        // that continues); if not, delay for the time left. Stop when none is left.
        todo!()
    }
}
