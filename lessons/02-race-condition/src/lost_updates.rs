//! Section 2: lost updates that safe Rust allows. A data race does not compile, but a *race
//! condition* does: each step below is atomic or locked, and the steps together are not.
//!
//! - load, then store, on an atomic: two threads load 7, both store 8;
//! - a lock to read, and another lock to write: between the two the lock is free.
//!
//! Every round starts all threads at the same moment (a barrier), so they really overlap: in
//! the usual tutorial's version, ten threads of 1000 increments each finish one after another and never
//! lose a thing, which proves nothing.

use std::hint::black_box;
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
    /// How many increments per thread make a loop of this kind last some tens of
    /// milliseconds, longer than the time slices a busy machine hands out, given the
    /// program's `--increments`.
    fn long_run(&self, increments: u64) -> u64;
}

// ANCHOR: load_then_store
/// Adds 1, `times` times, with a load and then a store: each is atomic, the pair is not.
pub fn add_load_then_store(counter: &AtomicU64, times: u64) {
    for _ in 0..times {
        let seen = black_box(counter.load(Ordering::Relaxed));
        // Another thread may load the same value here, and both store seen + 1.
        counter.store(seen + 1, Ordering::Relaxed);
    }
}
// ANCHOR_END: load_then_store

// ANCHOR: locked_twice
/// Adds 1, `times` times, locking once to read and again to write.
pub fn add_locked_twice(counter: &Mutex<u64>, times: u64) {
    for _ in 0..times {
        let seen = *counter.lock().unwrap_or_else(PoisonError::into_inner);
        // The guard was dropped at the end of the statement above: the lock is free here.
        *counter.lock().unwrap_or_else(PoisonError::into_inner) = seen + 1;
    }
}
// ANCHOR_END: locked_twice

/// [`add_load_then_store`] on a counter of its own. (`black_box` there stands for any work
/// between the read and the write. Without it the optimiser fuses the pair into one x86 `inc`
/// instruction: still racy between two cores, but never split by a thread switch, so the race
/// would hide on a busy machine whose threads take turns on one core.)
#[derive(Debug, Default)]
pub struct LoadThenStore(AtomicU64);

impl RacyCounter for LoadThenStore {
    fn name(&self) -> &'static str {
        "atomic load, then store"
    }

    fn add(&self, times: u64) {
        add_load_then_store(&self.0, times);
    }

    fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn reset(&self) {
        self.0.store(0, Ordering::Relaxed);
    }

    fn long_run(&self, increments: u64) -> u64 {
        // About ten times faster per increment than locking twice.
        increments * 10
    }
}

/// [`add_locked_twice`] on a counter of its own.
#[derive(Debug, Default)]
pub struct LockedTwice(Mutex<u64>);

impl RacyCounter for LockedTwice {
    fn name(&self) -> &'static str {
        "lock to read, lock again to write"
    }

    fn add(&self, times: u64) {
        add_locked_twice(&self.0, times);
    }

    fn get(&self) -> u64 {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn reset(&self) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = 0;
    }

    fn long_run(&self, increments: u64) -> u64 {
        increments
    }
}

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

/// One race at one size, summarised over its rounds.
fn summary(counter: &dyn RacyCounter, threads: usize, increments: u64, rounds: &[Round]) -> Record {
    let lost: Vec<String> = rounds
        .iter()
        .map(|round| round.lost().to_string())
        .collect();
    let losing = rounds.iter().filter(|round| round.lost() > 0).count();
    Record::new(format!("{}, {threads} × {increments}", counter.name()))
        .text("lost_in_each_round", lost.join(", "))
        .text("rounds_losing", format!("{losing} of {}", rounds.len()))
}

/// Section 2 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (threads, increments, rounds) = (flags.threads(), flags.increments, flags.rounds(env));
    let short = (increments / 10).max(1);
    report.say(&format!(
        "{threads} threads each add 1 to a shared counter, starting together at a barrier, \
         {rounds} rounds in a row: first {short} times each, then long enough to take tens of \
         milliseconds ({} times for the atomic, {increments} for the lock). The \
         counter is an AtomicU64 read with load and written with store, then a Mutex<u64> \
         locked once to read and again to write. Both compile: no memory is touched \
         unsynchronised. Both are wrong.",
        increments * 10
    ));
    let counters: [&dyn RacyCounter; 2] = [&LoadThenStore::default(), &LockedTwice::default()];
    let mut records = Vec::new();
    for counter in counters {
        for each in [short, counter.long_run(increments)] {
            let results = race(counter, threads, each, rounds)?;
            records.push(summary(counter, threads, each, &results));
        }
    }
    report.results(&records);
    report.say(
        "Every lost update is one thread's store landing on top of another's: both read the \
         same count, both wrote it plus one. A loop that is over before the other threads are \
         awake loses nothing: a barrier's threads wake microseconds apart, and a short loop \
         may finish in that time. A loss of a whole thread's work at once (exactly the short \
         size, or a multiple of it) is one thread that read the counter, was held up while \
         another ran its entire loop, then wrote its stale value over all of it. The longer \
         loops have far more chances to overlap. A race needs overlap: a test whose threads \
         never overlap proves nothing.",
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
