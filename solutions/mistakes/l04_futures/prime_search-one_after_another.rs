//! MISTAKE: the pool is built and installed, but the search inside it is a plain iterator, so
//! one thread tests every number while the others wait.

use std::ops::Range;

/// The primes in `numbers`, tested one after another.
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
    pool.install(|| numbers.filter(|&n| is_prime(n)).collect())
}
