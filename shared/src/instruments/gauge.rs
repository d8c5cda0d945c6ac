//! A gauge: how much work is in flight, and the most there ever was at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts how much work is in flight right now and the most that ever was at once.
/// Cloning gives another handle to the same counts.
///
/// ```
/// let gauge = shared::instruments::Gauge::new();
/// let first = gauge.enter();
/// let second = gauge.enter();
/// drop((first, second));
/// assert_eq!((gauge.current(), gauge.peak(), gauge.total()), (0, 2, 2));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Gauge {
    counts: Arc<Counts>,
}

#[derive(Debug, Default)]
struct Counts {
    current: AtomicUsize,
    peak: AtomicUsize,
    total: AtomicUsize,
}

impl Gauge {
    /// A gauge at zero.
    pub fn new() -> Self {
        Self::default()
    }

    // ANCHOR: gauge
    /// Counts one more piece of work in flight until the guard is dropped.
    pub fn enter(&self) -> GaugeGuard {
        let now = self.counts.current.fetch_add(1, Ordering::SeqCst) + 1;
        self.counts.peak.fetch_max(now, Ordering::SeqCst);
        self.counts.total.fetch_add(1, Ordering::SeqCst);
        GaugeGuard {
            counts: Arc::clone(&self.counts),
        }
    }
    // ANCHOR_END: gauge

    /// Work in flight right now.
    pub fn current(&self) -> usize {
        self.counts.current.load(Ordering::SeqCst)
    }

    /// The most work that was ever in flight at once.
    pub fn peak(&self) -> usize {
        self.counts.peak.load(Ordering::SeqCst)
    }

    /// How many times [`Gauge::enter`] was called.
    pub fn total(&self) -> usize {
        self.counts.total.load(Ordering::SeqCst)
    }

    /// Forgets the peak (sets it to what is in flight now), to measure a new phase.
    pub fn reset_peak(&self) {
        self.counts.peak.store(self.current(), Ordering::SeqCst);
    }
}

/// One unit of work counted by a [`Gauge`]; leaves the gauge when dropped.
#[derive(Debug)]
#[must_use = "the work leaves the gauge when this guard is dropped"]
pub struct GaugeGuard {
    counts: Arc<Counts>,
}

// ANCHOR: gauge_guard
impl Drop for GaugeGuard {
    fn drop(&mut self) {
        self.counts.current.fetch_sub(1, Ordering::SeqCst);
    }
}
// ANCHOR_END: gauge_guard

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instruments::Rendezvous;
    use std::time::Duration;

    #[test]
    fn tracks_current_peak_and_total() {
        let gauge = Gauge::new();
        let a = gauge.enter();
        let b = gauge.enter();
        assert_eq!((gauge.current(), gauge.peak()), (2, 2));
        drop(a);
        let _c = gauge.enter();
        drop(b);
        assert_eq!((gauge.current(), gauge.peak(), gauge.total()), (1, 2, 3));
        gauge.reset_peak();
        assert_eq!(gauge.peak(), 1);
    }

    #[test]
    fn sees_threads_that_overlap() {
        let gauge = Gauge::new();
        let meet = Rendezvous::new(4, Duration::from_secs(10));
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    let _in_flight = gauge.enter();
                    meet.wait().unwrap();
                });
            }
        });
        assert_eq!((gauge.peak(), gauge.current()), (4, 0));
    }
}
