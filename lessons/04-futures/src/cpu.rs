//! Section 3: CPU-bound work. Python sends it to `ProcessPoolExecutor`, because threads in the
//! standard CPython build take turns under the GIL; Rust threads run on every core at once,
//! and rayon is the crate that spreads CPU work over them: `par_iter`, `join`, and pools of
//! a chosen size.
//!
//! First the tutorials' example, `is_prime` over twenty numbers, one task each: every test
//! takes microseconds, so handing it to another thread costs more than doing it, and the pool
//! is slower than a plain loop. Then a prime count big enough to divide: rayon comes close to
//! the core count, and so does the lesson's executor once each task is a large chunk.

use std::ops::Range;
use std::time::Duration;

use rayon::prelude::*;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{cores, speedup};
use shared::workload::cpu::{count_primes, is_prime, split};

use crate::{Executor, Flags};

/// The tutorials' twenty numbers, of which two are prime.
pub const TINY: Range<u64> = 100_000..100_020;

/// The primes in `numbers`, on this thread.
pub fn primes_in_sequence(numbers: Range<u64>) -> Vec<u64> {
    numbers.filter(|&n| is_prime(n)).collect()
}

// ANCHOR: tiny_on_pool
/// The tutorials' shape: a pool for the call, one task per number, `map` in input order, then
/// the primes picked out. Python's version is `ProcessPoolExecutor(4).map(is_prime, numbers)`.
pub fn primes_on_pool(numbers: Range<u64>, workers: usize) -> Vec<u64> {
    let pool = Executor::new(workers);
    let verdicts = pool.map(is_prime, numbers.clone());
    numbers
        .zip(verdicts)
        .filter_map(|(n, verdict)| verdict.expect("is_prime does not panic").then_some(n))
        .collect()
}
// ANCHOR_END: tiny_on_pool

// ANCHOR: rayon
/// rayon's parallel iterator: the same chain as on one thread, with `into_par_iter`. rayon
/// cuts the range into pieces, and idle threads steal pieces from busy ones.
pub fn count_with_par_iter(limit: u64) -> u64 {
    (0..limit).into_par_iter().filter(|&n| is_prime(n)).count() as u64
}

/// Divide and conquer with `rayon::join`: split the range in two until a piece is at most
/// `grain` numbers long. `join` runs one half here and offers the other to idle threads.
pub fn count_with_join(numbers: Range<u64>, grain: u64, timeline: &Timeline) -> u64 {
    if numbers.end - numbers.start <= grain {
        let _span = timeline.span(rayon_lane(), "piece");
        return count_primes(numbers);
    }
    let middle = numbers.start + (numbers.end - numbers.start) / 2;
    let (low, high) = rayon::join(
        || count_with_join(numbers.start..middle, grain, timeline),
        || count_with_join(middle..numbers.end, grain, timeline),
    );
    low + high
}

/// A pool of exactly `threads` threads, built for this call; `install` runs the closure in it,
/// so the parallel iterator inside uses this pool instead of the global one.
pub fn count_in_own_pool(limit: u64, threads: usize) -> anyhow::Result<u64> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    Ok(pool.install(|| count_with_par_iter(limit)))
}
// ANCHOR_END: rayon

// ANCHOR: chunks_on_pool
/// The lesson's executor with tasks worth sending: `chunks` pieces of the range, dealt to
/// `workers` threads, instead of one task per number.
pub fn count_in_chunks_on_pool(limit: u64, workers: usize, chunks: usize) -> u64 {
    let pool = Executor::new(workers);
    pool.map(count_primes, split(0..limit, chunks))
        .map(|count| count.expect("count_primes does not panic"))
        .sum()
}
// ANCHOR_END: chunks_on_pool

/// The lane of the rayon thread running this code (`rayon 0`, `rayon 1`, …).
fn rayon_lane() -> String {
    rayon::current_thread_index().map_or_else(|| "not rayon".into(), |i| format!("rayon {i}"))
}

/// How many pieces `count_with_join` cuts the work into (about 64: enough for every thread to
/// steal a fair share, few enough that each is worth sending).
pub fn grain(limit: u64) -> u64 {
    limit.div_ceil(64).max(1)
}

/// Section 3 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    tiny_tasks(report, env)?;
    big_count(report, env, flags)
}

/// The tutorials' twenty numbers: one task each costs more than the work.
fn tiny_tasks(report: &mut Report, env: &Env) -> anyhow::Result<()> {
    let workers = 4;
    report.say(&format!(
        "First the tutorials' example: is_prime on each of the {} numbers from {} to {}, on \
         this thread, then one task per number on a {workers}-worker executor made for the \
         call (Python's ProcessPoolExecutor(4).map), then with rayon's par_iter. {}",
        TINY.end - TINY.start,
        TINY.start,
        TINY.end - 1,
        env.how_measured()
    ));
    let expected = primes_in_sequence(TINY.clone());
    let sequential = env.measure(|| primes_in_sequence(TINY.clone())).median();
    let pooled = env
        .measure(|| primes_on_pool(TINY.clone(), workers))
        .median();
    let rayon = env
        .measure(|| -> Vec<u64> { TINY.into_par_iter().filter(|&n| is_prime(n)).collect() })
        .median();
    anyhow::ensure!(
        primes_on_pool(TINY.clone(), workers) == expected,
        "the pool found other primes: a bug in the lesson"
    );
    let per_number = |took: Duration| took / (TINY.end - TINY.start) as u32;
    report.results(&[
        Record::new("one thread")
            .wall(sequential)
            .duration("per_number", per_number(sequential)),
        Record::new(format!("executor, {workers} workers, a task per number"))
            .wall(pooled)
            .duration("per_number", per_number(pooled))
            .ratio("slower", speedup(pooled, sequential)),
        Record::new("rayon par_iter")
            .wall(rayon)
            .duration("per_number", per_number(rayon))
            .ratio("slower", speedup(rayon, sequential)),
    ]);
    report.say(&format!(
        "All three found {expected:?}. Here the pool's overhead dominates: starting {workers} \
         threads and passing twenty tasks to them and twenty results back costs far more than \
         twenty primality tests, so the pool is slower than the plain loop. rayon's threads \
         were already running, and it splits the range into a few pieces rather than twenty \
         tasks, so it loses less, but it cannot win on work this small either."
    ));
    Ok(())
}

/// A count big enough to divide: rayon three ways, and the executor with big chunks.
fn big_count(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (limit, threads, cores) = (flags.primes_below(env), flags.threads(), cores());
    let global = rayon::current_num_threads();
    report.say(&format!(
        "Now count the primes below {limit}: on one thread, then with rayon's par_iter and \
         with rayon::join (both on rayon's global pool, {global} threads), with par_iter in a \
         pool of {threads} threads built for the call, and on the lesson's executor with \
         {cores} workers and {} chunks. This process may use {cores} CPUs.",
        cores * 16
    ));
    let mut answer = 0;
    let sequential = env.measure(|| answer = count_primes(0..limit)).median();
    let mut check = Vec::new();
    let par_iter = env
        .measure(|| check.push(count_with_par_iter(limit)))
        .median();
    let mut join_timeline = Timeline::new();
    let joined = env
        .measure(|| {
            join_timeline = Timeline::new();
            check.push(count_with_join(0..limit, grain(limit), &join_timeline));
        })
        .median();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let own_pool = env
        .measure(|| check.push(pool.install(|| count_with_par_iter(limit))))
        .median();
    let chunked = env
        .measure(|| check.push(count_in_chunks_on_pool(limit, cores, cores * 16)))
        .median();
    anyhow::ensure!(
        check.iter().all(|&count| count == answer),
        "a parallel count differed from {answer}: a bug in the lesson"
    );

    let row = |label: String, took: Duration, workers: usize| {
        Record::new(label).scaling(sequential, took, workers)
    };
    report.results(&[
        Record::new("one thread")
            .wall(sequential)
            .count("primes", answer),
        row(
            format!("rayon par_iter, {global} threads"),
            par_iter,
            global,
        ),
        row(format!("rayon::join, {global} threads"), joined, global),
        row(
            format!("par_iter in a pool of {threads}"),
            own_pool,
            threads,
        ),
        row(format!("executor, {cores} workers, chunks"), chunked, cores),
    ]);
    report.say(&format!(
        "Every way counted {answer} primes. Efficiency is speedup ÷ min(threads, cores). \
         rayon::join cut the range into pieces of {} numbers; each █/▓ block is one piece, on \
         the lane of the rayon thread that counted it. Pieces of large numbers cost more, and \
         threads that run out of work steal the pieces that are left:",
        grain(limit)
    ));
    report.timeline(&join_timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_tutorials_twenty_numbers_hold_two_primes() {
        assert_eq!(primes_in_sequence(TINY), [100_003, 100_019]);
        assert_eq!(primes_on_pool(TINY, 4), [100_003, 100_019]);
    }

    #[test]
    fn every_way_counts_the_same() {
        let expected = count_primes(0..30_000);
        assert_eq!(expected, 3_245);
        assert_eq!(count_with_par_iter(30_000), expected);
        assert_eq!(
            count_with_join(0..30_000, 1_000, &Timeline::new()),
            expected
        );
        assert_eq!(count_with_join(0..30_000, 7, &Timeline::new()), expected);
        assert_eq!(count_in_own_pool(30_000, 3).unwrap(), expected);
        assert_eq!(count_in_chunks_on_pool(30_000, 3, 40), expected);
    }

    #[test]
    fn join_runs_pieces_on_more_than_one_thread() {
        // Two pieces that can only finish together: each waits for the other to start.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let meet = shared::instruments::Rendezvous::new(2, Duration::from_secs(10));
        let lanes: HashSet<usize> = pool.install(|| {
            let (a, b) = rayon::join(
                || meet.wait().map(|()| rayon::current_thread_index()),
                || meet.wait().map(|()| rayon::current_thread_index()),
            );
            [a.unwrap().unwrap(), b.unwrap().unwrap()].into()
        });
        assert_eq!(lanes.len(), 2);
    }

    #[test]
    fn pieces_cover_the_range() {
        let timeline = Timeline::new();
        count_with_join(0..6_400, grain(6_400), &timeline);
        assert_eq!(timeline.spans().len(), 64);
    }
}
