use std::rc::Rc;
use std::time::Duration;

use shared::instruments::block_on_within_paused;
use tokio::time::Instant;

use super::subject::async_priority::PriorityQueue;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

const SECOND: Duration = Duration::from_secs(1);

/// A job: deliberately without `PartialOrd`, so only priorities can be compared.
#[derive(Debug, PartialEq, Eq)]
struct Job(&'static str);

/// Runs `scenario` on a current-thread runtime whose clock stands still while any task can
/// run, and jumps to the next timer when all of them wait.
fn on_paused_clock<T: Send + 'static, F: Future<Output = T> + 'static>(
    what: &str,
    scenario: impl FnOnce() -> F + Send + 'static,
) -> T {
    block_on_within_paused(PATIENCE, what, scenario)
}

#[test]
fn lowest_priority_first_and_first_in_first_out_among_equals() {
    let order = on_paused_clock("put, then get every item", || async {
        let queue = PriorityQueue::new();
        let jobs = [
            (1, "a"),
            (2, "b"),
            (1, "c"),
            (0, "d"),
            (1, "e"),
            (2, "f"),
            (1, "g"),
            (1, "h"),
            (0, "i"),
            (1, "j"),
            (1, "k"),
            (1, "l"),
        ];
        for (priority, name) in jobs {
            queue.put(priority, Job(name));
        }
        let mut order = Vec::new();
        while !queue.is_empty() {
            order.push(queue.get().await.0);
        }
        order
    });
    assert_eq!(
        order,
        ["d", "i", "a", "c", "e", "g", "h", "j", "k", "l", "b", "f"],
        "lowest priority first, and items of equal priority in the order they were put: a \
         heap alone does not keep that order, so number the arrivals ({READ})"
    );
}

#[test]
fn get_waits_for_a_put_from_another_task() {
    let (job, waited) = on_paused_clock("get() to be woken by a put", || async {
        let queue = Rc::new(PriorityQueue::new());
        let putter = Rc::clone(&queue);
        let local = tokio::task::LocalSet::new();
        local
            .run_until(async move {
                tokio::task::spawn_local(async move {
                    tokio::time::sleep(SECOND).await;
                    putter.put(5, Job("late"));
                });
                let started = Instant::now();
                let job = queue.get().await;
                (job, started.elapsed())
            })
            .await
    });
    assert_eq!(
        job,
        Job("late"),
        "get() returns what the other task put ({READ})"
    );
    assert_eq!(
        waited, SECOND,
        "get() must wait for the put (one virtual second) and return as soon as it comes \
         ({READ})"
    );
}

#[test]
fn two_puts_before_two_gets_give_one_item_each() {
    let got = on_paused_clock("two gets after two puts", || async {
        let queue = PriorityQueue::new();
        queue.put(2, Job("second"));
        queue.put(1, Job("first"));
        let first = queue.get().await;
        let second = queue.get().await;
        [first, second]
    });
    assert_eq!(
        got,
        [Job("first"), Job("second")],
        "a get must look for an item before it waits: two puts leave one wake-up, not two \
         ({READ})"
    );
}

#[test]
fn a_waiting_task_takes_the_most_urgent_of_several_arrivals() {
    let got = on_paused_clock("a waiting get", || async {
        let queue = Rc::new(PriorityQueue::new());
        let getter = Rc::clone(&queue);
        let local = tokio::task::LocalSet::new();
        local
            .run_until(async move {
                let waiting = tokio::task::spawn_local(async move { getter.get().await });
                tokio::time::sleep(SECOND).await; // the getter is waiting by now
                queue.put(3, Job("c"));
                queue.put(1, Job("a"));
                queue.put(2, Job("b"));
                let first = waiting.await.expect("the getter does not panic");
                (first, queue.get().await, queue.get().await)
            })
            .await
    });
    assert_eq!(
        got,
        (Job("a"), Job("b"), Job("c")),
        "a task woken by a put takes the most urgent item waiting when it runs, not the item \
         that woke it ({READ})"
    );
}

#[test]
fn three_waiting_tasks_get_one_item_each() {
    let mut got = on_paused_clock("three waiting gets", || async {
        let queue = Rc::new(PriorityQueue::<Job>::new());
        let local = tokio::task::LocalSet::new();
        local
            .run_until(async move {
                let getters: Vec<_> = (0..3)
                    .map(|_| {
                        let queue = Rc::clone(&queue);
                        tokio::task::spawn_local(async move { queue.get().await.0 })
                    })
                    .collect();
                tokio::time::sleep(SECOND).await;
                for name in ["x", "y", "z"] {
                    queue.put(1, Job(name));
                }
                let mut got = Vec::new();
                for getter in getters {
                    got.push(getter.await.expect("a getter does not panic"));
                }
                got
            })
            .await
    });
    got.sort_unstable();
    assert_eq!(
        got,
        ["x", "y", "z"],
        "every waiting task gets one item ({READ})"
    );
}

#[test]
fn a_get_cancelled_by_a_timeout_loses_nothing() {
    let got = on_paused_clock("get after a cancelled get", || async {
        let queue = PriorityQueue::new();
        let gave_up = tokio::time::timeout(SECOND, queue.get()).await;
        assert!(
            gave_up.is_err(),
            "nothing was put, so get() cannot return ({READ})"
        );
        queue.put(1, Job("kept"));
        queue.get().await
    });
    assert_eq!(
        got,
        Job("kept"),
        "an item put after a get() was cancelled goes to the next get() ({READ})"
    );
}

#[test]
fn try_get_len_and_is_empty() {
    let queue = PriorityQueue::new();
    assert_eq!(queue.len(), 0, "a new queue is empty ({READ})");
    assert_eq!(queue.try_get(), None, "nothing to take ({READ})");
    queue.put(2, Job("b"));
    queue.put(1, Job("a"));
    assert_eq!(queue.len(), 2, "two items wait ({READ})");
    assert!(!queue.is_empty(), "two items wait ({READ})");
    assert_eq!(
        queue.try_get(),
        Some(Job("a")),
        "try_get takes the most urgent ({READ})"
    );
    assert_eq!(queue.try_get(), Some(Job("b")), "then the next ({READ})");
    assert_eq!(queue.try_get(), None, "and then none ({READ})");
}
