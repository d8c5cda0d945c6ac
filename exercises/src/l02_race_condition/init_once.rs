//! # Exercise: initialise once, and try again after a failure
//!
//! Several threads need a resource that is expensive to build (a connection pool, a parsed
//! configuration): the first to ask builds it, everyone else gets the same one. std's
//! `OnceLock::get_or_init` does that, but its initialiser cannot fail: `get_or_try_init`, which
//! would let it, is unstable. Build a cell whose initialiser may fail:
//!
//! - `InitOnce::new()` is empty; `get()` returns `None` until a value is in it;
//! - `get_or_try_init(init)` returns the value if there is one; otherwise it runs `init`:
//!   on `Ok(value)` it keeps the value and returns it, on `Err(e)` it returns `Err(e)` and stays
//!   empty, so the next caller runs its own initialiser;
//! - every caller gets the same value: the same `Arc` (`Arc::ptr_eq`);
//! - exactly one initialiser ever succeeds, and never do two run at the same time: a caller
//!   that finds another's initialiser running waits for it, then takes its value (or, if it
//!   failed, tries its own).
//!
//! Checking that the cell is empty and then initialising, as two steps, is the lesson's
//! check-then-act race again: two threads both find it empty and both initialise. A lock held
//! only to look, or only to store, does not help: the look and the initialisation must happen
//! under one lock, held until the value is stored.
//!
//! Use `shared::sync` (`Mutex`, `Arc`), not `std::sync`: the tests also run under the model
//! checker (`--features model`), which tries every interleaving.
//!
//! Tests: `cargo test -p exercises l02_race_condition::init_once`, then
//! `cargo test -p exercises --features model l02_race_condition::init_once`.
//! Hints, and where to read: `cargo run -p exercises -- hint init_once`.

// The stub ignores its parts until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

use shared::sync::Arc;

/// A value built by the first caller whose initialiser succeeds, shared by all.
#[derive(Debug)]
pub struct InitOnce<T> {
    // TODO: the value once there is one, and what makes initialisers wait their turn.
    value: std::marker::PhantomData<T>,
}

impl<T> InitOnce<T> {
    /// An empty cell.
    pub fn new() -> Self {
        todo!("l02_race_condition::init_once: build the InitOnce")
    }

    /// The value, if it has been initialised.
    pub fn get(&self) -> Option<Arc<T>> {
        todo!()
    }

    /// The value, running `init` first if there is none yet.
    pub fn get_or_try_init<E>(&self, init: impl FnOnce() -> Result<T, E>) -> Result<Arc<T>, E> {
        // TODO: look, and initialise if empty, as one step.
        todo!()
    }
}

impl<T> Default for InitOnce<T> {
    fn default() -> Self {
        Self::new()
    }
}
