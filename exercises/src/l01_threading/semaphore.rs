//! # Exercise: a semaphore whose permits give themselves back
//!
//! Python's `threading.Semaphore` has `acquire()` and `release()`, and `with semaphore:` to make
//! sure the release happens. Rust's standard library has no semaphore at all; the lesson builds
//! one with explicit `acquire` and `release`. Yours hands out a `Permit` instead, which gives
//! itself back when it is dropped, however the holder's code ends: normally, through `?`, or by
//! panicking. That is RAII, Rust's `with`.
//!
//! - `acquire()` waits until a permit is free, then takes it;
//! - `try_acquire()` takes one only if one is free right now;
//! - `available()` says how many are free;
//! - dropping a `Permit` gives it back and wakes a thread waiting in `acquire()`.
//!
//! Tests: `cargo test -p exercises l01_threading::semaphore`.
//! Hints, and where to read: `cargo run -p exercises -- hint semaphore`.

// The stub ignores its parts until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

/// At most a fixed number of permits out at a time.
#[derive(Debug)]
pub struct Semaphore {
    // TODO: the number of free permits, and a way to wake threads waiting for one.
}

/// A taken permit. Dropping it gives it back.
#[derive(Debug)]
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}

impl Semaphore {
    /// A semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Self {
        todo!("l01_threading::semaphore: build the Semaphore")
    }

    /// Waits until a permit is free, then takes it.
    pub fn acquire(&self) -> Permit<'_> {
        todo!()
    }

    /// Takes a permit if one is free right now.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        todo!()
    }

    /// How many permits are free.
    pub fn available(&self) -> usize {
        todo!()
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        // TODO: give the permit back, and wake one thread waiting in acquire().
        todo!()
    }
}
