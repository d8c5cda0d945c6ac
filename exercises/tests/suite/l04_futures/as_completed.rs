use std::collections::HashSet;
use std::thread::{self, ThreadId};
use std::time::Duration;

use crossbeam::channel::{self, Receiver, Sender};
use shared::instruments::{Rendezvous, within};

use super::subject::as_completed::{Task, TaskPanicked, as_completed};
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// How long a test waits for something that a correct answer makes happen at once.
const STUCK: Duration = Duration::from_secs(5);

fn boxed<T>(task: impl FnOnce() -> T + Send + 'static) -> Task<T> {
    Box::new(task)
}

#[test]
fn each_outcome_arrives_as_its_task_finishes() {
    // Each task waits for its own go-ahead; the test lets them finish in the order 2, 0, 1 and
    // expects each outcome before it lets the next task go.
    let (gates, opened): (Vec<Sender<()>>, Vec<Receiver<()>>) =
        (0..3).map(|_| channel::bounded(1)).unzip();
    let tasks: Vec<Task<usize>> = opened
        .into_iter()
        .enumerate()
        .map(|(n, gate)| {
            boxed(move || {
                let _ = gate.recv_timeout(PATIENCE);
                n * 10
            })
        })
        .collect();
    let outcomes = within(
        PATIENCE,
        "as_completed(3, three tasks that wait for the test) did not return: it must return \
         at once, before any task has finished, and report each one as it finishes",
        move || as_completed(3, tasks),
    );
    for n in [2, 0, 1] {
        gates[n].send(()).unwrap();
        let outcome = outcomes.recv_timeout(STUCK).unwrap_or_else(|_| {
            panic!(
                "task {n} finished, but no outcome arrived: outcomes must come in the order the \
                 tasks finish, not the order they were given ({READ})"
            )
        });
        assert_eq!(
            outcome,
            (n, Ok(n * 10)),
            "only task {n} had finished, so its outcome must come next ({READ})"
        );
    }
    assert_eq!(
        outcomes.recv_timeout(STUCK),
        Err(channel::RecvTimeoutError::Disconnected),
        "after the last outcome, the channel must close ({READ})"
    );
}

#[test]
fn a_panic_is_reported_and_its_worker_carries_on() {
    let tasks = vec![
        boxed(|| -> u32 { panic!("bad record {}", 3) }),
        boxed(|| 1),
        boxed(|| 2),
    ];
    let outcomes: Vec<_> = within(
        PATIENCE,
        "as_completed on one worker, after a task panicked (did the panic end the worker?)",
        move || as_completed(1, tasks).iter().collect(),
    );
    assert_eq!(
        outcomes,
        [
            (
                0,
                Err(TaskPanicked {
                    message: "bad record 3".into()
                })
            ),
            (1, Ok(1)),
            (2, Ok(2))
        ],
        "one worker runs the tasks in the order given; the panic is an outcome like any other, \
         and the tasks after it still run ({READ})"
    );
}

#[test]
fn tasks_run_on_exactly_the_requested_number_of_threads() {
    let meet = Rendezvous::new(2, Duration::from_secs(3));
    let tasks: Vec<Task<Result<ThreadId, String>>> = (0..10)
        .map(|n| {
            let meet = meet.clone();
            boxed(move || {
                if n < 2 {
                    meet.wait().map_err(|why| why.to_string())?;
                }
                Ok(thread::current().id())
            })
        })
        .collect();
    let (caller, outcomes): (ThreadId, Vec<_>) =
        within(PATIENCE, "as_completed(2, …)", move || {
            (
                thread::current().id(),
                as_completed(2, tasks).iter().collect(),
            )
        });
    assert_eq!(outcomes.len(), 10, "one outcome per task ({READ})");
    let mut threads = HashSet::new();
    for (index, outcome) in outcomes {
        match outcome {
            Ok(Ok(thread)) => threads.insert(thread),
            Ok(Err(why)) => panic!(
                "the first two tasks did not run at the same time: {why}. Start the workers \
                 before waiting for anything ({READ})"
            ),
            Err(panicked) => panic!("task {index} panicked: {} ({READ})", panicked.message),
        };
    }
    assert!(
        !threads.contains(&caller),
        "a task ran on the caller's thread: tasks run on the workers ({READ})"
    );
    assert_eq!(
        threads.len(),
        2,
        "10 tasks ran on {} threads; as_completed(2, …) runs them on 2 workers ({READ})",
        threads.len()
    );
}

#[test]
fn exactly_one_outcome_per_task_then_the_end() {
    let tasks: Vec<Task<usize>> = (0..20).map(|n| boxed(move || n)).collect();
    let outcomes: Vec<_> = within(
        PATIENCE,
        "reading every outcome of as_completed (the loop ends only when every Sender of the \
         outcomes' channel is gone)",
        move || as_completed(3, tasks).iter().collect(),
    );
    let mut indices: Vec<usize> = outcomes
        .iter()
        .map(|(index, outcome)| {
            assert_eq!(outcome, &Ok(*index), "task {index}'s own value ({READ})");
            *index
        })
        .collect();
    indices.sort_unstable();
    assert_eq!(
        indices,
        (0..20).collect::<Vec<_>>(),
        "every task reports exactly once ({READ})"
    );
}

#[test]
fn no_tasks_no_outcomes() {
    let outcomes: Vec<(usize, Result<u8, TaskPanicked>)> = within(
        PATIENCE,
        "as_completed of no tasks (is the channel closed once the workers run out of tasks?)",
        || as_completed(2, Vec::new()).iter().collect(),
    );
    assert!(outcomes.is_empty(), "({READ})");
}

#[test]
#[should_panic(expected = "at least one worker")]
fn no_workers_is_refused() {
    let _ = as_completed(0, vec![boxed(|| 1)]);
}
