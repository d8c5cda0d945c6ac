use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use shared::instruments::{Gauge, Rendezvous, spin_until, within};

use super::subject::released_for_io::Interpreter;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// Long enough for threads that really wait together to meet; a version that keeps the lock
/// through the wait never meets, and fails after this long.
const MEETING: Duration = Duration::from_secs(5);

/// Waits (yielding, at most PATIENCE) until `check` holds; `what` says what was awaited.
fn until(what: &str, check: impl FnMut() -> bool) {
    spin_until(PATIENCE, check, || {
        format!("{what} never happened ({READ})")
    });
}

#[test]
fn the_lock_is_let_go_inside_the_guard_and_back_after_it() {
    within(PATIENCE, "one thread letting go and taking back", || {
        let_go_and_take_back();
    });
}

fn let_go_and_take_back() {
    let interpreter = Interpreter::new();
    let mut py = interpreter.attach();
    let me = py.id();
    assert_eq!(interpreter.holder(), Some(me));
    {
        let _io = py.allow_threads();
        assert_eq!(
            interpreter.holder(),
            None,
            "allow_threads() must let go of the lock ({READ})"
        );
    }
    assert_eq!(
        interpreter.holder(),
        Some(me),
        "dropping the guard must take the lock back for the same thread ({READ})"
    );
    py.run_python();
}

#[test]
fn waits_with_the_lock_let_go_overlap() {
    let interpreter = Interpreter::new();
    let meet = Rendezvous::new(3, MEETING);
    let outcomes = within(PATIENCE * 2, "three threads waiting for I/O", move || {
        thread::scope(|scope| {
            let handles: Vec<_> = (0..3)
                .map(|_| {
                    scope.spawn(|| {
                        let mut py = interpreter.attach();
                        py.run_python();
                        let met = {
                            let _io = py.allow_threads();
                            meet.wait()
                        };
                        py.run_python();
                        met
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().unwrap())
                .collect::<Vec<_>>()
        })
    });
    for outcome in outcomes {
        if let Err(why) = outcome {
            panic!(
                "three threads' waits did not overlap: {why}. A thread must let go of the lock \
                 for as long as its guard lives ({READ})"
            );
        }
    }
}

#[test]
fn a_thread_waiting_for_the_lock_runs_while_the_holder_waits_for_io() {
    within(
        PATIENCE * 3,
        "a waiting thread and a holder waiting for I/O",
        || {
            waiter_runs_during_io();
        },
    );
}

fn waiter_runs_during_io() {
    let interpreter = Arc::new(Interpreter::new());
    let mut holder = interpreter.attach();
    let (ran, heard) = mpsc::channel();
    let (other, done) = (Arc::clone(&interpreter), Arc::new(AtomicBool::new(false)));
    let finished = Arc::clone(&done);
    let waiter = thread::spawn(move || {
        let mut py = other.attach();
        py.run_python();
        let _ = ran.send(());
        drop(py);
        finished.store(true, Ordering::SeqCst);
    });
    until("a second thread waiting for the lock", || {
        interpreter.waiting() == 1
    });
    {
        let _io = holder.allow_threads();
        assert!(
            heard.recv_timeout(PATIENCE).is_ok(),
            "a thread waiting for the lock never ran while the holder waited for I/O: \
             allow_threads() must let go of the lock and wake a waiting thread ({READ})"
        );
        until("the other thread letting go", || {
            done.load(Ordering::SeqCst)
        });
    }
    holder.run_python();
    waiter.join().unwrap();
}

#[test]
fn taking_the_lock_back_waits_while_another_thread_holds_it() {
    within(PATIENCE * 4, "taking the lock back from a holder", || {
        taking_back_waits();
    });
}

fn taking_back_waits() {
    let interpreter = Arc::new(Interpreter::new());
    let back = Arc::new(AtomicBool::new(false));
    let (released, heard_released) = mpsc::channel();
    let (drop_guard, told_to_drop) = mpsc::channel::<()>();
    let (holding, heard_holding) = mpsc::channel();
    let (let_go, told_to_let_go) = mpsc::channel::<()>();

    let (shared, back_again) = (Arc::clone(&interpreter), Arc::clone(&back));
    let first = thread::spawn(move || {
        let mut py = shared.attach();
        let io = py.allow_threads();
        let _ = released.send(());
        let _ = told_to_drop.recv_timeout(PATIENCE);
        drop(io); // must wait here while the second thread holds the lock
        back_again.store(true, Ordering::SeqCst);
        py.run_python();
    });
    heard_released
        .recv_timeout(PATIENCE)
        .expect("the first thread's guard was made");

    let shared = Arc::clone(&interpreter);
    let second = thread::spawn(move || {
        let _py = shared.attach();
        let _ = holding.send(());
        let _ = told_to_let_go.recv_timeout(PATIENCE);
    });
    assert!(
        heard_holding.recv_timeout(PATIENCE).is_ok(),
        "a second thread could not take the lock while the first one waited for I/O: \
         allow_threads() must let go of it ({READ})"
    );

    let _ = drop_guard.send(());
    until("the first thread waiting to take the lock back", || {
        assert!(
            !back.load(Ordering::SeqCst),
            "the first thread's guard was dropped and it went on while another thread held \
             the lock: taking the lock back must wait until the lock is free ({READ})"
        );
        interpreter.waiting() == 1
    });
    let _ = let_go.send(());
    within(
        PATIENCE,
        "the first thread taking the lock back",
        move || {
            second.join().expect("the second thread let go");
            first
                .join()
                .expect("the first thread took the lock back and ran Python code");
        },
    );
    assert!(back.load(Ordering::SeqCst));
}

#[test]
fn python_code_never_runs_on_two_threads_at_once() {
    const THREADS: usize = 4;
    const ROUNDS: usize = 100;
    let interpreter = Interpreter::new();
    let python = Gauge::new();
    let gauge = python.clone();
    within(
        PATIENCE * 2,
        "4 threads alternating Python and I/O",
        move || {
            thread::scope(|scope| {
                for _ in 0..THREADS {
                    scope.spawn(|| {
                        let mut py = interpreter.attach();
                        for _ in 0..ROUNDS {
                            {
                                let _python = gauge.enter();
                                py.run_python();
                                thread::yield_now();
                            }
                            let _io = py.allow_threads();
                            thread::yield_now();
                        }
                    });
                }
            });
        },
    );
    assert_eq!(
        python.peak(),
        1,
        "{} threads ran Python code at the same time: take the lock back before returning \
         from the guard's drop ({READ})",
        python.peak()
    );
    assert_eq!(python.total(), THREADS * ROUNDS);
}

#[test]
fn the_lock_comes_back_even_when_the_io_panics() {
    within(PATIENCE, "a panic inside the guard's scope", || {
        panic_inside_the_guard();
    });
}

fn panic_inside_the_guard() {
    let interpreter = Interpreter::new();
    let mut py = interpreter.attach();
    let mut let_go = false;
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let _io = py.allow_threads();
        let_go = interpreter.holder().is_none();
        panic!("the read failed");
    }));
    assert!(outcome.is_err());
    assert!(let_go, "allow_threads() must let go of the lock ({READ})");
    assert_eq!(
        interpreter.holder(),
        Some(py.id()),
        "after a panic inside the guard's scope, the thread must hold the lock again: take it \
         back in Drop, which runs during unwinding too ({READ})"
    );
}
