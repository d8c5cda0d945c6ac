//! The simulated interpreter on its own: two threads each run 300 000 ticks of Python code,
//! first under the GIL, then free-threaded, and say how long they took and how long they
//! waited for the lock. Run it with `cargo run --release -p lesson-00-gil-analogy --example two_threads`.

use std::thread;
use std::time::{Duration, Instant};

use lesson_00_gil_analogy::interpreter::Interpreter;

// ANCHOR: two_threads
/// Runs `ticks` ticks on each of two threads of `interpreter`; returns the wall time and,
/// per thread, how long it waited for the lock.
fn two_threads(interpreter: &Interpreter, ticks: u64) -> (Duration, [Duration; 2]) {
    let started = Instant::now();
    let waited = thread::scope(|scope| {
        let handles = [(); 2].map(|()| {
            scope.spawn(|| {
                let mut py = interpreter.attach(); // takes the lock, if there is one
                for _ in 0..ticks {
                    py.tick(); // lets go here if another thread asked for the lock
                }
                py.stats().waited
            }) // `py` is dropped at the end of the closure: the lock is let go
        });
        handles.map(|handle| handle.join().expect("an interpreter thread panicked"))
    });
    (started.elapsed(), waited)
}
// ANCHOR_END: two_threads

fn main() {
    let ticks = 300_000;
    let builds = [
        (
            "with the GIL",
            Interpreter::with_gil(Duration::from_millis(5)),
        ),
        ("free-threaded", Interpreter::free_threaded()),
    ];
    for (name, interpreter) in &builds {
        let (wall, waited) = two_threads(interpreter, ticks);
        println!("{name:>14}: {wall:>10.1?} in all; the threads waited {waited:.1?} for the lock");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_threaded_threads_never_wait_for_a_lock() {
        let (_, waited) = two_threads(&Interpreter::free_threaded(), 1_000);
        assert_eq!(waited, [Duration::ZERO; 2]);
    }

    #[test]
    fn both_threads_finish_under_the_gil() {
        let (_, waited) = two_threads(&Interpreter::with_gil(Duration::from_millis(1)), 1_000);
        assert_eq!(waited.len(), 2);
    }
}
