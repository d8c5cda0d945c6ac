//! # Exercise: a ticket dispenser that never gives a number twice
//!
//! At a deli counter every customer pulls a numbered ticket. Here the customers are threads
//! sharing one dispenser through an `Arc`:
//!
//! - `TicketDispenser::new()` starts at ticket 0;
//! - `take()` hands out the next ticket, 0, 1, 2, …: each number to exactly one caller, however
//!   many threads take tickets at the same moment;
//! - `issued()` says how many tickets have been taken so far.
//!
//! Four threads taking 100 000 tickets each must get 400 000 different tickets, 0 to 399 999,
//! and `issued()` must then say 400 000. Reading the count and then writing it back plus one, as
//! two steps, lets two threads read the same number: both get that ticket, and one increment is
//! lost. Reading it again after adding gives a ticket that another thread's addition may
//! already have moved on.
//!
//! Use the types in `shared::sync` (`shared::sync::atomic::AtomicU64`, `shared::sync::Mutex`),
//! not `std::sync`: they are std's in a normal build, and the model checker's when the tests run
//! with `--features model`, which tries every interleaving of two takers.
//!
//! Tests: `cargo test -p exercises l02_race_condition::tickets`, then under the model checker:
//! `cargo test -p exercises --features model l02_race_condition::tickets`.
//! Hints, and where to read: `cargo run -p exercises -- hint tickets`.

// The stub ignores its parts until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

/// Hands out numbered tickets, each number once.
#[derive(Debug)]
pub struct TicketDispenser {
    // TODO: the next ticket's number, in a type several threads can change safely.
}

impl TicketDispenser {
    /// A dispenser whose first ticket is 0.
    pub fn new() -> Self {
        todo!("l02_race_condition::tickets: build the TicketDispenser")
    }

    /// Takes the next ticket.
    pub fn take(&self) -> u64 {
        // TODO: read the next number and advance it, as one indivisible step.
        todo!()
    }

    /// How many tickets have been taken.
    pub fn issued(&self) -> u64 {
        todo!()
    }
}

impl Default for TicketDispenser {
    fn default() -> Self {
        Self::new()
    }
}
