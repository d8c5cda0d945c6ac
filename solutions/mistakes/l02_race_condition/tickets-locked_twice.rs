//! MISTAKE: a lock around the read and another around the write. Each access is safe; between
//! the two the lock is free, and another thread can read the same count.

use shared::sync::Mutex;

/// Hands out tickets, sometimes the same one twice.
#[derive(Debug)]
pub struct TicketDispenser {
    next: Mutex<u64>,
}

impl TicketDispenser {
    /// A dispenser whose first ticket is 0.
    pub fn new() -> Self {
        Self {
            next: Mutex::new(0),
        }
    }

    /// Takes the next ticket.
    pub fn take(&self) -> u64 {
        let ticket = *self.next.lock().unwrap();
        *self.next.lock().unwrap() = ticket + 1;
        ticket
    }

    /// How many tickets have been taken.
    pub fn issued(&self) -> u64 {
        *self.next.lock().unwrap()
    }
}

impl Default for TicketDispenser {
    fn default() -> Self {
        Self::new()
    }
}
