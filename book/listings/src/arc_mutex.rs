//! `Arc` and `Mutex`: shared ownership across threads, and exclusive access inside it.
//!
//! `Arc::clone` makes a new handle to the same value; `Mutex` keeps its data inside, reachable
//! only through `lock()`, whose guard unlocks when it is dropped. `lock()` returns a `Result`
//! because a thread that panicked while holding the guard *poisons* the mutex.

use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};

// ANCHOR: arc
/// Adds up the lengths of `words` on `threads` threads, which all read the
/// same vector.
pub fn total_length(words: Vec<String>, threads: usize) -> usize {
    let words = Arc::new(words);
    let handles: Vec<JoinHandle<usize>> = (0..threads)
        .map(|t| {
            // A new handle to the same vector, not a copy of it.
            let words = Arc::clone(&words);
            thread::spawn(move || {
                // Thread t takes every `threads`-th word, starting at word t.
                words.iter().skip(t).step_by(threads).map(String::len).sum()
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a thread panicked"))
        .sum()
}
// ANCHOR_END: arc

// ANCHOR: mutex
/// `threads` threads each add 1 to a shared total `per_thread` times.
pub fn count_together(threads: usize, per_thread: u64) -> u64 {
    // The number lives inside the mutex.
    let total = Arc::new(Mutex::new(0_u64));
    let handles: Vec<JoinHandle<()>> = (0..threads)
        .map(|_| {
            let total = Arc::clone(&total);
            thread::spawn(move || {
                for _ in 0..per_thread {
                    let mut guard = total.lock().expect("not poisoned");
                    *guard += 1; // the guard leads to the number
                } // `guard` is dropped at the end of each round: unlocked
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("a counting thread panicked");
    }
    *total.lock().expect("no thread panicked")
}
// ANCHOR_END: mutex

// ANCHOR: poisoned
/// A thread panics halfway through changing a shared list. Returns whether
/// the next `lock()` reported poisoning, and what the list holds.
pub fn lock_after_a_panic() -> (bool, Vec<u32>) {
    let list = Arc::new(Mutex::new(vec![1, 2]));
    let in_thread = Arc::clone(&list);
    let outcome = thread::spawn(move || {
        let mut guard = in_thread.lock().expect("nobody has panicked yet");
        guard.push(3);
        // The guard is dropped as the panic unwinds: the mutex is poisoned.
        panic!("gave up halfway through an update");
    })
    .join();
    assert!(outcome.is_err(), "the thread panicked, so join returns Err");

    // Err(PoisonError): the data may be half-changed.
    let poisoned = list.lock().is_err();
    // The data is still there; `into_inner` takes the guard out of the error.
    let contents = list.lock().unwrap_or_else(PoisonError::into_inner).clone();
    (poisoned, contents)
}
// ANCHOR_END: poisoned

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Vec<String> {
        ["spam", "eggs", "bacon", "sausage", "spam"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn every_word_is_counted_once_whatever_the_number_of_threads() {
        for threads in 1..=6 {
            assert_eq!(total_length(words(), threads), 4 + 4 + 5 + 7 + 4);
        }
    }

    #[test]
    fn arc_clone_is_a_second_handle_to_the_same_value() {
        let first = Arc::new(words());
        let second = Arc::clone(&first);
        assert!(Arc::ptr_eq(&first, &second), "both point at one vector");
        assert_eq!(Arc::strong_count(&first), 2);
        drop(second);
        assert_eq!(
            Arc::strong_count(&first),
            1,
            "dropping a handle gives it back"
        );
        // The last handle owns the vector outright again.
        assert_eq!(Arc::into_inner(first), Some(words()));
    }

    #[test]
    fn no_increment_is_lost_under_the_lock() {
        assert_eq!(count_together(4, 10_000), 40_000);
    }

    #[test]
    fn the_guard_unlocks_when_it_is_dropped() {
        let total = Mutex::new(0);
        let guard = total.lock().expect("not poisoned");
        assert!(total.try_lock().is_err(), "held: another lock would wait");
        drop(guard);
        assert!(total.try_lock().is_ok(), "dropped: unlocked");
    }

    #[test]
    fn a_panic_while_locked_poisons_the_mutex_but_keeps_the_data() {
        assert_eq!(lock_after_a_panic(), (true, vec![1, 2, 3]));
    }
}
