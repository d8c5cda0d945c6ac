//! The course's shared toolbox. Every lesson program and every test uses it, so each lesson
//! can spend its code on the idea it teaches:
//!
//! | module | for |
//! |---|---|
//! | [`timing`] | a stopwatch, medians of repeated runs, speedup and efficiency, core count |
//! | [`timeline`] | spans of work from threads and tasks, drawn as a text Gantt chart |
//! | [`report`] | numbered sections, result tables, `--json` records |
//! | [`table`] | aligned terminal tables |
//! | [`cli`] | the flags every lesson shares: `--quick`, `--json`, `--unit-ms` |
//! | [`workload`] | CPU work (primes, factorials, summing) and I/O stand-ins (waits, files) |
//! | [`http`] | describing HTTP outcomes the same way in every lesson |
//! | [`server`] | an embedded HTTP server on 127.0.0.1 with slow, sized, failing and silent routes |
//! | [`instruments`] | a gauge, a rendezvous and a timeout guard: proof of concurrency without clocks |
//! | [`program`] | checks of a lesson program as a user runs it, for lesson tests |
//! | [`memory`] | this process's resident memory, to compare threads, tasks and processes |

pub mod cli;
pub mod http;
pub mod instruments;
pub mod memory;
pub mod program;
pub mod report;
pub mod server;
pub mod table;
pub mod timeline;
pub mod timing;
#[cfg(feature = "tls")]
pub mod tls;
pub mod workload;
