//! Section 3: the fixes, and what each costs. Four ways to count `threads × increments` right:
//!
//! - a `Mutex<u64>` locked for every increment (Python's `with lock: counter += 1`);
//! - `AtomicU64::fetch_add`, one indivisible read-add-write;
//! - a local sum per thread, added up after `join`: nothing shared until the end;
//! - rayon's `reduce`, which does the same over its own pool of threads.
//!
//! All four are exact. The first two make every increment a trip through one shared cache
//! line that the cores pass back and forth; the last two share nothing while they count.

use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;

use rayon::prelude::*;
use shared::lesson::Env;
use shared::report::{Record, Report};

use crate::Flags;

// ANCHOR: mutex
/// Every increment takes the lock.
pub fn with_mutex(threads: usize, increments: u64) -> u64 {
    let counter = Mutex::new(0u64);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..increments {
                    *counter.lock().unwrap_or_else(PoisonError::into_inner) += black_box(1);
                }
            });
        }
    });
    counter.into_inner().unwrap_or_else(PoisonError::into_inner)
}
// ANCHOR_END: mutex

// ANCHOR: fetch_add
/// Every increment is one atomic read-add-write.
pub fn with_fetch_add(threads: usize, increments: u64) -> u64 {
    let counter = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..increments {
                    counter.fetch_add(black_box(1), Ordering::Relaxed);
                }
            });
        }
    });
    counter.into_inner()
}
// ANCHOR_END: fetch_add

// ANCHOR: local_sums
/// Each thread counts on its own; the sums meet once, through `join`.
pub fn with_local_sums(threads: usize, increments: u64) -> u64 {
    thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut sum = 0u64;
                    for _ in 0..increments {
                        sum += black_box(1);
                    }
                    sum
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a counting thread panicked"))
            .sum()
    })
}
// ANCHOR_END: local_sums

// ANCHOR: rayon
/// rayon splits the range over its pool (one thread per core) and reduces the pieces' sums.
pub fn with_rayon(threads: usize, increments: u64) -> u64 {
    (0..threads as u64 * increments)
        .into_par_iter()
        .map(|_| black_box(1u64))
        .reduce(|| 0, |a, b| a + b)
}
// ANCHOR_END: rayon

/// A way to count, and its name in the table.
pub type Fix = (&'static str, fn(usize, u64) -> u64);

/// The four fixes, in the order the table lists them.
pub const FIXES: [Fix; 4] = [
    ("Mutex per increment", with_mutex),
    ("fetch_add (Relaxed)", with_fetch_add),
    ("per-thread sums, joined", with_local_sums),
    ("rayon reduce", with_rayon),
];

/// Section 3 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (threads, increments) = (flags.threads(), flags.increments);
    let expected = threads as u64 * increments;
    report.say(&format!(
        "The same {expected} increments ({threads} threads × {increments}), counted four \
         correct ways. {} Ratios are against the fastest.",
        env.how_measured()
    ));
    let mut rows = Vec::new();
    for (name, count) in FIXES {
        let got = count(threads, increments);
        let wall = env.measure(|| count(threads, increments)).median();
        rows.push((name, got, wall));
    }
    let fastest = rows
        .iter()
        .map(|(_, _, wall)| *wall)
        .min()
        .unwrap_or_default();
    let records: Vec<Record> = rows
        .iter()
        .map(|&(name, got, wall)| {
            Record::new(name)
                .count("got", got)
                .text("exact", if got == expected { "yes" } else { "NO" })
                .wall(wall)
                .ratio("vs_fastest", shared::timing::speedup(wall, fastest))
                .text(
                    "ns_per_increment",
                    format!("{:.2}", wall.as_secs_f64() * 1e9 / expected.max(1) as f64),
                )
        })
        .collect();
    report.results(&records);
    report.say(
        "All four are exact. A Mutex or an atomic makes every increment a visit to one shared \
         memory location that the cores hand back and forth; the per-thread sums share \
         nothing until the end, so the threads run at full speed. Not sharing is the fastest \
         fix.",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fix_is_exact() {
        for (name, count) in FIXES {
            assert_eq!(count(4, 10_000), 40_000, "{name}");
        }
    }
}
