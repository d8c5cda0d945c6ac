//! Lesson 04: a prime search on a pool of the size you are given.

use std::ops::Range;

use rayon::prelude::*;

/// The numbers in `numbers` that `is_prime` accepts, in increasing order, found by a rayon
/// pool of `threads` threads.
///
/// `into_par_iter` on a range is an *indexed* parallel iterator: rayon knows where each piece
/// came from, so `collect` puts the results back in input order, whichever thread found them
/// and whenever. Pushing into a shared `Vec` from `for_each` would keep them in finishing
/// order instead. Building the pool is not free (it starts `threads` threads), which is fine
/// for one big search; a program that searches often keeps its pool.
pub fn primes_between(
    numbers: Range<u64>,
    threads: usize,
    is_prime: impl Fn(u64) -> bool + Sync,
) -> Vec<u64> {
    assert!(threads > 0, "a prime search needs at least one thread");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("the system could not start the pool's threads");
    pool.install(|| numbers.into_par_iter().filter(|&n| is_prime(n)).collect())
}
