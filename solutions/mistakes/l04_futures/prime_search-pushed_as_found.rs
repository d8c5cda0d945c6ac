//! MISTAKE: every thread pushes its primes into a shared vector as it finds them, so they are
//! in the order they were found, not in increasing order.

use std::ops::Range;
use std::sync::Mutex;

use rayon::prelude::*;

/// The primes in `numbers`, in the order the threads found them.
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
    let found = Mutex::new(Vec::new());
    pool.install(|| {
        numbers.into_par_iter().for_each(|n| {
            if is_prime(n) {
                found.lock().unwrap().push(n);
            }
        })
    });
    found.into_inner().unwrap()
}
