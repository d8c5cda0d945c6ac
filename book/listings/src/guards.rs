//! RAII guards and `Drop`: cleanup that runs when a value goes out of scope.
//!
//! A value whose type implements `Drop` runs its `drop` method exactly once, when its owner
//! goes out of scope, is dropped early with `drop(value)`, or is unwound by a panic. Lock
//! guards and permits use that to give back what they hold.
//!
//! `let _ = m.lock()` binds nothing, so the guard is dropped at the end of the statement and
//! the lock is released at once. For std's locks rustc refuses it by default (the
//! `let_underscore_lock` lint); for other guards, such as tokio's semaphore permits, it
//! compiles without a word:
//!
#![doc = include_str!("refused/underscore_lock.md")]

use std::sync::{Mutex, PoisonError, TryLockError};

use tokio::sync::Semaphore;

// ANCHOR: noisy
/// When dropped, writes its name and "dropped" to its log.
#[derive(Debug)]
pub struct Noisy<'a> {
    name: &'static str,
    log: &'a Mutex<Vec<String>>,
}

impl<'a> Noisy<'a> {
    /// A value called `name` that reports its end to `log`.
    pub fn new(name: &'static str, log: &'a Mutex<Vec<String>>) -> Self {
        Noisy { name, log }
    }
}

impl Drop for Noisy<'_> {
    fn drop(&mut self) {
        let mut log = self.log.lock().unwrap_or_else(PoisonError::into_inner);
        log.push(format!("{} dropped", self.name));
    }
}
// ANCHOR_END: noisy

// ANCHOR: scopes
/// Writes `line` to `log`.
fn note(log: &Mutex<Vec<String>>, line: &str) {
    log.lock().expect("not poisoned").push(line.to_string());
}

/// Three values, dropped at three different moments.
pub fn drop_order(log: &Mutex<Vec<String>>) {
    let _first = Noisy::new("first", log);
    let second = Noisy::new("second", log);
    {
        let _inner = Noisy::new("inner", log);
        note(log, "end of the inner block");
    } // `_inner` is dropped here
    drop(second); // dropped now, before the end of the function
    note(log, "end of the function");
} // `_first` is dropped here
// ANCHOR_END: scopes

// ANCHOR: underscore
/// Whether someone holds `lock` right now (this thread included).
pub fn is_locked<T>(lock: &Mutex<T>) -> bool {
    matches!(lock.try_lock(), Err(TryLockError::WouldBlock))
}

/// `let _guard = …` names the guard: it lives to the closing brace.
pub fn named_guard(lock: &Mutex<u32>) -> bool {
    let _guard = lock.lock().expect("not poisoned");
    is_locked(lock) // true: still held
}

/// `let _ = …` binds nothing: the guard is dropped at the semicolon.
pub fn underscore_alone(lock: &Mutex<u32>) -> bool {
    #[allow(let_underscore_lock)] // refused by default, for this very reason
    let _ = lock.lock().expect("not poisoned");
    is_locked(lock) // false: already released
}

/// The same mistake with a tokio permit compiles silently. Returns the free
/// permits after `let _ = …` and after `let _permit = …`.
pub fn permits_left(semaphore: &Semaphore) -> (usize, usize) {
    // Taken, and given back at once.
    let _ = semaphore.try_acquire().expect("a permit is free");
    let after_underscore = semaphore.available_permits();
    // Taken, and held to the closing brace.
    let _permit = semaphore.try_acquire().expect("a permit is free");
    (after_underscore, semaphore.available_permits())
}
// ANCHOR_END: underscore

#[cfg(test)]
mod tests {
    use std::panic;

    use super::*;

    #[test]
    fn values_are_dropped_at_the_end_of_their_scope_or_when_told() {
        let log = Mutex::new(Vec::new());
        drop_order(&log);
        assert_eq!(
            log.into_inner().expect("not poisoned"),
            [
                "end of the inner block",
                "inner dropped",
                "second dropped",
                "end of the function",
                "first dropped",
            ]
        );
    }

    #[test]
    fn drop_runs_when_a_panic_unwinds_the_scope() {
        let log = Mutex::new(Vec::new());
        let outcome = panic::catch_unwind(|| {
            let _noisy = Noisy::new("guard", &log);
            panic!("something went wrong");
        });
        assert!(outcome.is_err());
        assert_eq!(log.into_inner().expect("not poisoned"), ["guard dropped"]);
    }

    #[test]
    fn a_named_guard_holds_the_lock_and_underscore_does_not() {
        let lock = Mutex::new(0);
        assert!(
            named_guard(&lock),
            "`_guard` holds the lock inside the function"
        );
        assert!(!underscore_alone(&lock), "`_` released it at once");
        assert!(
            !is_locked(&lock),
            "both guards are gone once the functions return"
        );
    }

    #[test]
    fn an_unnamed_permit_goes_straight_back() {
        let semaphore = Semaphore::new(1);
        assert_eq!(permits_left(&semaphore), (1, 0));
        assert_eq!(
            semaphore.available_permits(),
            1,
            "`_permit` went back at the brace"
        );
    }
}
