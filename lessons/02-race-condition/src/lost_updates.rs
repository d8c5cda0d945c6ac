//! Section 2: lost updates that safe Rust allows. A data race does not compile, but a *race
//! condition* does: each step below is atomic or locked, and the steps together are not.
//!
//! - load, then store, on an atomic: two threads load 7, both store 8;
//! - a lock to read, and another lock to write: between the two the lock is free.
//!
//! Every round starts all threads at the same moment (a barrier), so they really overlap: in
//! the seeds' version, ten threads of 1000 increments each finish one after another and never
//! lose a thing, which proves nothing.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;

use shared::instruments::RoundBarrier;
use shared::lesson::Env;
use shared::report::{Record, Report};

use crate::{Flags, PATIENCE};

/// A counter that several threads add to, one of the two racy ways.
pub trait RacyCounter: Sync {
    /// What the race is, in a few words.
    fn name(&self) -> &'static str;
    /// Adds 1, `times` times.
    fn add(&self, times: u64);
    /// The count now.
    fn get(&self) -> u64;
    /// Back to 0.
    fn reset(&self);
}

// ANCHOR: load_then_store
/// Loads, then stores: each operation is atomic, the pair is not.
#[derive(Debug, Default)]
pub struct LoadThenStore(AtomicU64);

impl RacyCounter for LoadThenStore {
    fn name(&self) -> &'static str {
        "atomic load, then store"
    }

    fn add(&self, times: u64) {
        for _ in 0..times {
            let seen = self.0.load(Ordering::Relaxed);
            // Another thread may load the same value here, and both store seen + 1.
            self.0.store(seen + 1, Ordering::Relaxed);
        }
    }

    fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn reset(&self) {
        self.0.store(0, Ordering::Relaxed);
    }
}
// ANCHOR_END: load_then_store

// ANCHOR: locked_twice
/// Locks to read, unlocks, locks again to write.
#[derive(Debug, Default)]
pub struct LockedTwice(Mutex<u64>);

impl RacyCounter for LockedTwice {
    fn name(&self) -> &'static str {
        "lock to read, lock again to write"
    }

    fn add(&self, times: u64) {
        for _ in 0..times {
            let seen = *self.0.lock().unwrap_or_else(PoisonError::into_inner);
            // The guard was dropped at the end of the statement above: the lock is free.
            *self.0.lock().unwrap_or_else(PoisonError::into_inner) = seen + 1;
        }
    }

    fn get(&self) -> u64 {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn reset(&self) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = 0;
    }
}
// ANCHOR_END: locked_twice

/// One round's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    /// Increments made.
    pub expected: u64,
    /// What the counter said afterwards.
    pub got: u64,
}

impl Round {
    /// Increments that vanished.
    pub fn lost(&self) -> u64 {
        self.expected.saturating_sub(self.got)
    }
}

// ANCHOR: rounds
/// `rounds` rounds of `threads` threads adding `increments` each to `counter`. A barrier starts
/// every round: the main thread resets the counter, all meet, all add, all meet again, and the
/// main thread reads the count.
pub fn race(
    counter: &dyn RacyCounter,
    threads: usize,
    increments: u64,
    rounds: usize,
) -> anyhow::Result<Vec<Round>> {
    let barrier = RoundBarrier::new(threads + 1, PATIENCE);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..rounds {
                    if barrier.wait().is_err() {
                        return;
                    }
                    counter.add(increments);
                    if barrier.wait().is_err() {
                        return;
                    }
                }
            });
        }
        let mut results = Vec::new();
        for _ in 0..rounds {
            counter.reset();
            barrier.wait()?; // go
            barrier.wait()?; // everyone is done
            results.push(Round {
                expected: threads as u64 * increments,
                got: counter.get(),
            });
        }
        Ok(results)
    })
}
// ANCHOR_END: rounds

/// Section 2 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (threads, increments, rounds) = (flags.threads(), flags.increments, flags.rounds(env));
    report.say(&format!(
        "{threads} threads each add 1 to a shared counter {increments} times, starting together \
         at a barrier, {rounds} rounds in a row. First the counter is an AtomicU64 read with \
         load and written with store; then a Mutex<u64> locked once to read and again to \
         write. Both compile: no memory is touched unsynchronised. Both lose updates."
    ));
    let counters: [&dyn RacyCounter; 2] = [&LoadThenStore::default(), &LockedTwice::default()];
    for counter in counters {
        let results = race(counter, threads, increments, rounds)?;
        let records: Vec<Record> = results
            .iter()
            .enumerate()
            .map(|(round, result)| {
                Record::new(format!("{}, round {}", counter.name(), round + 1))
                    .count("expected", result.expected)
                    .count("got", result.got)
                    .count("lost", result.lost())
                    .metric(
                        "lost_share",
                        shared::report::Metric::Percent(
                            result.lost() as f64 / result.expected as f64,
                        ),
                    )
            })
            .collect();
        report.results(&records);
    }
    report.say(
        "Every lost update is one thread's store landing on top of another's: both read the \
         same count, both wrote it plus one. How many are lost changes from round to round. \
         The threads really run at the same time, on different cores, so the window between \
         read and write is open all the time; in CPython the GIL lets one thread run at a \
         time, and the same bug shows far less often (see the chapter).",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alone_the_racy_counters_count_right() {
        for counter in [
            &LoadThenStore::default() as &dyn RacyCounter,
            &LockedTwice::default(),
        ] {
            let rounds = race(counter, 1, 1000, 2).unwrap();
            assert_eq!(
                rounds,
                [Round {
                    expected: 1000,
                    got: 1000
                }; 2]
            );
        }
    }

    #[test]
    fn together_they_never_count_more_than_was_added() {
        // A race loses updates, or by luck none: never more than expected.
        let rounds = race(&LoadThenStore::default(), 2, 10_000, 2).unwrap();
        assert!(rounds.iter().all(|round| round.got <= round.expected));
    }
}
