//! MISTAKE: an "optimisation" that tests only odd numbers, since no even number above 2 is
//! prime; 2 is lost, and the test it was given is no longer the judge.

use std::ops::Range;

use rayon::prelude::*;

/// The odd primes in `numbers`.
pub fn primes_between(
    numbers: Range<u64>,
    threads: usize,
    is_prime: impl Fn(u64) -> bool + Sync,
) -> Vec<u64> {
    assert!(threads > 0, "a prime search needs at least one thread");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| {
        numbers
            .into_par_iter()
            .filter(|&n| n % 2 == 1 && is_prime(n))
            .collect()
    })
}
