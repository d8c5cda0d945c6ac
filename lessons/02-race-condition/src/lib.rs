//! # Lesson 02: race conditions
//!
//! Python's shared counter, done in Rust: the literal translation the compiler refuses, the
//! races it cannot refuse (lost updates, check-then-act), the fixes and what each costs, a
//! deadlock detected without hanging, and memory ordering on one page.
//!
//! Each module is one idea: the functions the book quotes, then `show`, which runs them as one
//! numbered section of `cargo run -p lesson-02-race-condition`. [`LESSON`] lists the sections.

pub mod check_then_act;
pub mod deadlock;
pub mod fixes;
pub mod lost_updates;
pub mod ordering;
pub mod refused;

use std::time::Duration;

use shared::lesson::{Env, Lesson, Section};

/// The program: its sections, in the order they run.
pub const LESSON: Lesson<Flags> = Lesson {
    package: env!("CARGO_PKG_NAME"),
    title: "Lesson 02: race conditions",
    about: "Python's shared counter, done in Rust. The compiler refuses the data race; the race \
            conditions it cannot see lose updates and overdraw accounts, and each fix has a \
            price. Every section says what is about to happen, runs it, and shows what it \
            measured.",
    sections: &[
        Section {
            title: "The Python counter, translated literally, does not compile",
            run: refused::show,
        },
        Section {
            title: "Lost updates that safe Rust allows",
            run: lost_updates::show,
        },
        Section {
            title: "The fixes, and what each costs",
            run: fixes::show,
        },
        Section {
            title: "Check, then act",
            run: check_then_act::show,
        },
        Section {
            title: "Deadlock: two locks in opposite orders",
            run: deadlock::show,
        },
        Section {
            title: "Memory ordering on one page",
            run: ordering::show,
        },
    ],
};

/// How long the lesson's threads wait for each other at a barrier before it counts as broken.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// The lesson's own flags (every lesson also takes `--quick`, `--json`, `--unit-ms` and
/// `--section`).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// Threads incrementing the counter in sections 2, 3 and 6
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(2..=64))]
    pub threads: u16,

    /// Increments per thread in sections 3 and 6; section 2 races a tenth of it, then longer runs
    #[arg(long, value_name = "N", default_value_t = 1_000_000, value_parser = clap::value_parser!(u64).range(1_000..=10_000_000))]
    pub increments: u64,

    /// Rounds of each race in section 2 [default: 5, or 3 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=100))]
    pub rounds: Option<u16>,
}

impl shared::lesson::Flags for Flags {}

impl Flags {
    /// Threads for sections 2, 3 and 6.
    pub fn threads(&self) -> usize {
        usize::from(self.threads)
    }

    /// Section 2's rounds.
    pub fn rounds(&self, env: &Env) -> usize {
        self.rounds.map_or(env.size(5, 3), usize::from)
    }
}
