//! Where "now" comes from. A [`Timeline`](crate::timeline::Timeline) reads a [`Clock`], so the
//! same chart can show spans measured on the real monotonic clock (the lesson programs) or on a
//! clock that a test moves by hand (a scheduler tested without sleeping).
//!
//! ```
//! use std::time::Duration;
//! use shared::clock::{Clock, ManualClock};
//!
//! let clock = ManualClock::new();
//! clock.advance(Duration::from_secs(2));
//! assert_eq!(clock.now(), Duration::from_secs(2));
//! ```

use std::fmt::Debug;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A source of time, read as the time elapsed since the clock's own origin.
pub trait Clock: Debug + Send + Sync {
    /// Time since this clock's origin. Never goes backwards.
    fn now(&self) -> Duration;
}

/// The system's monotonic clock (`Instant`), with its origin at creation. A change of the
/// wall-clock time (NTP, the user) cannot make it jump, which is why timers use it.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    origin: Instant,
}

impl SystemClock {
    /// A clock whose origin is now.
    pub fn new() -> Self {
        Self {
            origin: Instant::now(),
        }
    }

    /// Where `instant` falls on this clock (zero for instants before its origin).
    pub fn at(&self, instant: Instant) -> Duration {
        instant.saturating_duration_since(self.origin)
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.origin.elapsed()
    }
}

/// A clock that moves only when told to: tests advance it to make time pass exactly and
/// instantly. Cloning gives another handle to the same clock.
#[derive(Debug, Clone, Default)]
pub struct ManualClock {
    now: Arc<Mutex<Duration>>,
}

impl ManualClock {
    /// A clock standing at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: Duration) {
        *self.lock() += by;
    }

    /// Moves the clock forward to `to`; a time in the past leaves it where it is, because a
    /// clock that went backwards would break every reader's assumptions.
    pub fn advance_to(&self, to: Duration) {
        let mut now = self.lock();
        *now = (*now).max(to);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Duration> {
        self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        *self.lock()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_forward_and_only_when_told() {
        let clock = ManualClock::new();
        let other_handle = clock.clone();
        assert_eq!(clock.now(), Duration::ZERO);
        other_handle.advance(Duration::from_millis(30));
        clock.advance_to(Duration::from_millis(20));
        assert_eq!(clock.now(), Duration::from_millis(30));
        clock.advance_to(Duration::from_millis(50));
        assert_eq!(other_handle.now(), Duration::from_millis(50));
    }

    #[test]
    fn the_system_clock_counts_from_its_creation() {
        let clock = SystemClock::new();
        let earlier = clock.now();
        assert!(clock.now() >= earlier);
        assert_eq!(
            clock.at(Instant::now() - Duration::from_secs(3600)),
            Duration::ZERO
        );
    }
}
