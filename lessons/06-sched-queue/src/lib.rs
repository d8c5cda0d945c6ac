//! # Lesson 06: schedulers and queues
//!
//! Python's `sched` and `queue` modules, done in Rust: an event scheduler that behaves like
//! `sched.scheduler` event for event, a thread-safe queue in `queue.Queue`'s shape (FIFO, LIFO
//! and priority, `task_done` and `join`), producers and consumers that stop by closing a
//! channel instead of sending a sentinel, and pipelines whose bounded channels hold a fast
//! stage back to the pace of a slow one: backpressure, with threads and with tokio tasks.
//!
//! The library is [`sched`], [`queue`] and [`order`]. The other modules are the program's
//! sections: the functions the book quotes, then `show`; [`LESSON`] lists them.

pub mod async_pipeline;
pub mod order;
pub mod pipeline;
pub mod producer_consumer;
pub mod queue;
pub mod sched;
pub mod scheduling;
pub mod stage;

use shared::lesson::{Env, Lesson, Section};

/// The program: its sections, in the order they run.
pub const LESSON: Lesson<Flags> = Lesson {
    package: env!("CARGO_PKG_NAME"),
    title: "Lesson 06: schedulers and queues",
    about: "Python's sched and queue modules, done in Rust. Every section says what is about \
            to happen, runs it, and shows what it measured; timelines show what ran when.",
    sections: &[
        Section {
            title: "sched.scheduler, event for event",
            run: scheduling::show,
        },
        Section {
            title: "Producers and consumers: join, sentinels, closed channels",
            run: producer_consumer::show,
        },
        Section {
            title: "A pipeline on bounded channels: backpressure",
            run: pipeline::show,
        },
        Section {
            title: "The same pipeline on tokio tasks",
            run: async_pipeline::show,
        },
    ],
};

/// The lesson's own flags (every lesson also takes `--quick`, `--json`, `--unit-ms` and
/// `--section`).
#[derive(Debug, Clone, clap::Args)]
pub struct Flags {
    /// Items that go through the pipelines of sections 3 and 4 [default: 40, or 16 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub items: Option<u32>,

    /// Capacity of each bounded channel in sections 3 and 4
    #[arg(long, value_name = "K", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub capacity: u16,

    /// Workers in the slow middle stage of sections 3 and 4 (the fan-out)
    #[arg(long, value_name = "W", default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub workers: u16,
}

impl shared::lesson::Flags for Flags {}

impl Flags {
    /// Items for the pipelines.
    pub fn items(&self, env: &Env) -> u64 {
        self.items.map_or(env.size(40, 16), u64::from)
    }

    /// Capacity of each bounded channel.
    pub fn capacity(&self) -> usize {
        usize::from(self.capacity)
    }

    /// Workers in the pipelines' middle stage.
    pub fn workers(&self) -> usize {
        usize::from(self.workers)
    }
}
