//! MISTAKE: counts the permits taken instead of the permits free, and compares with `>` where
//! `>=` was meant: a semaphore of 3 lets a fourth holder in.

use std::sync::{Condvar, Mutex};

/// A semaphore with an off-by-one limit.
#[derive(Debug)]
pub struct Semaphore {
    limit: usize,
    taken: Mutex<usize>,
    returned: Condvar,
}

/// A taken permit.
#[derive(Debug)]
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}

impl Semaphore {
    /// A semaphore with `permits` permits.
    pub fn new(permits: usize) -> Self {
        Self {
            limit: permits,
            taken: Mutex::new(0),
            returned: Condvar::new(),
        }
    }

    /// Waits while more than `limit` are taken (one too many).
    pub fn acquire(&self) -> Permit<'_> {
        let taken = self.taken.lock().unwrap();
        let mut taken = self
            .returned
            .wait_while(taken, |taken| *taken > self.limit)
            .unwrap();
        *taken += 1;
        Permit { semaphore: self }
    }

    /// Takes a permit if fewer than `limit` are taken.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        let mut taken = self.taken.lock().unwrap();
        if *taken >= self.limit {
            return None;
        }
        *taken += 1;
        Some(Permit { semaphore: self })
    }

    /// How many permits are free.
    pub fn available(&self) -> usize {
        self.limit.saturating_sub(*self.taken.lock().unwrap())
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *self.semaphore.taken.lock().unwrap() -= 1;
        self.semaphore.returned.notify_one();
    }
}
