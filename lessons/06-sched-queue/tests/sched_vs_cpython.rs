//! The lesson's scheduler against CPython's `sched.scheduler`, scenario by scenario.
//!
//! `python/compare_sched.py` ran a few hundred random scenarios on CPython's scheduler, on a
//! fake clock in whole milliseconds, and recorded every observable step in
//! `tests/data/cpython_sched.json` (see that program's docstring for the scenario language).
//! This test runs the same scenarios on the Rust scheduler, with a `ManualClock` and the same
//! fake time and delay functions, and requires the very same trace: every enter's time, every
//! action in order with the clock's reading, every delay asked for, every cancel outcome,
//! every value `run` returned, and the queue as `queue()` lists it.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};
use std::time::Duration;

use lesson_06_sched_queue::sched::{Event, Scheduler};
use serde_json::Value;
use shared::clock::{Clock, ManualClock};

const TRANSCRIPT: &str = include_str!("data/cpython_sched.json");

/// What a scenario's operations share: the trace so far, the events by id, the fake clock.
struct Harness {
    case: Value,
    trace: Mutex<Vec<String>>,
    events: Mutex<HashMap<String, Event>>,
    clock: ManualClock,
    delays: Mutex<u64>,
}

/// The panic payload of the `fail` operation, so that other panics are not mistaken for it.
struct ActionFailed;

fn ms(duration: Duration) -> u128 {
    duration.as_millis()
}

impl Harness {
    fn say(&self, line: String) {
        self.trace
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(line);
    }

    fn mode(&self, which: &str) -> &str {
        self.case[which].as_str().expect("a mode")
    }

    /// The scheduler's time function: the clock, moving a millisecond at each reading in
    /// "ticking" scenarios.
    fn time(&self) -> Duration {
        if self.mode("clock") == "ticking" {
            self.clock.advance(Duration::from_millis(1));
        }
        self.clock.now()
    }

    /// The scheduler's delay function: noted, maybe running a hook, then moving the clock.
    fn delay(self: &Arc<Self>, s: &Scheduler, wait: Duration) {
        let call = {
            let mut delays = self.delays.lock().unwrap_or_else(PoisonError::into_inner);
            *delays += 1;
            *delays
        };
        self.say(format!("delay {}", ms(wait)));
        if let Some(hook) = self.case["hooks"].get(call.to_string()) {
            self.execute(s, hook.as_array().expect("a list of operations"));
        }
        let wait = ms(wait) as u64;
        let moved = match self.mode("delay") {
            "early" if wait > 1 => wait / 2,
            "late" => wait + 3,
            _ => wait,
        };
        self.clock.advance(Duration::from_millis(moved));
    }

    fn execute(self: &Arc<Self>, s: &Scheduler, ops: &[Value]) {
        for op in ops {
            let kind = op["op"].as_str().expect("an operation");
            let id = || op["id"].as_str().expect("an id").to_string();
            match kind {
                "enter" | "enterabs" => {
                    let (harness, event_id) = (Arc::clone(self), id());
                    let body = op["body"].as_array().expect("a body").clone();
                    let action = move |s: &Scheduler| {
                        harness.say(format!("action {event_id} at {}", ms(harness.clock.now())));
                        harness.execute(s, &body);
                    };
                    let priority = op["priority"].as_i64().expect("a priority") as i32;
                    let event = if kind == "enter" {
                        let delay = op["delay"].as_u64().expect("a delay");
                        s.enter(Duration::from_millis(delay), priority, action)
                    } else {
                        let time = op["time"].as_u64().expect("a time");
                        s.enterabs(Duration::from_millis(time), priority, action)
                    };
                    self.events
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .insert(id(), event);
                    self.say(format!(
                        "{kind} {} -> {} p{}",
                        id(),
                        ms(event.time()),
                        event.priority()
                    ));
                }
                "cancel" => {
                    let event = self
                        .events
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .get(&id())
                        .copied();
                    let outcome = match event {
                        None => "not entered yet",
                        Some(event) => match s.cancel(event) {
                            Ok(()) => "ok",
                            Err(_) => "not pending",
                        },
                    };
                    self.say(format!("cancel {}: {outcome}", id()));
                }
                "advance" => self
                    .clock
                    .advance(Duration::from_millis(op["by"].as_u64().expect("by"))),
                "empty" => self.say(format!("empty -> {}", python_bool(s.is_empty()))),
                "queue" => {
                    let names: HashMap<Event, String> = self
                        .events
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .iter()
                        .map(|(name, event)| (*event, name.clone()))
                        .collect();
                    let listed: Vec<String> = s
                        .queue()
                        .iter()
                        .map(|e| format!("{}@{}p{}", names[e], ms(e.time()), e.priority()))
                        .collect();
                    self.say(format!("queue -> {}", listed.join(" ")));
                }
                "run" => {
                    let blocking = op["blocking"].as_bool().expect("blocking");
                    let returned = s
                        .run(blocking)
                        .map_or("None".to_string(), |wait| ms(wait).to_string());
                    self.say(format!(
                        "run(blocking={}) -> {returned}",
                        python_bool(blocking)
                    ));
                }
                "fail" => std::panic::panic_any(ActionFailed),
                other => panic!("unknown operation {other}"),
            }
        }
    }
}

fn python_bool(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

/// Runs one scenario on the Rust scheduler; returns its trace.
fn replay(case: &Value) -> Vec<String> {
    let harness = Arc::new(Harness {
        case: case.clone(),
        trace: Mutex::default(),
        events: Mutex::default(),
        clock: ManualClock::new(),
        delays: Mutex::default(),
    });
    // The delay function may enter events, so it needs the scheduler it belongs to.
    let scheduler_of_delay: Arc<OnceLock<Weak<Scheduler>>> = Arc::default();
    let (for_time, for_delay, me) = (
        Arc::clone(&harness),
        Arc::clone(&harness),
        Arc::clone(&scheduler_of_delay),
    );
    let scheduler = Arc::new(Scheduler::with_functions(
        move || for_time.time(),
        move |wait| {
            let s = me
                .get()
                .and_then(Weak::upgrade)
                .expect("the scheduler exists");
            for_delay.delay(&s, wait);
        },
    ));
    scheduler_of_delay
        .set(Arc::downgrade(&scheduler))
        .expect("set once");
    for op in case["program"].as_array().expect("a program") {
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            harness.execute(&scheduler, std::slice::from_ref(op));
        }));
        if let Err(payload) = outcome {
            assert!(payload.is::<ActionFailed>(), "an unexpected panic");
            harness.say("run raised".to_string());
        }
    }
    let trace = harness.trace.lock().unwrap_or_else(PoisonError::into_inner);
    trace.clone()
}

#[test]
fn every_scenario_matches_cpython_step_by_step() {
    // Quiet the expected panics of failing actions; any other panic still reports.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !info.payload().is::<ActionFailed>() {
            default_hook(info);
        }
    }));
    let transcript: Value = serde_json::from_str(TRANSCRIPT).expect("the transcript is JSON");
    let cases = transcript["cases"].as_array().expect("a list of cases");
    assert!(cases.len() >= 100, "a transcript of {} cases", cases.len());
    let mut steps = 0;
    for case in cases {
        let expected: Vec<String> = case["trace"]
            .as_array()
            .expect("a trace")
            .iter()
            .map(|line| line.as_str().expect("a line").to_string())
            .collect();
        let got = replay(case);
        if got != expected {
            let at = got
                .iter()
                .zip(&expected)
                .position(|(g, e)| g != e)
                .unwrap_or(got.len().min(expected.len()));
            panic!(
                "{} differs from CPython {} at step {at}:\n  Rust:    {:?}\n  CPython: {:?}\n\
                 CPython's whole trace:\n{}",
                case["name"],
                transcript["python"],
                got.get(at),
                expected.get(at),
                expected.join("\n")
            );
        }
        steps += expected.len();
    }
    assert!(steps > 1000, "only {steps} steps compared");
}
