use std::cell::RefCell;
use std::ops::ControlFlow;
use std::rc::Rc;
use std::time::Duration;

use shared::clock::{Clock, ManualClock};
use shared::instruments::within;

use super::subject::periodic::{Handle, NotScheduled, Scheduler};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

const SECOND: Duration = Duration::from_secs(1);

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// A scheduler on a clock that moves only when the scheduler delays (or an action moves it),
/// and a log of what ran when: "1.5 name".
struct World {
    clock: ManualClock,
    log: Rc<RefCell<Vec<String>>>,
}

impl World {
    fn new() -> (Scheduler, Self) {
        let clock = ManualClock::new();
        let (reader, mover) = (clock.clone(), clock.clone());
        let scheduler = Scheduler::new(move || reader.now(), move |wait| mover.advance(wait));
        let log = Rc::default();
        (scheduler, Self { clock, log })
    }

    /// An action that logs `name` with the time it ran.
    fn say(&self, name: &'static str) -> impl FnOnce(&mut Scheduler) + 'static {
        let (clock, log) = (self.clock.clone(), Rc::clone(&self.log));
        move |_: &mut Scheduler| log.borrow_mut().push(stamp(&clock, name))
    }

    fn lines(&self) -> Vec<String> {
        self.log.borrow().clone()
    }
}

fn stamp(clock: &ManualClock, name: &str) -> String {
    format!("{} {name}", clock.now().as_secs_f64())
}

/// A repeating action that logs `name`, takes `takes` of the clock's time, and stops after
/// `runs` runs (or panics if it is run far more often, so that a scheduler that ignores
/// `Break` fails instead of looping for ever).
fn repeating(
    world: &World,
    name: &'static str,
    takes: Duration,
    runs: usize,
) -> impl FnMut(&mut Scheduler) -> ControlFlow<()> + 'static {
    let (clock, log) = (world.clock.clone(), Rc::clone(&world.log));
    let mut count = 0;
    move |_: &mut Scheduler| {
        count += 1;
        assert!(
            count <= runs + 10,
            "{name} still runs after it returned ControlFlow::Break ({READ})"
        );
        log.borrow_mut().push(stamp(&clock, name));
        clock.advance(takes);
        if count == runs {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}

/// Runs `scenario` on a thread of its own, failing if it does not finish.
fn guarded<T: Send + 'static>(scenario: impl FnOnce() -> T + Send + 'static) -> T {
    within(PATIENCE, "the scheduler's run()", scenario)
}

#[test]
fn events_run_in_order_of_time_then_priority_then_insertion() {
    let lines = guarded(|| {
        let (mut s, world) = World::new();
        s.enter(2 * SECOND, 1, world.say("2 s, priority 1, first"));
        s.enter(SECOND, 5, world.say("1 s, priority 5"));
        s.enter(2 * SECOND, 1, world.say("2 s, priority 1, second"));
        s.enter(2 * SECOND, 0, world.say("2 s, priority 0"));
        s.enter(2 * SECOND, 1, world.say("2 s, priority 1, third"));
        s.run();
        world.lines()
    });
    assert_eq!(
        lines,
        [
            "1 1 s, priority 5",
            "2 2 s, priority 0",
            "2 2 s, priority 1, first",
            "2 2 s, priority 1, second",
            "2 2 s, priority 1, third"
        ],
        "time first, then lower priority, then the order of entry ({READ})"
    );
}

#[test]
fn enter_counts_from_the_time_it_is_called_and_run_waits_with_delay() {
    let lines = guarded(|| {
        let (mut s, world) = World::new();
        world.clock.advance(5 * SECOND);
        s.enter(SECOND, 1, world.say("one second after the enter"));
        s.run();
        world.lines()
    });
    assert_eq!(
        lines,
        ["6 one second after the enter"],
        "enter(delay) is due at time() + delay, and run() gets there by calling delay() \
         ({READ})"
    );
}

#[test]
fn run_with_nothing_to_do_returns_at_once() {
    let empty = guarded(|| {
        let (mut s, _world) = World::new();
        s.run();
        s.is_empty()
    });
    assert!(
        empty,
        "a new scheduler is empty, and run() returns ({READ})"
    );
}

#[test]
fn cancel_removes_a_waiting_event_once() {
    let (lines, outcomes) = guarded(|| {
        let (mut s, world) = World::new();
        let doomed = s.enter(SECOND, 1, world.say("cancelled"));
        let kept = s.enter(2 * SECOND, 1, world.say("kept"));
        let first = s.cancel(doomed);
        let again = s.cancel(doomed);
        let never_issued = s.cancel(Handle(9_999));
        s.run();
        let spent = s.cancel(kept);
        (world.lines(), [first, again, never_issued, spent])
    });
    assert_eq!(lines, ["2 kept"], "a cancelled event never runs ({READ})");
    assert_eq!(
        outcomes,
        [
            Ok(()),
            Err(NotScheduled),
            Err(NotScheduled),
            Err(NotScheduled)
        ],
        "cancel succeeds once for a waiting event; a cancelled, unknown or spent one is \
         NotScheduled ({READ})"
    );
}

#[test]
fn actions_enter_and_cancel_events_while_run_runs() {
    let lines = guarded(|| {
        let (mut s, world) = World::new();
        let later = s.enter(ms(1500), 1, world.say("cancelled by the first"));
        s.enter(SECOND, 9, world.say("1 s, priority 9"));
        let (now, soon, log) = (
            world.say("entered for now"),
            world.say("entered for later"),
            Rc::clone(&world.log),
        );
        let clock = world.clock.clone();
        s.enter(SECOND, 1, move |s: &mut Scheduler| {
            log.borrow_mut().push(stamp(&clock, "first"));
            s.enter(Duration::ZERO, 5, now);
            s.enter(SECOND, 1, soon);
            assert_eq!(
                s.cancel(later),
                Ok(()),
                "the event is still waiting ({READ})"
            );
        });
        s.run();
        world.lines()
    });
    assert_eq!(
        lines,
        [
            "1 first",
            "1 entered for now",
            "1 1 s, priority 9",
            "2 entered for later"
        ],
        "an action's new events join the queue at once, in their place; a cancelled one never \
         runs ({READ})"
    );
}

#[test]
fn a_repeating_event_keeps_the_beat_when_its_action_takes_time() {
    let lines = guarded(|| {
        let (mut s, world) = World::new();
        s.every(SECOND, 1, repeating(&world, "tick", ms(300), 4));
        s.run();
        (world.lines(), s.is_empty())
    });
    assert_eq!(
        lines,
        (
            vec![
                "1 tick".into(),
                "2 tick".into(),
                "3 tick".into(),
                "4 tick".into()
            ],
            true
        ),
        "each run is due one interval after the previous one was *due*, not after it \
         finished: an action of 0.3 s must not push the beat to 2.3, 3.6 … ({READ})"
    );
}

#[test]
fn late_runs_are_not_skipped_and_the_beat_resumes() {
    let lines = guarded(|| {
        let (mut s, world) = World::new();
        let (clock, log) = (world.clock.clone(), Rc::clone(&world.log));
        let mut count = 0;
        s.every(SECOND, 1, move |_: &mut Scheduler| {
            count += 1;
            log.borrow_mut().push(stamp(&clock, "tick"));
            if count == 1 {
                clock.advance(ms(2500)); // the first run overruns by two and a half beats
            }
            if count == 4 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        s.run();
        world.lines()
    });
    assert_eq!(
        lines,
        ["1 tick", "3.5 tick", "3.5 tick", "4 tick"],
        "the runs due at 2 and 3 come late, one after the other, and the one due at 4 is on \
         time again ({READ})"
    );
}

#[test]
fn cancel_stops_a_repeating_event_for_good() {
    let (lines, again) = guarded(|| {
        let (mut s, world) = World::new();
        let tick = s.every(SECOND, 1, repeating(&world, "tick", Duration::ZERO, 10));
        let (clock, log) = (world.clock.clone(), Rc::clone(&world.log));
        s.enter(ms(2500), 1, move |s: &mut Scheduler| {
            let outcome = s.cancel(tick);
            log.borrow_mut()
                .push(format!("{} cancel: {outcome:?}", clock.now().as_secs_f64()));
        });
        s.run();
        let again = s.cancel(tick);
        (world.lines(), again)
    });
    assert_eq!(
        lines,
        ["1 tick", "2 tick", "2.5 cancel: Ok(())"],
        "a repeating event keeps its handle from run to run, and cancelling it stops every \
         future run ({READ})"
    );
    assert_eq!(
        again,
        Err(NotScheduled),
        "nothing is left to cancel ({READ})"
    );
}

#[test]
fn a_repetition_counts_as_inserted_when_it_is_re_entered() {
    let lines = guarded(|| {
        let (mut s, world) = World::new();
        s.every(SECOND, 1, repeating(&world, "repeating", Duration::ZERO, 2));
        s.enter(2 * SECOND, 1, world.say("one-off"));
        s.run();
        world.lines()
    });
    assert_eq!(
        lines,
        ["1 repeating", "2 one-off", "2 repeating"],
        "at 2 s both have priority 1; the one-off was entered at 0 s, the repetition only \
         when it was re-entered at 1 s, so the one-off runs first ({READ})"
    );
}
