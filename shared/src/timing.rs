//! Measuring: a stopwatch, repeated runs summarised by their median, and the two ratios every
//! lesson reports, speedup and parallel efficiency.
//!
//! Absolute times depend on the machine and on whatever else it is doing; ratios measured in
//! one run are far more stable, so lessons print both and the book quotes the ratios.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// A started clock. `Instant` is monotonic, so a clock change cannot make a run look negative.
#[derive(Debug, Clone, Copy)]
pub struct Stopwatch {
    started: Instant,
}

impl Stopwatch {
    /// Starts timing now.
    pub fn start() -> Self {
        Self {
            started: Instant::now(),
        }
    }

    /// Time since [`Stopwatch::start`].
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// Runs `work` once and returns its result with the wall time it took.
pub fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let clock = Stopwatch::start();
    let value = work();
    (value, clock.elapsed())
}

/// The wall times of several runs of the same work.
#[derive(Debug, Clone, PartialEq)]
pub struct Samples {
    runs: Vec<Duration>,
}

impl Samples {
    /// Wraps already-measured durations. Panics if `runs` is empty: a summary of nothing is a bug.
    pub fn new(mut runs: Vec<Duration>) -> Self {
        assert!(!runs.is_empty(), "Samples needs at least one run");
        runs.sort();
        Self { runs }
    }

    /// The middle run (the mean of the two middle runs for an even count). Unlike the mean,
    /// one run disturbed by another program does not move it.
    pub fn median(&self) -> Duration {
        let n = self.runs.len();
        if n % 2 == 1 {
            self.runs[n / 2]
        } else {
            (self.runs[n / 2 - 1] + self.runs[n / 2]) / 2
        }
    }

    /// The fastest run.
    pub fn min(&self) -> Duration {
        self.runs[0]
    }

    /// The slowest run.
    pub fn max(&self) -> Duration {
        self.runs[self.runs.len() - 1]
    }

    /// How many runs were measured.
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// Always false: [`Samples::new`] refuses an empty list.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }
}

/// Runs `work` `runs` times (at least once) and returns the samples. The result of each run goes
/// through [`black_box`], so the optimiser cannot delete work whose result nobody reads.
pub fn measure<T>(runs: usize, mut work: impl FnMut() -> T) -> Samples {
    let runs = (0..runs.max(1))
        .map(|_| {
            let (value, took) = timed(&mut work);
            black_box(value);
            took
        })
        .collect();
    Samples::new(runs)
}

/// How many times faster `faster` is than `baseline`: 2.0 means half the wall time.
pub fn speedup(baseline: Duration, faster: Duration) -> f64 {
    baseline.as_secs_f64() / faster.as_secs_f64().max(f64::MIN_POSITIVE)
}

/// Parallel efficiency: the speedup per worker. 1.0 means every worker was fully used;
/// 0.5 on two workers means the second one bought nothing.
pub fn efficiency(speedup: f64, workers: usize) -> f64 {
    speedup / workers.max(1) as f64
}

/// How much longer `total` took than `longest`, the ideal for fully overlapped waits:
/// 1.0 is perfect overlap, 2.0 means as long as two waits back to back.
pub fn overlap_ratio(total: Duration, longest: Duration) -> f64 {
    total.as_secs_f64() / longest.as_secs_f64().max(f64::MIN_POSITIVE)
}

/// The number of CPUs this process may run on (affinity and, on Linux, cgroup quotas included),
/// or 1 if the system will not say. This is the ceiling for any CPU-bound speedup.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// A duration in the unit a person reads most easily: `95 ns`, `850 µs`, `12.3 ms`, `1.52 s`.
pub fn human(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs >= 1.0 {
        format!("{secs:.2} s")
    } else if secs >= 0.01 {
        format!("{:.0} ms", secs * 1e3)
    } else if secs >= 0.001 {
        format!("{:.1} ms", secs * 1e3)
    } else if secs >= 1e-6 {
        format!("{:.0} µs", secs * 1e6)
    } else {
        format!("{} ns", duration.as_nanos())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn median_ignores_one_disturbed_run() {
        let samples = Samples::new(vec![ms(10), ms(900), ms(11), ms(12), ms(10)]);
        assert_eq!(samples.median(), ms(11));
        assert_eq!(samples.min(), ms(10));
        assert_eq!(samples.max(), ms(900));
    }

    #[test]
    fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(
            Samples::new(vec![ms(4), ms(1), ms(2), ms(3)]).median(),
            Duration::from_micros(2500)
        );
    }

    #[test]
    fn measure_runs_the_work_the_requested_number_of_times() {
        let mut calls = 0;
        let samples = measure(5, || calls += 1);
        assert_eq!((calls, samples.len()), (5, 5));
        assert_eq!(measure(0, || ()).len(), 1, "zero runs still measure once");
    }

    #[test]
    fn ratios() {
        assert!((speedup(ms(300), ms(100)) - 3.0).abs() < 1e-9);
        assert_eq!(efficiency(3.0, 4), 0.75);
        assert!((overlap_ratio(ms(220), ms(200)) - 1.1).abs() < 1e-9);
        assert!(speedup(ms(1), Duration::ZERO).is_finite());
    }

    #[test]
    fn human_durations() {
        assert_eq!(human(Duration::from_nanos(95)), "95 ns");
        assert_eq!(human(Duration::from_micros(850)), "850 µs");
        assert_eq!(human(Duration::from_micros(2_340)), "2.3 ms");
        assert_eq!(human(ms(123)), "123 ms");
        assert_eq!(human(ms(1_520)), "1.52 s");
    }
}
