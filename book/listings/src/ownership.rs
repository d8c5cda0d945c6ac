//! Ownership and borrowing: move, copy and clone; `&` shared and `&mut` exclusive.
//!
//! After a move, the old name cannot be used (E0382):
//!
#![doc = include_str!("refused/use_after_move.md")]
//!
//! Two `&mut` to the same value at the same time are refused (E0499):
//!
#![doc = include_str!("refused/two_mut.md")]
//!
//! And so is a `&mut` while a `&` is still in use (E0502): here, growing a vector while a loop
//! is reading it.
//!
#![doc = include_str!("refused/push_while_reading.md")]

// ANCHOR: move_copy_clone
/// A copy, a clone and a move, side by side.
pub fn move_copy_clone() -> (u64, u64, String, String) {
    let a: u64 = 7;
    let b = a; // u64 is `Copy`: `b` is a copy, and `a` is still usable
    let s = String::from("spam");
    let t = s.clone(); // a second String with its own copy of the text
    let u = s; // a move: `u` owns the text now, and `s` cannot be used again
    (a, b, t, u)
}
// ANCHOR_END: move_copy_clone

// ANCHOR: borrowing
/// Reads the numbers: a shared borrow is enough.
pub fn total(numbers: &[u64]) -> u64 {
    numbers.iter().sum()
}

/// Changes the numbers: this needs an exclusive borrow.
pub fn double_all(numbers: &mut [u64]) {
    for number in numbers {
        *number *= 2;
    }
}

/// Lends `numbers` out three times, one borrow after another.
pub fn lend_three_times() -> (u64, u64) {
    let mut numbers = vec![1, 2, 3];
    let before = total(&numbers); // shared borrow, over when `total` returns
    double_all(&mut numbers); // exclusive borrow, over when it returns
    (before, total(&numbers))
}
// ANCHOR_END: borrowing

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_clone_and_move_leave_every_value_in_place() {
        assert_eq!(
            move_copy_clone(),
            (7, 7, "spam".to_string(), "spam".to_string())
        );
    }

    #[test]
    fn a_clone_has_its_own_text() {
        let s = String::from("spam");
        let t = s.clone();
        // Two buffers, not two names for one: the clone's text lives elsewhere in memory.
        assert_ne!(s.as_ptr(), t.as_ptr());
        let u = s;
        assert_eq!(u, t);
    }

    #[test]
    fn a_move_keeps_the_same_buffer() {
        let s = String::from("spam");
        let before = s.as_ptr();
        let u = s;
        // The text on the heap was not copied: the new owner points at the same bytes.
        assert_eq!(u.as_ptr(), before);
    }

    #[test]
    fn borrows_one_after_another_are_fine() {
        assert_eq!(lend_three_times(), (6, 12));
    }
}
