//! Lesson 01: a semaphore whose permits give themselves back.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// At most a fixed number of permits out at a time.
#[derive(Debug)]
pub struct Semaphore {
    free: Mutex<usize>,
    returned: Condvar,
}

/// A taken permit. Dropping it gives it back.
///
/// It borrows the semaphore, so the compiler guarantees the semaphore outlives every permit.
/// `Drop` runs however the holder's code ends, including while a panic unwinds, so a permit
/// can never leak the way a forgotten `release()` does.
#[derive(Debug)]
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}

impl Semaphore {
    /// A semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Self {
        Self {
            free: Mutex::new(permits),
            returned: Condvar::new(),
        }
    }

    fn free(&self) -> MutexGuard<'_, usize> {
        self.free.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until a permit is free, then takes it.
    pub fn acquire(&self) -> Permit<'_> {
        let mut free = self
            .returned
            .wait_while(self.free(), |free| *free == 0)
            .unwrap_or_else(PoisonError::into_inner);
        *free -= 1;
        Permit { semaphore: self }
    }

    /// Takes a permit if one is free right now.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        let mut free = self.free();
        if *free == 0 {
            return None;
        }
        *free -= 1;
        Some(Permit { semaphore: self })
    }

    /// How many permits are free.
    pub fn available(&self) -> usize {
        *self.free()
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *self.semaphore.free() += 1;
        // One permit came back, so one waiter can proceed.
        self.semaphore.returned.notify_one();
    }
}
