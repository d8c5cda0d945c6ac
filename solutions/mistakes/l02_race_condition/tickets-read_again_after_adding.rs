//! MISTAKE: the addition is atomic, but the ticket is read again afterwards, by which time
//! another thread may have added too: both return the later number.

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
        self.next.fetch_add(1, Ordering::SeqCst);
        self.next.load(Ordering::SeqCst) - 1
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
