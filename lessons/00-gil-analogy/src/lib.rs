//! # Lesson 00: concurrency, parallelism, and Python's GIL
//!
//! What the tutorials mean by "the GIL", shown rather than told: a simulated interpreter whose
//! threads run Python code only while holding one lock, handed from thread to thread the way
//! CPython does it, measured next to the free-threaded build, native code that lets go of the
//! lock, and plain Rust threads.
//!
//! - [`gil`]: the lock, with CPython's forced switching, and the naive version that convoys;
//! - [`interpreter`]: interpreter threads that run in ticks while they hold it;
//! - one module per section of `cargo run -p lesson-00-gil-analogy`, in [`LESSON`]'s order.

pub mod changing;
pub mod concurrency;
pub mod gil;
pub mod interpreter;
pub mod io_waits;
pub mod not_atomic;
pub mod summing;

use std::time::Duration;

use shared::lesson::{Env, Lesson, Section};
use shared::timeline::Timeline;
use shared::timing::cores;

/// The program: its sections, in the order they run.
pub const LESSON: Lesson<Flags> = Lesson {
    package: env!("CARGO_PKG_NAME"),
    title: "Lesson 00: concurrency, parallelism, and Python's GIL",
    about: "A simulated Python interpreter whose threads run only while they hold one lock, \
            handed from thread to thread as CPython does it, measured next to the free-threaded \
            build, native code that lets go of the lock, and plain Rust threads. Timelines \
            show who ran when.",
    sections: &[
        Section {
            title: "Concurrency and parallelism",
            run: concurrency::show,
        },
        Section {
            title: "The summing loop on 1 and N threads",
            run: summing::show,
        },
        Section {
            title: "Waits overlap under the GIL",
            run: io_waits::show,
        },
        Section {
            title: "The GIL is not atomicity",
            run: not_atomic::show,
        },
        Section {
            title: "What the Python world is changing",
            run: changing::show,
        },
    ],
};

/// How section 2 runs the summing loop on several threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    /// The standard CPython build: interpreter threads take turns holding the GIL.
    Gil,
    /// The free-threaded build (PEP 703): interpreter threads without a lock.
    FreeThreaded,
    /// Under the GIL, but the heavy part runs in native code that lets go of the lock, as
    /// hashlib and numpy do.
    Native,
    /// Plain Rust threads, no interpreter: the baseline.
    Rust,
}

impl Mode {
    /// Every mode, in the order section 2 shows them.
    pub const ALL: [Mode; 4] = [Mode::Gil, Mode::FreeThreaded, Mode::Native, Mode::Rust];

    /// How the mode is named in tables.
    pub fn describe(self) -> &'static str {
        match self {
            Mode::Gil => "GIL",
            Mode::FreeThreaded => "free-threaded",
            Mode::Native => "native, lock let go",
            Mode::Rust => "Rust threads",
        }
    }
}

/// The lesson's own flags (every lesson also takes `--quick`, `--json`, `--unit-ms` and
/// `--section`).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// Threads for sections 2 and 5 [default: the number of CPUs, at least 2]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: Option<u16>,

    /// Section 2's modes, in the order given (repeat the flag for several) [default: all four]
    #[arg(long = "mode", value_name = "MODE", value_enum)]
    pub modes: Vec<Mode>,

    /// How long a thread waits for the GIL before it asks the holder to let go, like
    /// `sys.setswitchinterval()` [default: 5, CPython's]
    #[arg(long, value_name = "MS", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub switch_interval_ms: u64,

    /// Iterations of the summing loop in sections 1, 2 and 5 [default: 2000000, or 300000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1_000..=100_000_000))]
    pub iterations: Option<u64>,

    /// `counter += 1` per thread in section 4 [default: 200000, or 50000 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub increments: Option<u64>,
}

impl shared::lesson::Flags for Flags {}

impl Flags {
    /// The threads of sections 2 and 5: at least two, or there is nothing to compare.
    pub fn threads(&self) -> usize {
        self.threads.map_or_else(|| cores().max(2), usize::from)
    }

    /// Section 2's modes.
    pub fn modes(&self) -> Vec<Mode> {
        let mut modes = Vec::new();
        for &mode in if self.modes.is_empty() {
            &Mode::ALL[..]
        } else {
            &self.modes
        } {
            if !modes.contains(&mode) {
                modes.push(mode);
            }
        }
        modes
    }

    /// The switch interval.
    pub fn switch_interval(&self) -> Duration {
        Duration::from_millis(self.switch_interval_ms)
    }

    /// The summing loop's size.
    pub fn iterations(&self, env: &Env) -> u64 {
        self.iterations.unwrap_or(env.size(2_000_000, 300_000))
    }

    /// Section 4's increments per thread.
    pub fn increments(&self, env: &Env) -> u64 {
        self.increments.unwrap_or(env.size(200_000, 50_000))
    }
}

/// Measures `work` by the course's rule (see [`Env::measure`]), giving each run a fresh
/// timeline; returns the median wall time and the last run's timeline.
pub fn measure_traced(env: &Env, mut work: impl FnMut(&Timeline)) -> (Duration, Timeline) {
    let mut last = Timeline::new();
    let samples = env.measure(|| {
        last = Timeline::new();
        work(&last);
    });
    (samples.median(), last)
}
