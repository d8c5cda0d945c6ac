//! MISTAKE: the count is read, then written back plus one, as two separate atomic operations.
//! Each is atomic; the pair is not: two threads can both read 7 and both store 8.

use shared::sync::atomic::{AtomicU64, Ordering};

/// Hands out tickets, sometimes the same one twice.
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
        let ticket = self.next.load(Ordering::SeqCst);
        self.next.store(ticket + 1, Ordering::SeqCst);
        ticket
    }

    /// How many tickets have been taken.
    pub fn issued(&self) -> u64 {
        self.next.load(Ordering::SeqCst)
    }
}

impl Default for TicketDispenser {
    fn default() -> Self {
        Self::new()
    }
}
