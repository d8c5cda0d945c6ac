//! MISTAKE: `acquire` never waits: it counts permits down (saturating at zero) but hands one
//! out regardless, so any number of threads get in.

use std::sync::Mutex;

/// A semaphore that does not limit anything.
#[derive(Debug)]
pub struct Semaphore {
    free: Mutex<usize>,
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
        }
    }

    /// Takes a permit whether or not one is free.
    pub fn acquire(&self) -> Permit<'_> {
        let mut free = self.free.lock().unwrap();
        *free = free.saturating_sub(1);
        Permit { semaphore: self }
    }

    /// Takes a permit if one is free.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        let mut free = self.free.lock().unwrap();
        if *free == 0 {
            return None;
        }
        *free -= 1;
        Some(Permit { semaphore: self })
    }

    /// How many permits are free.
    pub fn available(&self) -> usize {
        *self.free.lock().unwrap()
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *self.semaphore.free.lock().unwrap() += 1;
    }
}
