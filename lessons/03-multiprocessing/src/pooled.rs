//! Section 6: a process pool at work (the pool itself is in [`crate::pool`]): answers in input
//! order and in finishing order, the tutorials' factorials with their correct digit counts,
//! one table of sequential, threads, rayon and processes, and the two ways to make a pool
//! slower than a plain loop: a new pool for every batch, and tiny items sent one at a time.

use std::thread;
use std::time::Duration;

use rayon::prelude::*;
use shared::lesson::Env;
use shared::memory::human_bytes;
use shared::report::{Record, Report};
use shared::timing::speedup;
use shared::worker::WorkerProgram;

use crate::pool::{Job, Pool, default_chunksize};
use crate::role::this_program;
use crate::{Flags, measured};

/// The tutorials' factorials: 20000! to 20003!.
pub const FACTORIALS: [u64; 4] = [20_000, 20_001, 20_002, 20_003];

/// Their digit counts. (A widely copied tutorial prints 77350 for the last one.)
pub const DIGITS: [u64; 4] = [77_338, 77_342, 77_346, 77_351];

/// `job` for every item on `threads` scoped threads, item `i` on thread `i % threads`.
pub fn on_threads(job: Job, items: &[u64], threads: usize) -> Vec<u64> {
    let mut answers = vec![0; items.len()];
    thread::scope(|scope| {
        let mut shares: Vec<Vec<(usize, &mut u64)>> = (0..threads).map(|_| Vec::new()).collect();
        for (i, slot) in answers.iter_mut().enumerate() {
            shares[i % threads].push((i, slot));
        }
        for share in shares {
            scope.spawn(move || {
                for (i, slot) in share {
                    *slot = job.one(items[i]);
                }
            });
        }
    });
    answers
}

/// `job` for every item with rayon, which splits the work over its pool of one thread per core.
pub fn with_rayon(job: Job, items: &[u64]) -> Vec<u64> {
    items.par_iter().map(|&n| job.one(n)).collect()
}

/// Section 6 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let workers = flags.workers();
    let base = this_program()?;
    report.say(&format!(
        "A pool of {workers} worker processes, started once. map(square, 0..10) answers in \
         input order, like Pool.map; unordered answers come as they finish, like \
         imap_unordered: here the digit counts of 20003!, 10!, 15000! and 100!, one per request."
    ));
    let mut pool = Pool::start(&base, workers)?;
    let squares = pool.map(Job::Square, &(0..10).collect::<Vec<_>>(), 1)?;
    report.line(&format!("map, in input order:    {squares:?}"));
    let finished = pool.map_unordered(Job::FactorialDigits, &[20_003, 10, 15_000, 100])?;
    let order: Vec<usize> = finished.iter().map(|&(index, _)| index).collect();
    report.line(&format!(
        "unordered, item indexes as they finished: {order:?}"
    ));

    factorial_table(report, env, &base, &mut pool, workers)?;
    overhead_table(report, env, &base, &mut pool, workers)?;
    pool.close()?;
    Ok(())
}

fn factorial_table(
    report: &mut Report,
    env: &Env,
    base: &WorkerProgram,
    pool: &mut Pool,
    workers: usize,
) -> anyhow::Result<()> {
    report.say(&format!(
        "The tutorials' factorials, 20000! to 20003!, their digits counted where they are \
         computed, so that only four small numbers travel back. Then the same work on one \
         thread, on {workers} threads, with rayon, in the pool, in a pool started inside the \
         timing, and in the pool with each factorial sent back whole for this process to count \
         (Python's Pool.map does that when the worker returns the number). {}",
        env.how_measured()
    ));
    let job = Job::FactorialDigits;
    let (digits, sequential) = measured(env, || Ok(FACTORIALS.map(|n| job.one(n)).to_vec()))?;
    for (n, d) in FACTORIALS.iter().zip(&digits) {
        report.line(&format!("{n}! has {d} digits"));
    }
    anyhow::ensure!(digits == DIGITS, "wrong digit counts: {digits:?}");
    let (threaded, threads_took) = measured(env, || Ok(on_threads(job, &FACTORIALS, workers)))?;
    let (rayoned, rayon_took) = measured(env, || Ok(with_rayon(job, &FACTORIALS)))?;
    let (pooled, pool_took) = measured(env, || pool.map(job, &FACTORIALS, 1))?;
    let (fresh, fresh_took) = measured(env, || {
        let mut pool = Pool::start(base, workers)?;
        let digits = pool.map(job, &FACTORIALS, 1)?;
        pool.close()?;
        Ok(digits)
    })?;
    let ((whole, bytes), whole_took) = measured(env, || pool.factorials_sent_back(&FACTORIALS))?;
    for (how, got) in [
        ("threads", &threaded),
        ("rayon", &rayoned),
        ("the pool", &pooled),
        ("a fresh pool", &fresh),
        ("whole numbers", &whole),
    ] {
        anyhow::ensure!(*got == digits, "{how} counted {got:?}");
    }
    let counts = (FACTORIALS.len() * size_of::<u64>()) as u64;
    let row = |label: String, took: Duration, travelled: Option<u64>| {
        let record = Record::new(label).scaling(sequential, took, workers);
        match travelled {
            Some(bytes) => record.bytes("answers_sent", bytes),
            None => record,
        }
    };
    report.results(&[
        Record::new("one thread").wall(sequential),
        row(format!("{workers} threads"), threads_took, None),
        row("rayon".into(), rayon_took, None),
        row(
            format!("pool of {workers}, digits counted there"),
            pool_took,
            Some(counts),
        ),
        row(
            "same, pool started in the timing".into(),
            fresh_took,
            Some(counts),
        ),
        row(
            "pool, each n! sent back whole".into(),
            whole_took,
            Some(bytes),
        ),
    ]);
    report.say(&format!(
        "Threads, rayon and processes all come close to {workers}× here: four numbers to \
         compute, and nothing worth mentioning to send. Sending each factorial back whole moves \
         {} through the pipes and leaves the digit counting (turning a 77 000-digit number into \
         decimal) to this one process, after the parallel part. That is the shape of the \
         tutorial's Python version, where `str()` of the returned numbers ran in the parent.",
        human_bytes(bytes)
    ));
    Ok(())
}

fn overhead_table(
    report: &mut Report,
    env: &Env,
    base: &WorkerProgram,
    pool: &mut Pool,
    workers: usize,
) -> anyhow::Result<()> {
    let tiny = 100u64;
    let batch = 2 * workers;
    let many = env.size(50_000u64, 5_000);
    report.say(&format!(
        "Where the pool loses: tiny tasks. First {tiny} squares, as a plain loop, in the pool \
         (Python's default chunk size), and with a new pool for every batch of {batch} (a \
         tutorial's advice \"to reduce resource strain\"). Then {many} squares with a chunk \
         size of 1 (every number its own round trip), the default, and 10 000."
    ));
    let small: Vec<u64> = (0..tiny).collect();
    let expected: Vec<u64> = small.iter().map(|n| n * n).collect();
    let (looped, loop_took) = measured(env, || {
        Ok(small
            .iter()
            .map(|&n| Job::Square.one(n))
            .collect::<Vec<_>>())
    })?;
    let chunk = default_chunksize(small.len(), workers);
    let (pooled, pool_took) = measured(env, || pool.map(Job::Square, &small, chunk))?;
    let (batched, batches_took) = measured(env, || {
        let mut all = Vec::new();
        for batch in small.chunks(batch) {
            let mut pool = Pool::start(base, workers)?;
            all.extend(pool.map(Job::Square, batch, 1)?);
            pool.close()?;
        }
        Ok(all)
    })?;
    for got in [&looped, &pooled, &batched] {
        anyhow::ensure!(*got == expected, "wrong squares");
    }
    let versus_loop = |took: Duration| speedup(took, loop_took);
    let mut records = vec![
        Record::new(format!("{tiny} squares, plain loop")).wall(loop_took),
        Record::new(format!("… one pool, chunks of {chunk}"))
            .wall(pool_took)
            .ratio("times_the_loop", versus_loop(pool_took)),
        Record::new(format!("… a new pool per {batch}"))
            .wall(batches_took)
            .ratio("times_the_loop", versus_loop(batches_took))
            .count("pools_started", small.len().div_ceil(batch) as u64),
    ];

    let items: Vec<u64> = (0..many).collect();
    let expected: Vec<u64> = items.iter().map(|n| n * n).collect();
    let (_, many_loop) = measured(env, || {
        Ok(items
            .iter()
            .map(|&n| Job::Square.one(n))
            .collect::<Vec<_>>())
    })?;
    let default = default_chunksize(items.len(), workers);
    records.push(Record::new(format!("{many} squares, plain loop")).wall(many_loop));
    for chunksize in [1, default, 10_000] {
        let (got, took) = measured(env, || pool.map(Job::Square, &items, chunksize))?;
        anyhow::ensure!(got == expected, "wrong squares with chunks of {chunksize}");
        records.push(
            Record::new(format!("… chunks of {chunksize}"))
                .wall(took)
                .ratio("times_the_loop", speedup(took, many_loop))
                .duration("per_item", took / many as u32),
        );
    }
    report.results(&records);
    report.say(
        "A square takes a nanosecond; a round trip to a worker takes microseconds, and starting \
         a pool takes milliseconds. So a pool per batch spends nearly all its time starting \
         processes, and a chunk size of 1 spends it on messages. Big chunks amortise the round \
         trip, and a pool started once amortises the start-up; for work this small, the plain \
         loop wins anyway.",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_and_rayon_answer_in_order() {
        let items = [3, 1, 4, 1, 5];
        assert_eq!(on_threads(Job::Square, &items, 2), [9, 1, 16, 1, 25]);
        assert_eq!(with_rayon(Job::Square, &items), [9, 1, 16, 1, 25]);
        assert_eq!(on_threads(Job::Square, &[], 3), Vec::<u64>::new());
    }

    #[test]
    fn the_factorial_digit_counts_are_the_true_ones() {
        let digits: Vec<u64> = FACTORIALS.map(|n| Job::FactorialDigits.one(n)).to_vec();
        assert_eq!(digits, DIGITS);
    }
}
