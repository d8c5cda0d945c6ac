//! Trait bounds read aloud: `Send`, `Sync`, `'static`, and `impl FnOnce() -> A + Send`.
//!
//! `Rc` counts its handles without atomic operations, so it is not `Send`, and a closure that
//! holds one cannot go to another thread (E0277, "`Rc<…>` cannot be sent between threads
//! safely"):
//!
#![doc = include_str!("refused/rc_to_thread.md")]
//!
//! `RefCell` checks its borrows without atomic operations either, so it is not `Sync`, and two
//! threads may not share a reference to one (E0277, "cannot be shared between threads safely"):
//!
#![doc = include_str!("refused/refcell_shared.md")]
//!
//! `'static` rules out closures that borrow local variables (E0373):
//!
#![doc = include_str!("refused/borrow_not_static.md")]
//!
//! And a closure that gives away what it captured can be called only once, so it is `FnOnce`
//! and nothing more; a function that calls its argument twice refuses it (E0525):
//!
#![doc = include_str!("refused/fn_once_twice.md")]

use std::sync::Mutex;
use std::thread;

// ANCHOR: on_another_thread
/// Runs `f` on a new thread and returns what it returned.
pub fn on_another_thread<A>(f: impl FnOnce() -> A + Send + 'static) -> A
where
    A: Send + 'static,
{
    let handle = thread::spawn(f);
    handle.join().expect("the thread panicked")
}
// ANCHOR_END: on_another_thread

// ANCHOR: call_twice
/// Calls `f` twice. `FnMut`: it may be called many times, and may change
/// what it captured.
pub fn call_twice(mut f: impl FnMut() -> u32) -> [u32; 2] {
    [f(), f()]
}
// ANCHOR_END: call_twice

// ANCHOR: sync
/// Two scoped threads push into one vector, through a shared reference to
/// its mutex.
pub fn push_from_two_threads() -> Vec<&'static str> {
    let seen = Mutex::new(Vec::new());
    thread::scope(|scope| {
        // Both closures borrow `seen`: each thread holds a
        // `&Mutex<Vec<&str>>`, allowed because `Mutex<Vec<&str>>` is `Sync`.
        scope.spawn(|| seen.lock().expect("not poisoned").push("spam"));
        scope.spawn(|| seen.lock().expect("not poisoned").push("eggs"));
    });
    let mut seen = seen.into_inner().expect("not poisoned");
    seen.sort_unstable(); // the threads may have pushed in either order
    seen
}
// ANCHOR_END: sync

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[test]
    fn a_closure_that_owns_its_data_runs_on_another_thread() {
        let words: Vec<String> = vec!["spam".into(), "eggs".into()];
        let here = thread::current().id();
        let (count, there) = on_another_thread(move || (words.len(), thread::current().id()));
        assert_eq!(count, 2);
        assert_ne!(here, there, "it ran on a different thread");
    }

    #[test]
    fn a_string_literal_is_static_so_it_may_be_borrowed() {
        let greeting: &'static str = "hello";
        assert_eq!(on_another_thread(move || greeting.len()), 5);
    }

    #[test]
    fn an_fnmut_closure_may_change_its_capture_between_calls() {
        let mut calls = 0;
        assert_eq!(
            call_twice(|| {
                calls += 1;
                calls
            }),
            [1, 2]
        );
    }

    #[test]
    fn a_mutex_shared_by_reference_collects_both_pushes() {
        assert_eq!(push_from_two_threads(), vec!["eggs", "spam"]);
    }

    /// Compiles only if `T` is `Send`.
    fn is_send<T: Send>() {}
    /// Compiles only if `T` is `Sync`.
    fn is_sync<T: Sync>() {}

    #[test]
    fn the_sharing_types_are_send_and_sync() {
        is_send::<Arc<Mutex<Vec<String>>>>();
        is_sync::<Arc<Mutex<Vec<String>>>>();
        is_sync::<Mutex<Vec<String>>>();
        // A Mutex makes its contents shareable: `Mutex<T>` is Sync whenever T is Send.
        is_sync::<Mutex<std::cell::Cell<u32>>>();
        // What is refused (Rc, RefCell) is in this module's compile_fail doctests.
    }
}
