//! What the compiler refuses. Each example is a doctest marked `compile_fail`, so `cargo test`
//! fails if it ever compiles; the error code it names is the one rustc gives (stable rustdoc
//! does not compare codes, nightly does). The book includes the same files.
//!
//! A task goes to another thread and may run after the function that submitted it has
//! returned, so [`Executor::submit`](crate::Executor::submit) asks for a closure that owns what
//! it uses (`'static`). Borrowing a local variable is refused (E0373); `move` is the fix:
//!
#![doc = include_str!("refused/submit_borrow.md")]
//!
//! What a task owns must be safe to send to another thread (`Send`). An `Rc`, whose reference
//! count is not atomic, is not; the compiler refuses the task (E0277), where Python's
//! `ProcessPoolExecutor` finds out at run time that something cannot be pickled:
//!
#![doc = include_str!("refused/rc_in_task.md")]
//!
//! The fixes: move owned data in (`Arc` instead of `Rc` when several tasks share it), or, for
//! work that must borrow, scoped threads or rayon, whose `join` and `scope` may borrow.
