//! The course's shared toolbox. Every lesson program and every test uses it, so each lesson
//! can spend its code on the idea it teaches:
//!
//! | module | for |
//! |---|---|
//! | [`lesson`] | a lesson program: its sections declared once, and the runner every `main` calls |
//! | [`cli`] | the flags every lesson shares: `--quick`, `--json`, `--unit-ms`, `--section`, `--live` |
//! | [`report`] | numbered sections, result tables, timelines, `--json` records |
//! | [`timing`] | a stopwatch, medians of repeated runs, speedup and efficiency, CPU time |
//! | [`clock`] | the monotonic clock, and a manual one that tests move by hand |
//! | [`timeline`] | spans of work from threads and tasks, drawn as a text Gantt chart |
//! | [`table`] | aligned terminal tables |
//! | [`workload`] | CPU work (primes, factorials, summing) and I/O stand-ins (waits, files) |
//! | [`http`] | clients, downloads and their outcomes, blocking and async, written once |
//! | [`tasks`] | collecting spawned tokio tasks' results in order |
//! | [`server`] | an embedded HTTP server on 127.0.0.1 with slow, sized, dripping, failing and silent routes |
//! | [`instruments`] | gauges, rendezvous, barriers, transcripts and deadline guards: proof without clocks |
//! | [`program`] | checks of a lesson program as a user runs it, for lesson tests |
//! | [`memory`] | resident memory of this process or another, to compare threads, tasks and processes |
//! | [`sync`] | std's threads, locks and atomics, or loom's under the `model` feature: code checked under every interleaving |
//! | `worker` | worker processes: this program started again in a worker role, and a ledger of them (Unix) |
//! | `shm` | atomic counters in memory shared between processes, anonymous or named (Unix) |

use std::fmt;

pub mod cli;
pub mod clock;
pub mod http;
pub mod instruments;
pub mod lesson;
pub mod memory;
pub mod program;
pub mod report;
pub mod server;
#[cfg(unix)]
pub mod shm;
pub mod sync;
pub mod table;
pub mod tasks;
pub mod timeline;
pub mod timing;
#[cfg(feature = "tls")]
pub mod tls;
#[cfg(unix)]
pub mod worker;
pub mod workload;

/// A figure this platform cannot provide, and why: returned instead of a made-up number, so a
/// lesson can print "not available here" and carry on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable {
    /// What was asked for.
    pub what: &'static str,
    /// Why there is no answer here.
    pub why: &'static str,
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not available here: {}", self.what, self.why)
    }
}

impl std::error::Error for Unavailable {}
