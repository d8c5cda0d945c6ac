//! MISTAKE: `try_acquire` is written as `Some(self.acquire())`: right whenever a permit is free,
//! and stuck forever when none is, which is exactly when a caller uses `try_acquire`.

use std::sync::{Condvar, Mutex};

/// A semaphore whose try_acquire waits.
#[derive(Debug)]
pub struct Semaphore {
    free: Mutex<usize>,
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
            free: Mutex::new(permits),
            returned: Condvar::new(),
        }
    }

    /// Waits for a free permit and takes it.
    pub fn acquire(&self) -> Permit<'_> {
        let free = self.free.lock().unwrap();
        let mut free = self.returned.wait_while(free, |free| *free == 0).unwrap();
        *free -= 1;
        Permit { semaphore: self }
    }

    /// Waits too.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        Some(self.acquire())
    }

    /// How many permits are free.
    pub fn available(&self) -> usize {
        *self.free.lock().unwrap()
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *self.semaphore.free.lock().unwrap() += 1;
        self.semaphore.returned.notify_one();
    }
}
