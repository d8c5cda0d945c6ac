//! Measuring: a stopwatch, repeated runs summarised by their median, the two ratios every
//! lesson reports (speedup and parallel efficiency), and CPU time next to wall time.
//!
//! Absolute times depend on the machine and on whatever else it is doing; ratios measured in
//! one run are far more stable, so lessons print both and the book quotes the ratios.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::Unavailable;

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
    let runs = (0..runs.max(1)).map(|_| one_run(&mut work)).collect();
    Samples::new(runs)
}

fn one_run<T>(work: &mut impl FnMut() -> T) -> Duration {
    let (value, took) = timed(work);
    black_box(value);
    took
}

/// The course's one rule for how often a measurement is repeated: at least `min_runs` times,
/// and again while all the runs so far add up to less than `budget`, but never more than
/// `max_runs` times. Slow work is measured a few times, quick work many times, and every
/// lesson reports the median.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeat {
    /// The fewest runs.
    pub min_runs: usize,
    /// Keep repeating while the runs so far took less than this in all.
    pub budget: Duration,
    /// The most runs.
    pub max_runs: usize,
}

impl Repeat {
    /// A normal lesson run: at least 3 runs, more until 0.3 s of work, at most 51.
    pub const NORMAL: Self = Self {
        min_runs: 3,
        budget: Duration::from_millis(300),
        max_runs: 51,
    };

    /// `--quick`: one run.
    pub const QUICK: Self = Self {
        min_runs: 1,
        budget: Duration::ZERO,
        max_runs: 1,
    };

    /// Measures `work` under this rule. See [`measure`] about `black_box`.
    pub fn measure<T>(&self, mut work: impl FnMut() -> T) -> Samples {
        let mut runs = Vec::new();
        let mut total = Duration::ZERO;
        while runs.len() < self.max_runs.max(1)
            && (runs.len() < self.min_runs.max(1) || total < self.budget)
        {
            let took = one_run(&mut work);
            total += took;
            runs.push(took);
        }
        Samples::new(runs)
    }
}

/// How many times faster `faster` is than `baseline`: 2.0 means half the wall time.
pub fn speedup(baseline: Duration, faster: Duration) -> f64 {
    baseline.as_secs_f64() / faster.as_secs_f64().max(f64::MIN_POSITIVE)
}

// ANCHOR: efficiency
/// Parallel efficiency: the speedup divided by the number of workers that can really run at
/// once, min(workers, cores). 1.0 means every one of them was fully used; 0.5 on two means
/// the second bought nothing. Four threads on two cores can reach at most 2×, so their
/// efficiency is measured against 2, not 4. The course uses this one definition everywhere.
pub fn efficiency(speedup: f64, workers: usize) -> f64 {
    speedup / workers.min(cores()).max(1) as f64
}
// ANCHOR_END: efficiency

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

/// The CPU time the calling thread has used so far: time spent running, not waiting. Next to
/// wall time it shows whether a thread worked or sat idle (waiting for a lock, say).
pub fn thread_cpu_time() -> Result<Duration, Unavailable> {
    cpu_clock::read(cpu_clock::Which::Thread)
}

/// The CPU time the whole process (all its threads) has used so far. On two busy cores it
/// grows at twice the speed of the wall clock.
pub fn process_cpu_time() -> Result<Duration, Unavailable> {
    cpu_clock::read(cpu_clock::Which::Process)
}

#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos"))]
mod cpu_clock {
    use super::*;
    use nix::time::{ClockId, clock_gettime};

    pub enum Which {
        Thread,
        Process,
    }

    pub fn read(which: Which) -> Result<Duration, Unavailable> {
        let id = match which {
            Which::Thread => ClockId::CLOCK_THREAD_CPUTIME_ID,
            Which::Process => ClockId::CLOCK_PROCESS_CPUTIME_ID,
        };
        let spec = clock_gettime(id).map_err(|_| Unavailable {
            what: "CPU time",
            why: "the system refused to read its CPU-time clock",
        })?;
        Ok(Duration::new(
            u64::try_from(spec.tv_sec()).unwrap_or(0),
            u32::try_from(spec.tv_nsec()).unwrap_or(0),
        ))
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_os = "macos")))]
mod cpu_clock {
    use super::*;

    pub enum Which {
        Thread,
        Process,
    }

    pub fn read(_: Which) -> Result<Duration, Unavailable> {
        Err(Unavailable {
            what: "CPU time",
            why: "the course reads it with clock_gettime, which this platform lacks",
        })
    }
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
    fn repeat_runs_slow_work_few_times_and_quick_work_many_times() {
        let rule = Repeat {
            min_runs: 3,
            budget: ms(20),
            max_runs: 10,
        };
        assert_eq!(rule.measure(|| std::thread::sleep(ms(15))).len(), 3);
        assert_eq!(rule.measure(|| 1 + 1).len(), 10);
        let mut calls = 0;
        assert_eq!(Repeat::QUICK.measure(|| calls += 1).len(), 1);
        assert_eq!(calls, 1);
    }

    #[test]
    fn cpu_time_grows_with_work_not_with_waiting() {
        let (Ok(before), Ok(_)) = (thread_cpu_time(), process_cpu_time()) else {
            return; // the platform has no CPU-time clock; the functions said so
        };
        std::thread::sleep(ms(30));
        let after_waiting = thread_cpu_time().unwrap();
        crate::workload::cpu::count_primes_below(200_000);
        let after_working = thread_cpu_time().unwrap();
        assert!(after_working > after_waiting && after_waiting >= before);
        assert!(after_waiting - before < ms(30), "sleeping is not CPU time");
    }

    #[test]
    fn ratios() {
        assert!((speedup(ms(300), ms(100)) - 3.0).abs() < 1e-9);
        assert_eq!(efficiency(0.9, 1), 0.9, "one worker always has a core");
        let usable = cores().min(64) as f64;
        assert_eq!(
            efficiency(usable, 64),
            1.0,
            "workers beyond the cores do not count"
        );
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
