//! The lesson's executor: Python's `ThreadPoolExecutor`, on std threads and a crossbeam
//! channel.
//!
//! A fixed team of worker threads takes tasks from one queue, first in, first out. `submit`
//! wraps a task so that its outcome lands in a slot shared with the [`Handle`] it returns;
//! `map` submits one task per input and hands the results back in input order. Dropping the
//! executor is the `with` block's exit: it closes the queue and waits for the workers, after
//! either running the queued tasks or cancelling them ([`Shutdown`]).
//!
//! A task that panics is caught where it runs, with `catch_unwind`, and becomes
//! [`TaskError::Panicked`] at `result()`; the worker goes on to the next task, so one bad task
//! never shrinks the pool.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

use crossbeam::channel::{self, Receiver, Sender};
use shared::instruments::panic_message;

use crate::handle::{Handle, Outcome, Slot, TaskError};

/// A task as the queue carries it: the user's closure, wrapped to report to its slot.
type Job = Box<dyn FnOnce() + Send>;

/// What shutting down does with tasks still in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shutdown {
    /// Run every queued task, then stop: `shutdown(wait=True)`, the `with` block's exit.
    #[default]
    RunQueued,
    /// Cancel the tasks no worker has started, finish the running ones, then stop:
    /// `shutdown(cancel_futures=True)` (Python 3.9+).
    CancelQueued,
}

// ANCHOR: executor
/// A pool of worker threads fed by one first-in, first-out queue.
#[derive(Debug)]
pub struct Executor {
    /// The queue's sending end; `None` once shut down, which closes the queue.
    queue: Option<Sender<Job>>,
    /// A receiving end kept to drain the queue when shutting down with `CancelQueued`.
    backlog: Receiver<Job>,
    workers: Vec<JoinHandle<()>>,
    on_drop: Shutdown,
}

impl Executor {
    /// Starts `workers` threads, named `worker 0`, `worker 1`, …, which wait for tasks.
    /// Dropping the executor runs every queued task first ([`Shutdown::RunQueued`]).
    ///
    /// # Panics
    /// If `workers` is 0 (Python raises `ValueError`), or if the system cannot start a thread.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "an executor needs at least one worker");
        let (queue, backlog) = channel::unbounded::<Job>();
        let workers = (0..workers)
            .map(|n| {
                let tasks = backlog.clone();
                thread::Builder::new()
                    .name(format!("worker {n}"))
                    // The loop ends when the queue is closed and empty.
                    .spawn(move || tasks.into_iter().for_each(|job| job()))
                    .expect("the system could not start a worker thread")
            })
            .collect();
        Self {
            queue: Some(queue),
            backlog,
            workers,
            on_drop: Shutdown::RunQueued,
        }
    }

    // ANCHOR_END: executor

    /// Chooses what dropping the executor does with queued tasks.
    pub fn on_drop(mut self, shutdown: Shutdown) -> Self {
        self.on_drop = shutdown;
        self
    }

    /// How many worker threads the pool has.
    pub fn workers(&self) -> usize {
        self.workers.len()
    }

    // ANCHOR: submit
    /// Queues `task` for the next free worker and returns its handle at once.
    pub fn submit<T, F>(&self, task: F) -> Handle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let slot = Slot::queued();
        let unrun = CancelIfUnrun(Arc::clone(&slot));
        let job: Job = Box::new(move || {
            let slot = &unrun.0;
            if slot.start() {
                let outcome = panic::catch_unwind(AssertUnwindSafe(task))
                    .map_err(|payload| TaskError::Panicked(panic_message(&*payload)));
                slot.finish(outcome);
            }
        });
        self.queue
            .as_ref()
            .expect("the queue is open until the executor is dropped")
            .send(job)
            .expect("the executor keeps a receiver, so the queue cannot be disconnected");
        Handle::new(slot)
    }
    // ANCHOR_END: submit

    // ANCHOR: map
    /// Submits `f(input)` for every input at once, then returns their outcomes in input
    /// order, each as soon as it and those before it are done: Python's `Executor.map`.
    pub fn map<A, T, F>(&self, f: F, inputs: impl IntoIterator<Item = A>) -> InOrder<T>
    where
        F: Fn(A) -> T + Send + Sync + 'static,
        A: Send + 'static,
        T: Send + 'static,
    {
        let f = Arc::new(f);
        // `collect` submits every task now, before the caller asks for the first result.
        let handles: Vec<Handle<T>> = inputs
            .into_iter()
            .map(|input| {
                let f = Arc::clone(&f);
                self.submit(move || f(input))
            })
            .collect();
        InOrder {
            handles: handles.into_iter(),
        }
    }
    // ANCHOR_END: map

    /// Shuts down now: closes the queue, deals with the queued tasks as `how` says, and waits
    /// for every worker to finish its current task and exit.
    pub fn shutdown(mut self, how: Shutdown) {
        self.on_drop = how;
        // Drop does the work, so that an early return or a panic shuts down the same way.
    }
}

// ANCHOR: drop
impl Drop for Executor {
    fn drop(&mut self) {
        drop(self.queue.take()); // closes the queue: workers stop once it is empty
        if self.on_drop == Shutdown::CancelQueued {
            // Each job dropped unrun marks its handle cancelled (see `CancelIfUnrun`).
            self.backlog.try_iter().for_each(drop);
        }
        for worker in self.workers.drain(..) {
            // Tasks' panics are caught inside the job, so a worker never panics.
            let _ = worker.join();
        }
    }
}

/// Travels with a queued task. If the task is dropped without ever running (the queue was
/// drained at shutdown), this marks its handle cancelled, so nobody waits for it forever.
/// After the task has run, the cancel is a no-op.
struct CancelIfUnrun<T>(Arc<Slot<T>>);

impl<T> Drop for CancelIfUnrun<T> {
    fn drop(&mut self) {
        self.0.cancel();
    }
}
// ANCHOR_END: drop

/// The iterator [`Executor::map`] returns: each task's outcome, in input order, waiting for
/// each in turn. The tasks were all submitted before it was made.
#[derive(Debug)]
#[must_use = "the tasks are submitted; read their outcomes, or a failure goes unseen"]
pub struct InOrder<T> {
    handles: std::vec::IntoIter<Handle<T>>,
}

impl<T> Iterator for InOrder<T> {
    type Item = Outcome<T>;

    fn next(&mut self) -> Option<Outcome<T>> {
        self.handles.next().map(Handle::result)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.handles.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::as_completed;
    use crossbeam::channel::bounded;
    use shared::instruments::{Rendezvous, Transcript, within};
    use std::collections::HashSet;
    use std::time::Duration;

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn tasks_run_on_the_workers_at_the_same_time() {
        let pool = Executor::new(3);
        let meet = Rendezvous::new(3, PATIENCE);
        let handles: Vec<_> = (0..3)
            .map(|_| {
                let meet = meet.clone();
                pool.submit(move || {
                    meet.wait()
                        .map(|()| thread::current().name().map(String::from))
                })
            })
            .collect();
        let names: HashSet<_> = handles
            .into_iter()
            .map(|handle| handle.result().unwrap().unwrap().unwrap())
            .collect();
        assert_eq!(
            names,
            HashSet::from(["worker 0", "worker 1", "worker 2"].map(String::from))
        );
    }

    #[test]
    fn a_panic_becomes_an_error_and_the_pool_keeps_serving() {
        let pool = Executor::new(1);
        let bad = pool.submit(|| -> u32 { panic!("bad input") });
        let good = pool.submit(|| 42);
        assert_eq!(bad.result(), Err(TaskError::Panicked("bad input".into())));
        assert_eq!(good.result(), Ok(42));
    }

    #[test]
    fn map_keeps_input_order_whatever_the_finishing_order() {
        let pool = Executor::new(3);
        // Task 0 may finish only after task 2 has: channels force the finishing order.
        let (two_done, wait_for_two) = bounded::<()>(1);
        let results: Vec<_> = within(PATIENCE, "map", move || {
            pool.map(
                move |n: u32| {
                    match n {
                        0 => wait_for_two
                            .recv_timeout(PATIENCE)
                            .expect("task 2 never finished"),
                        2 => two_done.send(()).unwrap(),
                        _ => {}
                    }
                    n * 10
                },
                [0, 1, 2],
            )
            .collect()
        });
        assert_eq!(results, [Ok(0), Ok(10), Ok(20)]);
    }

    #[test]
    fn a_queued_task_can_be_cancelled_a_running_one_cannot() {
        let pool = Executor::new(1);
        let (release, gate) = bounded::<()>(0);
        let (started, running) = bounded::<()>(1);
        let busy = pool.submit(move || {
            started.send(()).unwrap();
            gate.recv().unwrap();
        });
        let queued = pool.submit(|| "never");
        running.recv_timeout(PATIENCE).unwrap();
        assert!(!busy.cancel(), "it is running");
        assert!(queued.cancel());
        release.send(()).unwrap();
        assert_eq!(busy.result(), Ok(()));
        assert_eq!(queued.result(), Err(TaskError::Cancelled));
    }

    #[test]
    fn the_queue_is_first_in_first_out() {
        let log = Transcript::new();
        {
            let pool = Executor::new(1);
            for name in ["p3", "p5", "p1", "p0"] {
                let log = log.clone();
                pool.submit(move || log.say(name));
            }
        }
        assert_eq!(log.lines(), ["p3", "p5", "p1", "p0"]);
    }

    #[test]
    fn dropping_runs_queued_tasks_or_cancels_them() {
        for (how, expected) in [
            (Shutdown::RunQueued, vec![Ok(()); 3]),
            (Shutdown::CancelQueued, vec![Err(TaskError::Cancelled); 3]),
        ] {
            let (release, gate) = bounded::<()>(0);
            let (started, running) = bounded::<()>(1);
            let pool = Executor::new(1).on_drop(how);
            let busy = pool.submit(move || {
                started.send(()).unwrap();
                gate.recv().unwrap();
            });
            let queued: Vec<_> = (0..3).map(|_| pool.submit(|| ())).collect();
            running.recv_timeout(PATIENCE).unwrap();
            let (settled, all_settled) = bounded::<()>(3);
            for handle in &queued {
                let settled = settled.clone();
                handle.when_done(move || {
                    let _ = settled.send(());
                });
            }
            // The busy task ends only once the drop has done its part: with `CancelQueued`,
            // cancelled every queued task (the busy worker cannot have run them).
            let releaser = thread::spawn(move || {
                if how == Shutdown::CancelQueued {
                    for _ in 0..3 {
                        all_settled
                            .recv_timeout(PATIENCE)
                            .expect("the drop did not cancel the queued tasks");
                    }
                }
                release.send(()).unwrap();
            });
            within(PATIENCE, "dropping the executor", move || drop(pool));
            releaser.join().unwrap();
            assert_eq!(busy.result(), Ok(()), "{how:?}: the running task finishes");
            let outcomes: Vec<_> = queued.into_iter().map(Handle::result).collect();
            assert_eq!(outcomes, expected, "{how:?}");
        }
    }

    #[test]
    fn as_completed_hears_of_cancelled_tasks_too() {
        let pool = Executor::new(1).on_drop(Shutdown::CancelQueued);
        let (release, gate) = bounded::<()>(0);
        let (started, running) = bounded::<()>(1);
        let busy = pool.submit(move || {
            started.send(()).unwrap();
            gate.recv().unwrap();
            "busy"
        });
        let queued = pool.submit(|| "queued");
        running.recv_timeout(PATIENCE).unwrap();
        let mut done = as_completed([busy, queued]);
        // Shutting down cancels the queued task at once, then waits for the busy one.
        let shutting_down = thread::spawn(move || drop(pool));
        assert_eq!(done.next(), Some((1, Err(TaskError::Cancelled))));
        release.send(()).unwrap();
        assert_eq!(done.next(), Some((0, Ok("busy"))));
        assert_eq!(done.next(), None);
        shutting_down.join().unwrap();
    }

    #[test]
    #[should_panic(expected = "at least one worker")]
    fn an_executor_without_workers_is_refused() {
        let _ = Executor::new(0);
    }
}
