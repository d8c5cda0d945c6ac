//! Section 6: memory ordering on one page.
//!
//! - A counter needs only `Relaxed`: every operation on one atomic takes its turn in a single
//!   order all threads agree on, whatever the ordering argument, so no increment is lost.
//! - Publishing data through a flag needs a pair: the writer stores the flag with `Release`,
//!   the reader loads it with `Acquire`. A reader whose `Acquire` load sees the flag then also
//!   sees everything the writer wrote before its `Release` store. With `Relaxed` there is no
//!   such promise: the compiler may reorder the stores, and a weakly ordered processor (ARM)
//!   may make them visible in another order. x86 happens to keep stores in order, so the
//!   mistake never shows there: only a model checker, which reasons from the rules rather than
//!   the hardware, finds it on every machine.
//! - One-time initialisation is `OnceLock`: every thread calls `get_or_init`, exactly one
//!   initialiser runs, and the others wait for it.

use std::hint::spin_loop;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::thread;

use shared::instruments::Rendezvous;
use shared::lesson::Env;
use shared::report::{Record, Report};

use crate::{Flags, PATIENCE};

// ANCHOR: relaxed_counter
/// `threads` threads each count `increments` events with a `Relaxed` `fetch_add`.
pub fn relaxed_counter(threads: usize, increments: u64) -> u64 {
    let events = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..increments {
                    events.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    events.into_inner()
}
// ANCHOR_END: relaxed_counter

// ANCHOR: publish
/// A value handed from one thread to another through a flag, round after round.
#[derive(Debug, Default)]
pub struct Mailbox {
    data: AtomicU64,
    /// The round whose data is ready.
    ready: AtomicU64,
    /// The round the reader has taken.
    taken: AtomicU64,
}

impl Mailbox {
    /// Writes `value` for `round`, then raises the flag with `publish` ordering.
    pub fn send(&self, round: u64, value: u64, publish: Ordering) {
        self.data.store(value, Ordering::Relaxed);
        self.ready.store(round, publish);
    }

    /// Waits for the flag to say `round` (loaded with `observe` ordering), then reads the data.
    pub fn receive(&self, round: u64, observe: Ordering) -> u64 {
        while self.ready.load(observe) != round {
            spin_loop();
        }
        let value = self.data.load(Ordering::Relaxed);
        self.taken.store(round, Ordering::Release);
        value
    }

    /// Waits until the reader has taken `round`.
    pub fn wait_taken(&self, round: u64) {
        while self.taken.load(Ordering::Acquire) != round {
            spin_loop();
        }
    }
}

/// `rounds` values sent through a mailbox whose flag is stored with `publish` and loaded with
/// `observe`; returns how many times the reader saw the flag but not the data written before it.
pub fn stale_reads(rounds: u64, publish: Ordering, observe: Ordering) -> u64 {
    let mailbox = Mailbox::default();
    thread::scope(|scope| {
        scope.spawn(|| {
            for round in 1..=rounds {
                mailbox.send(round, round * 7, publish);
                mailbox.wait_taken(round);
            }
        });
        (1..=rounds)
            .filter(|&round| mailbox.receive(round, observe) != round * 7)
            .count() as u64
    })
}
// ANCHOR_END: publish

// ANCHOR: once
/// `threads` threads ask one `OnceLock` for its value at the same moment; returns how many
/// times the initialiser ran, and whether everyone got the same value.
pub fn initialise_once(threads: usize) -> (usize, bool) {
    let config: OnceLock<String> = OnceLock::new();
    let initialisations = AtomicUsize::new(0);
    let start = Rendezvous::new(threads, PATIENCE);
    let values: Vec<&String> = thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    start.wait().expect("the threads start together");
                    config.get_or_init(|| {
                        initialisations.fetch_add(1, Ordering::Relaxed);
                        "loaded once".to_string()
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic"))
            .collect()
    });
    let same = values.iter().all(|v| std::ptr::eq(*v, values[0]));
    (initialisations.into_inner(), same)
}
// ANCHOR_END: once

/// Section 6 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (threads, increments) = (flags.threads(), flags.increments);
    let rounds = env.size(100_000, 10_000);
    report.say(&format!(
        "Three uses of atomics, each with the ordering it needs. A Relaxed counter on \
         {threads} threads; {rounds} values handed from one thread to another through a flag, \
         with Release/Acquire and then with Relaxed; and a OnceLock asked by {threads} threads \
         at once. This machine is {}.",
        std::env::consts::ARCH
    ));
    let counted = relaxed_counter(threads, increments);
    let right = stale_reads(rounds, Ordering::Release, Ordering::Acquire);
    let relaxed = stale_reads(rounds, Ordering::Relaxed, Ordering::Relaxed);
    let (initialisations, same) = initialise_once(threads);
    report.results(&[Record::new("Relaxed fetch_add counter")
        .count("expected", threads as u64 * increments)
        .count("got", counted)]);
    report.results(&[
        Record::new("flag with Release / Acquire")
            .count("values", rounds)
            .count("stale_reads", right),
        Record::new("flag with Relaxed (wrong)")
            .count("values", rounds)
            .count("stale_reads", relaxed),
    ]);
    report.results(&[
        Record::new(format!("OnceLock::get_or_init, {threads} threads"))
            .count("initialisations", initialisations as u64)
            .text("same_value", if same { "yes" } else { "no" }),
    ]);
    report.say(
        "The Relaxed flag read no stale value here, and on x86 it never will: its stores \
         become visible in program order. That proves nothing about ARM, or about what the \
         compiler may reorder. The exercises' publish test runs under the model checker, which \
         finds the reader that sees the flag and still the old data, on any machine.",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relaxed_is_enough_for_a_counter() {
        assert_eq!(relaxed_counter(4, 10_000), 40_000);
    }

    #[test]
    fn release_and_acquire_publish_every_value() {
        assert_eq!(stale_reads(10_000, Ordering::Release, Ordering::Acquire), 0);
    }

    #[test]
    fn once_lock_initialises_once() {
        assert_eq!(initialise_once(4), (1, true));
    }
}
