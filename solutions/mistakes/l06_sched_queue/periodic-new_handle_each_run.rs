//! MISTAKE: each repetition is entered as a new event with a new handle, so the handle
//! `every` returned stops naming it after the first run.

use std::collections::{BTreeMap, HashMap};
use std::ops::ControlFlow;
use std::time::Duration;

/// Identifies an event, to cancel it. A repeating event keeps its handle from run to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Handle(pub u64);

/// `cancel` found no waiting event for the handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotScheduled;

/// Where an event waits: the order of the queue.
type Key = (Duration, i32, u64);

/// What runs when the event is due.
enum Action {
    Once(Box<dyn FnOnce(&mut Scheduler)>),
    Every {
        interval: Duration,
        action: Box<dyn FnMut(&mut Scheduler) -> ControlFlow<()>>,
    },
}

/// A scheduler with a mistake.
pub struct Scheduler {
    time: Box<dyn Fn() -> Duration>,
    delay: Box<dyn FnMut(Duration)>,
    queue: BTreeMap<Key, (Handle, Action)>,
    waiting: HashMap<Handle, Key>,
    insertions: u64,
    handles: u64,
}

impl Scheduler {
    /// A scheduler that reads the time from `time` and waits with `delay`.
    pub fn new(
        time: impl Fn() -> Duration + 'static,
        delay: impl FnMut(Duration) + 'static,
    ) -> Self {
        Self {
            time: Box::new(time),
            delay: Box::new(delay),
            queue: BTreeMap::new(),
            waiting: HashMap::new(),
            insertions: 0,
            handles: 0,
        }
    }

    /// Schedules `action` to run once, `delay` from now.
    pub fn enter(
        &mut self,
        delay: Duration,
        priority: i32,
        action: impl FnOnce(&mut Scheduler) + 'static,
    ) -> Handle {
        let handle = self.new_handle();
        let at = (self.time)() + delay;
        self.insert(at, priority, handle, Action::Once(Box::new(action)));
        handle
    }

    /// Schedules `action` to run every `interval`, the first time `interval` from now, until it
    /// returns `ControlFlow::Break(())` or is cancelled.
    pub fn every(
        &mut self,
        interval: Duration,
        priority: i32,
        action: impl FnMut(&mut Scheduler) -> ControlFlow<()> + 'static,
    ) -> Handle {
        let handle = self.new_handle();
        let at = (self.time)() + interval;
        let action = Action::Every {
            interval,
            action: Box::new(action),
        };
        self.insert(at, priority, handle, action);
        handle
    }

    /// Removes the event `handle` names, if it is waiting.
    pub fn cancel(&mut self, handle: Handle) -> Result<(), NotScheduled> {
        let key = self.waiting.remove(&handle).ok_or(NotScheduled)?;
        self.queue.remove(&key);
        Ok(())
    }

    /// Whether no event waits.
    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// Runs events until none is left.
    pub fn run(&mut self) {
        while let Some(entry) = self.queue.first_entry() {
            let (due, priority, _) = *entry.key();
            let now = (self.time)();
            if due > now {
                (self.delay)(due - now);
                continue; // look again: the delay may have ended early
            }
            let (handle, action) = entry.remove();
            self.waiting.remove(&handle);
            match action {
                Action::Once(action) => action(self),
                Action::Every {
                    interval,
                    mut action,
                } => {
                    if action(self).is_continue() {
                        let action = Action::Every { interval, action };
                        let fresh = self.new_handle();
                        self.insert(due + interval, priority, fresh, action);
                    }
                }
            }
        }
    }

    fn insert(&mut self, at: Duration, priority: i32, handle: Handle, action: Action) {
        let key = (at, priority, self.insertions);
        self.insertions += 1;
        self.queue.insert(key, (handle, action));
        self.waiting.insert(handle, key);
    }

    fn new_handle(&mut self) -> Handle {
        self.handles += 1;
        Handle(self.handles)
    }
}
