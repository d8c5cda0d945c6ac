//! Section 1: spawn, join, and getting results back, on CPU-bound work.
//!
//! In the standard CPython build, threads cannot speed up pure-Python arithmetic: the global
//! interpreter lock lets one of them run Python code at a time (the free-threaded build, opt-in
//! since 3.13, removes that lock: PEP 703, PEP 779). Rust threads have no such lock, so counting
//! primes on N threads takes about 1/N of the time, up to the number of cores. Four ways to hand
//! the work out and the results back:
//!
//! - [`count_in_equal_ranges`]: `thread::spawn` per range, results through `JoinHandle`s;
//! - [`count_in_dealt_chunks`]: the same, with small chunks dealt out like cards, so every
//!   thread gets a fair share of the expensive large numbers;
//! - [`count_with_scoped_threads`]: `thread::scope`, where threads borrow local variables;
//! - [`count_into_shared_map`]: every thread writes into one locked map, as Python code does
//!   with a shared dict.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::cores;
use shared::workload::cpu::{count_primes, split};

use crate::Flags;

/// How many chunks each thread gets when work is dealt out in chunks.
pub const CHUNKS_PER_THREAD: usize = 16;

/// The baseline: every number on this thread.
pub fn count_sequential(limit: u64) -> u64 {
    count_primes(0..limit)
}

// ANCHOR: equal_ranges
/// One range per thread, `0..limit` cut into equal pieces. Each thread's count comes back
/// through its `JoinHandle`: no shared state, no lock.
pub fn count_in_equal_ranges(limit: u64, threads: usize, timeline: &Timeline) -> u64 {
    let handles: Vec<JoinHandle<u64>> = split(0..limit, threads)
        .into_iter()
        .enumerate()
        .map(|(t, range)| {
            let timeline = timeline.clone();
            // `move`: the thread may outlive this function, so it must own what it uses.
            thread::spawn(move || {
                let _span = timeline.span(format!("thread {t}"), "range");
                count_primes(range)
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a counting thread panicked"))
        .sum()
}
// ANCHOR_END: equal_ranges

/// The chunks that thread `t` of `threads` takes when `chunks` are dealt out like cards.
pub fn dealt(chunks: &[Range<u64>], t: usize, threads: usize) -> impl Iterator<Item = Range<u64>> {
    chunks.iter().skip(t).step_by(threads).cloned()
}

/// Small chunks dealt round-robin: thread `t` takes chunks `t`, `t + threads`, … Trial division
/// costs more for larger numbers, so equal ranges leave the low-range threads idle at the end;
/// dealt chunks give every thread a similar mix.
pub fn count_in_dealt_chunks(limit: u64, threads: usize, timeline: &Timeline) -> u64 {
    let chunks = split(0..limit, threads * CHUNKS_PER_THREAD);
    let handles: Vec<JoinHandle<u64>> = (0..threads)
        .map(|t| {
            let mine: Vec<Range<u64>> = dealt(&chunks, t, threads).collect();
            let timeline = timeline.clone();
            thread::spawn(move || {
                mine.into_iter()
                    .map(|chunk| {
                        let _span = timeline.span(format!("thread {t}"), "chunk");
                        count_primes(chunk)
                    })
                    .sum()
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a counting thread panicked"))
        .sum()
}

// ANCHOR: scoped
/// Scoped threads borrow: the chunk list and one result slot per thread are plain local
/// variables, and each thread gets `&chunks` and a `&mut` to its own slot. No `Arc`, no
/// `Mutex`, no `move` of owned copies: the scope joins every thread before it returns, so
/// the borrows cannot outlive the data.
pub fn count_with_scoped_threads(limit: u64, threads: usize) -> u64 {
    let chunks = split(0..limit, threads * CHUNKS_PER_THREAD);
    let mut per_thread = vec![0u64; threads];
    thread::scope(|scope| {
        for (t, slot) in per_thread.iter_mut().enumerate() {
            let chunks = &chunks;
            scope.spawn(move || *slot = dealt(chunks, t, threads).map(count_primes).sum());
        }
    });
    per_thread.iter().sum()
}
// ANCHOR_END: scoped

// ANCHOR: shared_map
/// The Python way: every thread writes its count into one shared dictionary. In Rust the map
/// must be wrapped in a `Mutex` (or the compiler refuses to share it) and in an `Arc` (so that
/// each thread can own a handle to it).
pub fn count_into_shared_map(limit: u64, threads: usize) -> u64 {
    let chunks = Arc::new(split(0..limit, threads * CHUNKS_PER_THREAD));
    let results: Arc<Mutex<HashMap<usize, u64>>> = Arc::default();
    let handles: Vec<JoinHandle<()>> = (0..threads)
        .map(|t| {
            let (chunks, results) = (Arc::clone(&chunks), Arc::clone(&results));
            thread::spawn(move || {
                let count = dealt(&chunks, t, threads).map(count_primes).sum();
                results
                    .lock()
                    .expect("a thread panicked holding the lock")
                    .insert(t, count);
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("a counting thread panicked");
    }
    let results = results.lock().expect("a thread panicked holding the lock");
    results.values().sum()
}
// ANCHOR_END: shared_map

/// Measures `count` as the course's rule says, with a fresh timeline each run; returns the
/// count, the median time and the last run's timeline.
fn timed(env: &Env, mut count: impl FnMut(&Timeline) -> u64) -> (u64, Duration, Timeline) {
    let mut result = (0, Timeline::new());
    let samples = env.measure(|| {
        let timeline = Timeline::new();
        result = (count(&timeline), timeline);
    });
    (result.0, samples.median(), result.1)
}

/// Section 1 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (limit, threads) = (flags.primes_below(env), flags.threads());
    let cores = cores();
    report.say(&format!(
        "Count the primes below {limit} by trial division: first on one thread, then on \
         {threads} threads (this machine lets the process use {cores} CPUs). Threads in the \
         standard CPython build would take turns under the GIL; Rust threads run truly in \
         parallel, so expect a speedup close to min(threads, cores). {}",
        env.how_measured()
    ));
    let (expected, sequential, _) = timed(env, |_| count_sequential(limit));
    let (by_ranges, ranges_time, ranges_timeline) = timed(env, |timeline| {
        count_in_equal_ranges(limit, threads, timeline)
    });
    let (by_chunks, chunks_time, chunks_timeline) = timed(env, |timeline| {
        count_in_dealt_chunks(limit, threads, timeline)
    });
    let (scoped, scoped_time, _) = timed(env, |_| count_with_scoped_threads(limit, threads));
    let (mapped, map_time, _) = timed(env, |_| count_into_shared_map(limit, threads));
    for (what, got) in [
        ("equal ranges", by_ranges),
        ("dealt chunks", by_chunks),
        ("scoped", scoped),
        ("shared map", mapped),
    ] {
        anyhow::ensure!(
            got == expected,
            "{what} counted {got} primes, not {expected}: a bug in the lesson"
        );
    }

    let row = |label: &str, took: Duration| Record::new(label).scaling(sequential, took, threads);
    report.results(&[
        Record::new("one thread")
            .wall(sequential)
            .count("primes", expected),
        row("spawn + join, equal ranges", ranges_time),
        row("spawn + join, dealt chunks", chunks_time),
        row("scoped threads, dealt chunks", scoped_time),
        row("shared map behind a Mutex", map_time),
    ]);
    report.say(&format!(
        "All five agree: {expected} primes. Efficiency is speedup ÷ min(threads, cores) = \
         speedup ÷ {}. Equal ranges give the last thread the largest, most expensive \
         numbers, so the others finish early and wait:",
        threads.min(cores)
    ));
    report.timeline(&ranges_timeline);
    report.say("Dealt chunks (each ▓/█ block is one chunk) keep every thread busy to the end:");
    report.timeline(&chunks_timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_of_splitting_counts_the_same() {
        let expected = count_sequential(20_000);
        assert_eq!(expected, 2_262);
        for threads in [1, 2, 3, 8] {
            let timeline = Timeline::new();
            assert_eq!(count_in_equal_ranges(20_000, threads, &timeline), expected);
            assert_eq!(count_in_dealt_chunks(20_000, threads, &timeline), expected);
            assert_eq!(count_with_scoped_threads(20_000, threads), expected);
            assert_eq!(count_into_shared_map(20_000, threads), expected);
        }
    }

    #[test]
    fn dealing_gives_every_chunk_to_exactly_one_thread() {
        let chunks = split(0..100, 10);
        let mut dealt_out: Vec<Range<u64>> = (0..3).flat_map(|t| dealt(&chunks, t, 3)).collect();
        dealt_out.sort_by_key(|c| c.start);
        assert_eq!(dealt_out, chunks);
    }

    #[test]
    fn each_thread_gets_its_own_lane() {
        let timeline = Timeline::new();
        count_in_dealt_chunks(10_000, 3, &timeline);
        let mut lanes: Vec<String> = timeline.spans().into_iter().map(|s| s.lane).collect();
        lanes.dedup();
        lanes.sort();
        lanes.dedup();
        assert_eq!(lanes, ["thread 0", "thread 1", "thread 2"]);
    }
}
