use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::thread;

use shared::instruments::{Gauge, spin_until, within};

use super::subject::forced_switch::Interpreter;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

const SLICE: u64 = 5;

/// Starts thread `id` of `interpreter` on its own OS thread. When it gets the lock it sends
/// how many ticks the holder had completed (`holder_ticks`), then lets go.
fn waiter(
    interpreter: &Arc<Interpreter>,
    id: usize,
    holder_ticks: &Arc<AtomicU64>,
) -> Receiver<u64> {
    let (interpreter, holder_ticks) = (Arc::clone(interpreter), Arc::clone(holder_ticks));
    let (saw, seen) = mpsc::channel();
    thread::spawn(move || {
        let _py = interpreter.attach(id);
        let _ = saw.send(holder_ticks.load(Ordering::SeqCst));
    });
    seen
}

/// Waits (yielding, at most PATIENCE) until `n` threads wait for the lock.
fn until_waiting(interpreter: &Interpreter, n: usize) {
    spin_until(
        PATIENCE,
        || interpreter.waiting() == n,
        || {
            format!(
                "{n} threads should be waiting for the lock, the interpreter counts {}",
                interpreter.waiting()
            )
        },
    );
}

#[test]
fn a_waiting_thread_gets_the_lock_exactly_when_the_holders_slice_is_used_up() {
    within(PATIENCE * 2, "twenty hand-offs", || {
        // Twenty times over: a holder that takes the lock straight back wins the race against
        // a waiter that is still waking up nearly every time, and it may not win once here.
        for round in 0..20 {
            let interpreter = Arc::new(Interpreter::new(SLICE));
            let ticks = Arc::new(AtomicU64::new(0));
            let mut holder = interpreter.attach(0);
            let got_it = waiter(&interpreter, 1, &ticks);
            until_waiting(&interpreter, 1);
            let mut seen = None;
            for _ in 0..SLICE * 20 {
                holder.tick();
                ticks.fetch_add(1, Ordering::SeqCst);
                if let Ok(n) = got_it.try_recv() {
                    seen = Some(n);
                    break;
                }
            }
            drop(holder);
            match seen {
                Some(n) => assert_eq!(
                    n,
                    SLICE,
                    "round {round}: the waiting thread got the lock after the holder had run \
                     {n} ticks; with a slice of {SLICE} it must get it at the start of the \
                     holder's tick number {} ({READ})",
                    SLICE + 1
                ),
                None => panic!(
                    "round {round}: a thread waited while the holder ran {} ticks with a slice \
                     of {SLICE}, and never got the lock: a thread that lets go must wait until \
                     another has taken it, not take it straight back ({READ})",
                    SLICE * 20
                ),
            }
        }
    });
}

#[test]
fn a_thread_alone_keeps_the_lock() {
    let interpreter = Arc::new(Interpreter::new(SLICE));
    let shared = Arc::clone(&interpreter);
    within(
        PATIENCE,
        "a lone thread ticking (is it handing the lock over to nobody?)",
        move || {
            let mut py = shared.attach(0);
            for _ in 0..SLICE * 10 {
                py.tick();
            }
        },
    );
    assert_eq!(
        interpreter.switches(),
        1,
        "with nobody waiting, the lock never changes hands ({READ})"
    );
}

#[test]
fn a_late_waiter_gets_the_lock_at_the_next_tick_and_the_slice_starts_again() {
    within(PATIENCE * 2, "a late waiter, then another", || {
        let interpreter = Arc::new(Interpreter::new(SLICE));
        let ticks = Arc::new(AtomicU64::new(0));
        let mut holder = interpreter.attach(0);
        let mut tick = || {
            holder.tick();
            ticks.fetch_add(1, Ordering::SeqCst);
        };
        for _ in 0..SLICE * 3 {
            tick();
        }

        let first = waiter(&interpreter, 1, &ticks);
        until_waiting(&interpreter, 1);
        tick();
        let saw = first.try_recv().unwrap_or_else(|_| {
            panic!(
                "the holder had used up its slice long before and a thread was waiting, yet \
                 the holder's next tick did not hand the lock over ({READ})"
            )
        });
        assert_eq!(
            saw,
            SLICE * 3,
            "the hand-off came at the wrong tick ({READ})"
        );

        // The holder has the lock back: the tick that handed over was the first of a new
        // slice, so the next waiter must wait for the rest of that slice.
        let second = waiter(&interpreter, 2, &ticks);
        until_waiting(&interpreter, 1);
        let mut seen = None;
        for _ in 0..SLICE * 4 {
            tick();
            if let Ok(n) = second.try_recv() {
                seen = Some(n);
                break;
            }
        }
        let ran = seen.map(|n| n - SLICE * 3);
        assert_eq!(
            ran,
            Some(SLICE),
            "after getting the lock back, the holder must run a whole new slice of {SLICE} \
             ticks (counting the tick that handed over) before the next hand-off; it ran \
             {ran:?}: start a new slice when the thread takes the lock back ({READ})"
        );
    });
}

#[test]
fn four_threads_never_run_python_at_once_and_finish_their_work() {
    const THREADS: usize = 4;
    const TICKS: u64 = 300;
    let interpreter = Interpreter::new(SLICE);
    let running = Gauge::new();
    let counter = AtomicU64::new(0);
    let gauge = running.clone();
    let total = within(PATIENCE * 2, "4 threads ticking", move || {
        thread::scope(|scope| {
            for id in 0..THREADS {
                let (interpreter, gauge, counter) = (&interpreter, &gauge, &counter);
                scope.spawn(move || {
                    let mut py = interpreter.attach(id);
                    for _ in 0..TICKS {
                        py.tick();
                        let _python = gauge.enter();
                        let value = counter.load(Ordering::Relaxed);
                        thread::yield_now();
                        counter.store(value + 1, Ordering::Relaxed);
                    }
                });
            }
        });
        counter.into_inner()
    });
    assert_eq!(
        running.peak(),
        1,
        "{} threads ran Python code at the same time: after a hand-off, a thread must take \
         the lock back before it runs on ({READ})",
        running.peak()
    );
    assert_eq!(total, THREADS as u64 * TICKS, "ticks were lost ({READ})");
}
