//! Lesson 02: a ticket dispenser that never gives a number twice.
//!
//! `fetch_add` reads the count and stores it plus one as a single indivisible operation, and
//! returns the value it read: that value *is* this caller's ticket. No other thread's addition
//! can fall between the read and the write, so no two callers read the same number.
//!
//! `Relaxed` is enough: every operation on one atomic, whatever its ordering, takes its turn in
//! a single order all threads agree on, so additions are never lost. Orderings only matter for
//! what *other* memory a thread may see, and a ticket publishes nothing else. (Threads that
//! read `issued()` after `join` see every addition anyway: `join` orders them.)

use shared::sync::atomic::{AtomicU64, Ordering};

/// Hands out numbered tickets, each number once.
#[derive(Debug)]
pub struct TicketDispenser {
    next: AtomicU64,
}

impl TicketDispenser {
    /// A dispenser whose first ticket is 0.
    pub fn new() -> Self {
        Self {
            next: AtomicU64::new(0),
        }
    }

    /// Takes the next ticket.
    pub fn take(&self) -> u64 {
        // Not `load` then `store`: another thread could load the same number in between.
        self.next.fetch_add(1, Ordering::Relaxed)
    }

    /// How many tickets have been taken.
    pub fn issued(&self) -> u64 {
        self.next.load(Ordering::Relaxed)
    }
}

impl Default for TicketDispenser {
    fn default() -> Self {
        Self::new()
    }
}
