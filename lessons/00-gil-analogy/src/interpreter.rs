//! A simulated Python interpreter: threads that run Python code in small steps (*ticks*), each
//! only while holding the interpreter lock, if the interpreter has one.
//!
//! - [`Interpreter::with_gil`]: the standard CPython build. One [`Gil`] for all its threads.
//! - [`Interpreter::free_threaded`]: the free-threaded build (PEP 703): no lock at all, so its
//!   threads run at the same time.
//!
//! A tick does a fixed amount of arithmetic ([`python_step`]), about as long as CPython takes for
//! one iteration of a simple loop, so simulated programs last long enough, in switch intervals,
//! to behave like real ones. Code that releases the lock for a while (blocking I/O, or native code
//! such as `hashlib` or numpy) runs inside [`PyThread::allow_threads`].

use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use shared::timeline::Timeline;
use shared::workload::cpu::sum_loop;

use crate::gil::{DEFAULT_SWITCH_INTERVAL, Gil, Handoff};

/// The label of a timeline span of running Python code (holding the lock, if there is one).
pub const RUNNING: &str = "running";
/// The label of a timeline span of work done with the lock let go.
pub const LET_GO: &str = "lock let go";

/// How many additions a tick performs: about 60 ns of work here, close to what CPython 3.11
/// spends on one iteration of `for i in range(n): total += i` (10 million in 0.62 s).
pub const STEP_ADDITIONS: u64 = 256;

/// The work of one simulated step of Python code.
pub fn python_step() {
    step_of(STEP_ADDITIONS);
}

/// A step of `additions` additions instead of [`STEP_ADDITIONS`].
pub fn step_of(additions: u64) {
    black_box(sum_loop(additions));
}

/// A simulated interpreter: its lock, if it has one, and a timeline of who held it.
#[derive(Debug)]
pub struct Interpreter {
    gil: Option<Gil>,
    timeline: Option<Timeline>,
    step_additions: u64,
    next_thread: AtomicUsize,
}

impl Interpreter {
    /// The standard build: one lock, handed off as CPython does, switching after `interval`.
    pub fn with_gil(interval: Duration) -> Self {
        Self::with_handoff(interval, Handoff::Forced)
    }

    /// The standard build with a chosen [`Handoff`], to compare the two.
    pub fn with_handoff(interval: Duration, handoff: Handoff) -> Self {
        Self::new(Some(Gil::new(interval, handoff)))
    }

    /// The free-threaded build (PEP 703; python3.13t, python3.14t): no interpreter lock.
    pub fn free_threaded() -> Self {
        Self::new(None)
    }

    fn new(gil: Option<Gil>) -> Self {
        Self {
            gil,
            timeline: None,
            step_additions: STEP_ADDITIONS,
            next_thread: AtomicUsize::new(0),
        }
    }

    /// Makes each step `additions` additions long instead of [`STEP_ADDITIONS`]: shorter steps
    /// for programs counted in single bytecodes.
    pub fn step_cost(mut self, additions: u64) -> Self {
        self.step_additions = additions;
        self
    }

    /// Draws on `timeline`, on one lane per thread, a span for each stretch a thread ran Python
    /// code ([`RUNNING`]: between taking the lock and letting it go, or, free-threaded, from start
    /// to end) and for each stretch it let go of the lock ([`LET_GO`]).
    pub fn traced(mut self, timeline: &Timeline) -> Self {
        self.timeline = Some(timeline.clone());
        self
    }

    /// The lock, if this build has one.
    pub fn gil(&self) -> Option<&Gil> {
        self.gil.as_ref()
    }

    // ANCHOR: attach
    /// Starts running Python code on the calling thread: takes the lock (waiting if another
    /// thread holds it). The lock is let go when the returned [`PyThread`] is dropped.
    pub fn attach(&self) -> PyThread<'_> {
        let mut thread = PyThread {
            interpreter: self,
            id: self.next_thread.fetch_add(1, Ordering::Relaxed),
            since: None,
            stats: ThreadStats::default(),
        };
        thread.take();
        thread
    }
    // ANCHOR_END: attach
}

impl Default for Interpreter {
    fn default() -> Self {
        Self::with_gil(DEFAULT_SWITCH_INTERVAL)
    }
}

/// What one interpreter thread did and how long it waited for the lock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ThreadStats {
    /// Ticks of Python code it ran.
    pub ticks: u64,
    /// How many times it found the lock taken and had to wait.
    pub waits: u64,
    /// Time spent waiting for the lock, in all.
    pub waited: Duration,
    /// The longest single wait for the lock.
    pub longest_wait: Duration,
}

/// A thread running Python code in an [`Interpreter`] (CPython's "thread state"). It holds the
/// interpreter's lock, if there is one, from [`Interpreter::attach`] until it is dropped, except
/// while it lets others run.
#[derive(Debug)]
pub struct PyThread<'i> {
    interpreter: &'i Interpreter,
    id: usize,
    /// Where on the timeline the current stretch (running, or with the lock let go) began.
    since: Option<Duration>,
    stats: ThreadStats,
}

impl PyThread<'_> {
    /// This thread's number in its interpreter: 0, 1, 2, … in the order they attached.
    pub fn id(&self) -> usize {
        self.id
    }

    /// What this thread has done so far.
    pub fn stats(&self) -> ThreadStats {
        self.stats
    }

    // ANCHOR: tick
    /// One step of Python code, preceded by a switch point.
    pub fn tick(&mut self) {
        self.switch_point();
        self.step();
    }

    /// One step of Python code with no switch point before it. Since CPython 3.10 most
    /// bytecodes are like this: the interpreter looks for a drop request only at a few of them.
    pub fn step(&mut self) {
        step_of(self.interpreter.step_additions);
        self.stats.ticks += 1;
    }

    /// Where the thread lets go of the lock if another thread asked for it (and takes it back
    /// when its turn comes again). Returns whether it let go.
    pub fn switch_point(&mut self) -> bool {
        let asked = self.interpreter.gil().is_some_and(Gil::drop_requested);
        if asked {
            self.release();
            self.take();
        }
        asked
    }
    // ANCHOR_END: tick

    // ANCHOR: allow_threads
    /// Runs `work` with the lock let go, so other threads run Python code meanwhile: what C code
    /// does between `Py_BEGIN_ALLOW_THREADS` and `Py_END_ALLOW_THREADS` (blocking I/O, hashing,
    /// compressing, numpy). Takes the lock back before returning, even if `work` panics.
    pub fn allow_threads<T>(&mut self, work: impl FnOnce() -> T) -> T {
        /// Takes the lock back when dropped: after `work` returns, or while it unwinds.
        struct Reattach<'a, 'i>(&'a mut PyThread<'i>);
        impl Drop for Reattach<'_, '_> {
            fn drop(&mut self) {
                self.0.reattach();
            }
        }
        self.detach();
        let _reattach = Reattach(self);
        work()
    }
    // ANCHOR_END: allow_threads

    /// Lets go of the lock for work that needs none (and starts a [`LET_GO`] span).
    fn detach(&mut self) {
        self.release();
        self.mark_start();
    }

    /// Takes the lock back after such work (and ends the span).
    fn reattach(&mut self) {
        self.draw_since(LET_GO);
        self.take();
    }

    /// Takes the lock (if any), counting the wait, and starts a timeline span.
    fn take(&mut self) {
        if let Some(gil) = self.interpreter.gil() {
            let asked = Instant::now();
            let free = gil.holder().is_none();
            gil.take(self.id);
            if !free {
                let waited = asked.elapsed();
                self.stats.waits += 1;
                self.stats.waited += waited;
                self.stats.longest_wait = self.stats.longest_wait.max(waited);
            }
        }
        self.mark_start();
    }

    /// Ends the timeline span and lets go of the lock (if any).
    fn release(&mut self) {
        self.draw_since(RUNNING);
        if let Some(gil) = self.interpreter.gil() {
            gil.release(self.id);
        }
    }

    /// Notes where on the timeline a stretch begins (if the interpreter is traced).
    fn mark_start(&mut self) {
        self.since = self.interpreter.timeline.as_ref().map(Timeline::now);
    }

    /// Draws the stretch that began at the last mark, labelled `label`.
    fn draw_since(&mut self, label: &str) {
        if let (Some(timeline), Some(since)) = (&self.interpreter.timeline, self.since.take()) {
            timeline.record(self.lane(), label, since, timeline.now());
        }
    }

    /// This thread's lane on the timeline.
    pub fn lane(&self) -> String {
        format!("thread {}", self.id)
    }
}

impl Drop for PyThread<'_> {
    fn drop(&mut self) {
        self.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::{Gauge, Rendezvous, within};
    use std::sync::Arc;
    use std::thread;

    const PATIENCE: Duration = Duration::from_secs(10);

    fn fast_switching() -> Interpreter {
        Interpreter::with_gil(Duration::from_micros(200))
    }

    /// Runs `threads` interpreter threads of `ticks` ticks each, counting who runs at once.
    fn run(interpreter: Interpreter, threads: usize, ticks: u64) -> (Gauge, Vec<ThreadStats>) {
        let running = Gauge::new();
        let gauge = running.clone();
        let stats = within(PATIENCE, "interpreter threads", move || {
            thread::scope(|scope| {
                let handles: Vec<_> = (0..threads)
                    .map(|_| {
                        let (interpreter, running) = (&interpreter, &gauge);
                        scope.spawn(move || {
                            let mut py = interpreter.attach();
                            for _ in 0..ticks {
                                py.switch_point();
                                let _tick = running.enter();
                                py.step();
                            }
                            py.stats()
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            })
        });
        (running, stats)
    }

    #[test]
    fn under_the_gil_one_thread_runs_at_a_time_and_they_take_turns() {
        let (running, stats) = run(fast_switching(), 4, 20_000);
        assert_eq!(running.peak(), 1);
        assert_eq!(running.total(), 80_000);
        assert!(stats.iter().all(|s| s.ticks == 20_000));
        assert!(
            stats.iter().any(|s| s.waits > 1),
            "nobody waited: {stats:?}"
        );
    }

    #[test]
    fn free_threaded_threads_run_at_the_same_time() {
        let interpreter = Interpreter::free_threaded();
        let meet = Rendezvous::new(3, PATIENCE);
        within(PATIENCE, "free-threaded threads", move || {
            thread::scope(|scope| {
                for _ in 0..3 {
                    scope.spawn(|| {
                        let mut py = interpreter.attach();
                        py.tick();
                        meet.wait()
                            .expect("free-threaded threads must run together");
                        py.tick();
                    });
                }
            });
        });
    }

    #[test]
    fn waits_overlap_when_the_lock_is_let_go() {
        let interpreter = Arc::new(fast_switching());
        let meet = Rendezvous::new(3, PATIENCE);
        within(
            PATIENCE,
            "threads waiting with the lock let go",
            move || {
                thread::scope(|scope| {
                    for _ in 0..3 {
                        scope.spawn(|| {
                            let mut py = interpreter.attach();
                            py.tick();
                            py.allow_threads(|| meet.wait())
                                .expect("waits with the lock let go must overlap");
                            py.tick();
                        });
                    }
                });
            },
        );
    }

    #[test]
    fn the_lock_is_taken_back_after_a_panic_in_released_code() {
        let interpreter = fast_switching();
        let mut py = interpreter.attach();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            py.allow_threads(|| panic!("native code failed"));
        }));
        assert!(outcome.is_err());
        assert_eq!(interpreter.gil().unwrap().holder(), Some(py.id()));
    }

    #[test]
    fn holding_spans_are_drawn_per_thread() {
        let timeline = Timeline::new();
        let interpreter = fast_switching().traced(&timeline);
        {
            let mut py = interpreter.attach();
            py.tick();
            py.allow_threads(|| ());
            py.tick();
        }
        let labels: Vec<String> = timeline.spans().into_iter().map(|s| s.label).collect();
        assert_eq!(labels, [RUNNING, LET_GO, RUNNING]);
        assert!(timeline.spans().iter().all(|s| s.lane == "thread 0"));
    }
}
