//! A counting semaphore, Python's `threading.Semaphore`. Rust's standard library has none, so
//! here is one from a `Mutex<usize>` (the free permits) and a `Condvar` (to sleep until one is
//! given back).
//!
//! This version has explicit `acquire` and `release`, like Python's. Its weakness is the same as
//! Python's without `with`: a thread that returns early, or panics, between the two never gives
//! its permit back. The lesson's exercise fixes that with a permit that releases itself when
//! dropped.

use std::sync::{Condvar, Mutex, PoisonError};

// ANCHOR: semaphore
/// At most `permits` holders at a time.
#[derive(Debug)]
pub struct Semaphore {
    free: Mutex<usize>,
    released: Condvar,
}

impl Semaphore {
    /// A semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Self {
        Self {
            free: Mutex::new(permits),
            released: Condvar::new(),
        }
    }

    /// Takes a permit, waiting until one is free.
    pub fn acquire(&self) {
        let free = self.free.lock().unwrap_or_else(PoisonError::into_inner);
        let mut free = self
            .released
            .wait_while(free, |free| *free == 0)
            .unwrap_or_else(PoisonError::into_inner);
        *free -= 1;
    }

    /// Gives a permit back and wakes one waiting thread.
    pub fn release(&self) {
        *self.free.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        self.released.notify_one();
    }
}
// ANCHOR_END: semaphore

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::{Gauge, Rendezvous, within};
    use std::sync::Arc;
    use std::thread;
    use std::time::Duration;

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn the_limit_is_reached_and_never_exceeded() {
        let semaphore = Arc::new(Semaphore::new(3));
        let holders = Gauge::new();
        // The first three holders meet inside: proof that three can hold permits at once.
        let three_inside = Rendezvous::new(3, PATIENCE);
        let gauge = holders.clone();
        within(PATIENCE, "eight threads sharing three permits", move || {
            thread::scope(|scope| {
                for _ in 0..8 {
                    scope.spawn(|| {
                        semaphore.acquire();
                        let holding = gauge.enter();
                        let _ = three_inside.wait();
                        thread::yield_now();
                        drop(holding);
                        semaphore.release();
                    });
                }
            });
        });
        assert_eq!(holders.peak(), 3);
        assert_eq!(holders.total(), 8);
    }
}
