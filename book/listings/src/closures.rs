//! Closures and `move`: what a closure captures, and why `thread::spawn` wants `move`.
//!
//! A closure borrows what it uses unless it is marked `move`, in which case it owns it. A
//! thread started with `thread::spawn` may outlive the function that started it, so its
//! closure must own everything it uses. Without `move`, the closure borrows `text`, and the
//! compiler refuses (E0373, "closure may outlive the current function"):
//!
#![doc = include_str!("refused/spawn_without_move.md")]
//!
//! The same error, for the same reason, when closures made in a loop borrow the loop's
//! variable instead of keeping their own copy of it:
//!
#![doc = include_str!("refused/closure_per_number.md")]

use std::thread;

// ANCHOR: borrow_or_move
/// A closure that borrows `name`, then one that takes it.
pub fn greetings() -> (String, String) {
    let name = String::from("Ada");
    // `greet` borrows `name`.
    let greet = |greeting: &str| format!("{greeting}, {name}");
    let hello = greet("Hello");
    // `shout` takes `name`: the closure owns it now, and from here on `name`
    // cannot be used.
    let shout = move || name.to_uppercase();
    (hello, shout())
}
// ANCHOR_END: borrow_or_move

// ANCHOR: count_calls
/// A closure that changes what it captured: it borrows `calls` mutably.
pub fn count_calls() -> u32 {
    let mut calls = 0;
    // `bump` must be `mut`: calling it changes `calls`.
    let mut bump = || calls += 1;
    bump();
    bump();
    // The borrow ended with the last call of `bump`: `calls` is free again.
    calls
}
// ANCHOR_END: count_calls

// ANCHOR: one_closure_per_number
/// Three closures made in a loop; each keeps its own `i`.
pub fn one_closure_per_number() -> Vec<u32> {
    let closures: Vec<_> = (0..3).map(|i| move || i * 10).collect();
    closures.iter().map(|closure| closure()).collect()
}
// ANCHOR_END: one_closure_per_number

// ANCHOR: spawn_move
/// Counts the words of `text` on another thread.
pub fn count_words_on_a_thread(text: &str) -> usize {
    let text = text.to_string(); // an owned copy; the parameter is borrowed
    // `move`: the thread owns `text`, whichever of the two finishes first.
    let handle = thread::spawn(move || text.split_whitespace().count());
    handle.join().expect("the counting thread panicked")
}
// ANCHOR_END: spawn_move

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_borrowing_closure_and_a_moving_one_both_see_the_name() {
        assert_eq!(greetings(), ("Hello, Ada".to_string(), "ADA".to_string()));
    }

    #[test]
    fn a_closure_can_change_what_it_borrowed() {
        assert_eq!(count_calls(), 2);
    }

    #[test]
    fn move_closures_keep_the_value_they_were_made_with() {
        // Python's `[lambda: i * 10 for i in range(3)]` would give [20, 20, 20].
        assert_eq!(one_closure_per_number(), vec![0, 10, 20]);
    }

    #[test]
    fn a_moved_vector_is_counted_on_the_other_thread() {
        assert_eq!(count_words_on_a_thread("spam eggs spam spam"), 4);
    }
}
