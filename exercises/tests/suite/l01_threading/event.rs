use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use shared::instruments::{Rendezvous, within};

use super::subject::event::Event;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

#[test]
fn wait_returns_once_another_thread_sets_it() {
    let event = Arc::new(Event::new());
    let setter = Arc::clone(&event);
    within(
        PATIENCE,
        "wait() while another thread calls set()",
        move || {
            thread::scope(|scope| {
                scope.spawn(|| setter.set());
                event.wait();
            });
        },
    );
}

/// How long a test gives a wrong answer to show itself by returning early. A right answer passes
/// however long this is: only catching a wrong one depends on it.
const SETTLE: Duration = Duration::from_millis(200);

#[test]
fn wait_blocks_until_another_thread_sets_it() {
    let event = Arc::new(Event::new());
    let (returned, wait_returned) = mpsc::channel();
    let waiter = Arc::clone(&event);
    thread::spawn(move || {
        waiter.wait();
        let _ = returned.send(());
    });
    assert_eq!(
        wait_returned.recv_timeout(SETTLE),
        Err(mpsc::RecvTimeoutError::Timeout),
        "wait() returned although nobody had set the event: it must sleep while the flag is \
         false (Condvar::wait_while(guard, |set| !*set): the closure says when to keep waiting) \
         ({READ})"
    );
    event.set();
    assert!(
        wait_returned.recv_timeout(PATIENCE).is_ok(),
        "wait() did not return within {PATIENCE:?} of set() ({READ})"
    );
}

#[test]
fn wait_timeout_waits_for_a_set_that_comes_later() {
    let event = Arc::new(Event::new());
    let (answered, answer) = mpsc::channel();
    let waiter = Arc::clone(&event);
    thread::spawn(move || {
        let _ = answered.send(waiter.wait_timeout(PATIENCE));
    });
    assert_eq!(
        answer.recv_timeout(SETTLE),
        Err(mpsc::RecvTimeoutError::Timeout),
        "wait_timeout({PATIENCE:?}) answered at once on an event nobody had set: it must sleep \
         until the event is set or the time is up ({READ})"
    );
    event.set();
    assert_eq!(
        answer.recv_timeout(PATIENCE),
        Ok(true),
        "wait_timeout must wake up when the event is set meanwhile, and answer true ({READ})"
    );
}

#[test]
fn a_set_before_the_wait_is_not_lost() {
    let event = Event::new();
    event.set();
    within(
        PATIENCE,
        "wait() after set() (the wake-up was lost: keep a flag, and check it before sleeping)",
        move || event.wait(),
    );
}

#[test]
fn set_wakes_every_waiting_thread() {
    let event = Arc::new(Event::new());
    let waiters = 4;
    let all_about_to_wait = Rendezvous::new(waiters + 1, PATIENCE);
    let (woke, wakings) = mpsc::channel();
    for _ in 0..waiters {
        let (event, ready, woke) = (Arc::clone(&event), all_about_to_wait.clone(), woke.clone());
        thread::spawn(move || {
            ready.wait().unwrap();
            event.wait();
            let _ = woke.send(());
        });
    }
    all_about_to_wait.wait().unwrap();
    // Give the waiters time to fall asleep, so that set() has sleeping threads to wake. (Only
    // catching a wrong answer depends on this; a right one passes however long it takes.)
    thread::sleep(Duration::from_millis(300));
    event.set();
    for woken in 0..waiters {
        assert!(
            wakings.recv_timeout(PATIENCE).is_ok(),
            "set() woke {woken} of {waiters} waiting threads; the rest sleep on although the flag \
             is set: wake them all with notify_all ({READ})"
        );
    }
}

#[test]
fn wait_timeout_gives_up_when_nobody_sets_it() {
    let event = Event::new();
    let set = within(
        PATIENCE,
        "wait_timeout(50 ms) on an event nobody sets",
        move || event.wait_timeout(Duration::from_millis(50)),
    );
    assert!(
        !set,
        "wait_timeout must return false when the event was never set ({READ})"
    );
}

#[test]
fn wait_timeout_returns_true_when_set() {
    let event = Event::new();
    event.set();
    let set = within(PATIENCE, "wait_timeout on a set event", move || {
        event.wait_timeout(PATIENCE)
    });
    assert!(
        set,
        "wait_timeout must return true when the event is set ({READ})"
    );
}

#[test]
fn clear_makes_waits_block_again() {
    let event = Event::new();
    assert!(!event.is_set(), "a new event is not set");
    event.set();
    assert!(event.is_set(), "after set(), is_set() is true");
    event.clear();
    assert!(!event.is_set(), "after clear(), is_set() is false");
    let set = within(PATIENCE, "wait_timeout after clear()", move || {
        event.wait_timeout(Duration::from_millis(20))
    });
    assert!(
        !set,
        "after clear(), wait_timeout must time out again ({READ})"
    );
}
