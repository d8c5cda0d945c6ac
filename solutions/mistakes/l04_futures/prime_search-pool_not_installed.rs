//! MISTAKE: the pool is built, but the parallel iterator runs outside `install`, so it uses
//! rayon's global pool (one thread per CPU) and the new pool sits idle.

use std::ops::Range;

use rayon::prelude::*;

/// The primes in `numbers`, found on the global pool.
pub fn primes_between(
    numbers: Range<u64>,
    threads: usize,
    is_prime: impl Fn(u64) -> bool + Sync,
) -> Vec<u64> {
    assert!(threads > 0, "a prime search needs at least one thread");
    let _pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    numbers.into_par_iter().filter(|&n| is_prime(n)).collect()
}
