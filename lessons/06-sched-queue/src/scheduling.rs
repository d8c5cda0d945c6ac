//! Section 1: `sched.scheduler`, event for event. The tutorial's example (one event two
//! seconds out), then the Python program's scenario: two events at one absolute time, where
//! the priority decides; two `enter` calls with one delay, where it does not; a cancelled
//! event; an event that enters another; and a run that does not block. The scenario then runs
//! again in simulated time, where the clock stands still between the two `enter` calls.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use shared::clock::{Clock, ManualClock, SystemClock};
use shared::instruments::Transcript;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{human, timed};

use crate::Flags;
use crate::sched::{Event, Scheduler};

// ANCHOR: greeting
/// The tutorial's example: one event two seconds out, then `run()` until the queue is empty.
pub fn greeting(scheduler: &Scheduler, unit: Duration, log: &Transcript) {
    let message = log.clone();
    scheduler.enter(2 * unit, 1, move |s: &Scheduler| {
        message.say(format!(
            "{}  Message: Hello from scheduler!",
            at(s.now(), unit)
        ));
    });
    log.say(format!(
        "{}  Starting scheduler...",
        at(scheduler.now(), unit)
    ));
    scheduler.run(true);
    log.say(format!(
        "{}  Scheduler finished.",
        at(scheduler.now(), unit)
    ));
}
// ANCHOR_END: greeting

/// `t=1.0`: a time on the scheduler's clock, in units (the Python program's seconds).
pub fn at(time: Duration, unit: Duration) -> String {
    format!("t={:.1}", time.as_secs_f64() / unit.as_secs_f64())
}

/// What became of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// What its action says.
    pub label: String,
    /// When it was entered, when it was due, and when it ran or was cancelled.
    pub entered: Duration,
    /// When it was due.
    pub due: Duration,
    /// When it ran, if it did.
    pub ran: Option<Duration>,
    /// When it was cancelled, if it was.
    pub cancelled: Option<Duration>,
}

/// Events whose actions say their label with the time they ran, and a record of what became of
/// each. Cloning gives another handle to the same log.
#[derive(Debug, Clone)]
pub struct EventLog {
    unit: Duration,
    lines: Transcript,
    outcomes: Arc<Mutex<Vec<Outcome>>>,
}

impl EventLog {
    /// A log that says its lines into `lines`, with times in `unit`s.
    pub fn new(unit: Duration, lines: Transcript) -> Self {
        Self {
            unit,
            lines,
            outcomes: Arc::default(),
        }
    }

    /// `s.enterabs(time, priority, …)` with an action that says `label`.
    pub fn enterabs(&self, s: &Scheduler, time: Duration, priority: i32, label: &str) -> Event {
        let log = self.clone();
        let said = label.to_string();
        let event = s.enterabs(time, priority, move |s: &Scheduler| log.ran(s, &said));
        self.entered(s, label, event);
        event
    }

    /// `s.enter(delay, priority, …)` with an action that says `label`.
    pub fn enter(&self, s: &Scheduler, delay: Duration, priority: i32, label: &str) -> Event {
        let log = self.clone();
        let said = label.to_string();
        let event = s.enter(delay, priority, move |s: &Scheduler| log.ran(s, &said));
        self.entered(s, label, event);
        event
    }

    /// `s.cancel(event)`, noted under `label`.
    pub fn cancel(&self, s: &Scheduler, event: Event, label: &str) {
        s.cancel(event).expect("the event is still waiting");
        let now = s.now();
        self.update(label, |outcome| outcome.cancelled = Some(now));
    }

    /// Notes that an event was entered (for events with actions of their own).
    pub fn entered(&self, s: &Scheduler, label: &str, event: Event) {
        self.lock().push(Outcome {
            label: label.to_string(),
            entered: s.now(),
            due: event.time(),
            ran: None,
            cancelled: None,
        });
    }

    /// Says `label` with the scheduler's time, and notes that its event ran.
    pub fn ran(&self, s: &Scheduler, label: &str) {
        let now = s.now();
        self.update(label, |outcome| outcome.ran = Some(now));
        self.lines.say(format!("{}  {label}", at(now, self.unit)));
    }

    /// What became of every event, in the order they were entered.
    pub fn outcomes(&self) -> Vec<Outcome> {
        self.lock().clone()
    }

    /// The lines said so far.
    pub fn lines(&self) -> Vec<String> {
        self.lines.lines()
    }

    fn update(&self, label: &str, change: impl FnOnce(&mut Outcome)) {
        if let Some(outcome) = self.lock().iter_mut().find(|o| o.label == label) {
            change(outcome);
        }
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Outcome>> {
        self.outcomes.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

// ANCHOR: scenario
/// The Python program's scenario, on whatever clock `s` reads; times are in `unit`s.
pub fn scenario(s: &Scheduler, unit: Duration, log: &EventLog) {
    let at_one = s.now() + unit; // one absolute time for both
    log.enterabs(s, at_one, 2, "enterabs: routine (priority 2)");
    log.enterabs(s, at_one, 1, "enterabs: urgent (priority 1)"); // a tie: runs first
    log.enter(s, unit * 3 / 2, 2, "enter: routine (priority 2)");
    log.enter(s, unit * 3 / 2, 1, "enter: urgent (priority 1)"); // reads the clock again
    let doomed = log.enter(s, unit * 9 / 5, 1, "cancelled");
    let tick_log = log.clone();
    let tick = s.enter(2 * unit, 1, move |s: &Scheduler| {
        tick_log.ran(s, "tick, entering tock");
        tick_log.enter(s, unit, 1, "tock"); // an action that schedules another
    });
    log.entered(s, "tick, entering tock", tick);
    log.cancel(s, doomed, "cancelled"); // removed: never runs
    s.run(true); // until the queue is empty
}
// ANCHOR_END: scenario

// ANCHOR: non_blocking
/// `run(blocking=False)` twice: the first call finds nothing due and says how long until the
/// next event, so a program with a loop of its own (a GUI, a game) can do other work
/// meanwhile; the second, a unit later, runs the event and finds nothing left.
pub fn without_blocking(s: &Scheduler, unit: Duration, log: &EventLog) -> [Option<Duration>; 2] {
    log.enter(s, unit, 1, "late one");
    let first = s.run(false); // returns at once
    thread::sleep(first.unwrap_or_default()); // the program's other work
    let second = s.run(false);
    [first, second]
}
// ANCHOR_END: non_blocking

/// Section 1 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    report.say(&format!(
        "The tutorial's example first: one event two seconds out (one second = {} here), on a \
         scheduler that reads the monotonic clock, as Python's does by default.",
        human(unit)
    ));
    greeting(&Scheduler::new(), unit, &report.live_transcript());

    report.say(
        "Now the Python program's scenario: two enterabs at one time with priorities 2 and 1, \
         two enter calls with one delay and priorities 2 and 1, an event entered and then \
         cancelled, and a tick that enters a tock.",
    );
    let clock = SystemClock::new();
    let real = Scheduler::with_functions(move || clock.now(), thread::sleep);
    let log = EventLog::new(unit, report.live_transcript());
    scenario(&real, unit, &log);
    report.results(&records(&log.outcomes()));
    report.say(
        "Each bar is an event waiting in the queue, from its enter to its run; the cancelled \
         one stops at the cancel.",
    );
    report.timeline(&waiting_times(&log.outcomes(), clock));

    report.say(
        "The two enter calls read the clock one after the other, microseconds apart, so their \
         times differ and the priority never gets a say: the routine one, entered first, runs \
         first. In simulated time the clock moves only when the scheduler waits, so the two \
         calls read the same time and tie, and the urgent one goes first:",
    );
    let manual = ManualClock::new();
    let simulated = Scheduler::simulated(&manual);
    let simulated_log = EventLog::new(unit, report.live_transcript());
    let ((), took) = timed(|| scenario(&simulated, unit, &simulated_log));
    report.results(&[Record::new("the scenario in simulated time")
        .duration("simulated_time", manual.now())
        .wall(took)]);

    report.say(
        "Last, run(blocking=False) with one event a unit away: the first call returns at once \
         with the time left, the program sleeps that long itself, and the second call runs the \
         event and returns None, since nothing is left.",
    );
    let log = EventLog::new(unit, report.live_transcript());
    let (returned, took) = timed(|| without_blocking(&Scheduler::new(), unit, &log));
    report.results(&[
        Record::new("run(blocking=False), first call").text(
            "returned",
            returned[0].map_or("None".into(), |wait| format!("Some({})", human(wait))),
        ),
        Record::new("run(blocking=False), second call")
            .text("returned", format!("{:?}", returned[1]))
            .wall(took),
    ]);
    Ok(())
}

/// One record per event: when it was due, when it ran, how late.
fn records(outcomes: &[Outcome]) -> Vec<Record> {
    outcomes
        .iter()
        .map(|outcome| {
            let record = Record::new(&outcome.label).duration("due", outcome.due);
            match outcome.ran {
                Some(ran) => record
                    .duration("ran", ran)
                    .duration("late", ran.saturating_sub(outcome.due)),
                None => record.text("ran", "never: cancelled"),
            }
        })
        .collect()
}

/// A bar per event, from its entry to its run or cancellation.
fn waiting_times(outcomes: &[Outcome], clock: SystemClock) -> Timeline {
    let timeline = Timeline::with_clock(Arc::new(clock));
    for (number, outcome) in (1..).zip(outcomes) {
        let end = outcome.ran.or(outcome.cancelled).unwrap_or(clock.now());
        // Numbered, so the chart keeps the order of entry; shortened to fit its lane names.
        let lane = format!("{number} {}", outcome.label)
            .replace(" (priority ", " p")
            .replace(')', "");
        timeline.record(lane, "waiting", outcome.entered, end);
    }
    timeline
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNIT: Duration = Duration::from_secs(1);

    #[test]
    fn the_greeting_comes_two_units_after_the_start() {
        let clock = ManualClock::new();
        let log = Transcript::new();
        greeting(&Scheduler::simulated(&clock), UNIT, &log);
        assert_eq!(
            log.lines(),
            [
                "t=0.0  Starting scheduler...",
                "t=2.0  Message: Hello from scheduler!",
                "t=2.0  Scheduler finished."
            ]
        );
    }

    #[test]
    fn in_simulated_time_the_two_enter_calls_tie_and_the_priority_decides() {
        let clock = ManualClock::new();
        let log = EventLog::new(UNIT, Transcript::new());
        scenario(&Scheduler::simulated(&clock), UNIT, &log);
        assert_eq!(
            log.lines(),
            [
                "t=1.0  enterabs: urgent (priority 1)",
                "t=1.0  enterabs: routine (priority 2)",
                "t=1.5  enter: urgent (priority 1)",
                "t=1.5  enter: routine (priority 2)",
                "t=2.0  tick, entering tock",
                "t=3.0  tock"
            ]
        );
        let cancelled = &log.outcomes()[4];
        assert_eq!(
            (cancelled.label.as_str(), cancelled.ran, cancelled.cancelled),
            ("cancelled", None, Some(Duration::ZERO))
        );
    }

    #[test]
    fn when_the_clock_moves_between_the_two_enter_calls_the_first_entered_runs_first() {
        // The clock ticks a nanosecond at every reading, as a real clock does between calls.
        let clock = ManualClock::new();
        let (reader, mover) = (clock.clone(), clock.clone());
        let s = Scheduler::with_functions(
            move || {
                reader.advance(Duration::from_nanos(1));
                reader.now()
            },
            move |wait| mover.advance(wait),
        );
        let log = EventLog::new(UNIT, Transcript::new());
        scenario(&s, UNIT, &log);
        let lines = log.lines();
        assert_eq!(lines[2], "t=1.5  enter: routine (priority 2)");
        assert_eq!(lines[3], "t=1.5  enter: urgent (priority 1)");
    }
}
