//! What the compiler refuses. Each example is a doctest marked `compile_fail`, so `cargo test`
//! fails if it ever compiles; the error code it names is the one rustc gives (stable rustdoc
//! does not compare codes, nightly does). The book includes the same files.
//!
//! A thread started with `thread::spawn` may outlive the function that started it, so it cannot
//! borrow that function's local variables (E0373, "closure may outlive the current function").
//! Here `move` is the fix: the thread then owns `words`.
//!
#![doc = include_str!("refused/spawn_borrow.md")]
//!
//! Two threads writing to one map without a lock, Python's shared-dict pattern taken
//! literally, is a data race; the compiler rejects the second mutable borrow (E0499):
//!
#![doc = include_str!("refused/shared_map.md")]
//!
//! The fixes are the lesson's sections: `move` the data in (or return results through
//! `JoinHandle`s), borrow with scoped threads, or share behind `Arc<Mutex<…>>`.
