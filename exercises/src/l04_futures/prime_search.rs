//! # Exercise: a prime search on a pool of the size you are given
//!
//! Python hands CPU-bound work to `ProcessPoolExecutor`, because threads in the standard
//! CPython build take turns under the GIL. In Rust, rayon spreads it over threads that really
//! run at once. Write `primes_between(numbers, threads, is_prime)`:
//!
//! - it returns every `n` in `numbers` for which `is_prime(n)` is true, in increasing order;
//! - it calls `is_prime` exactly once for every number in the range (no shortcuts: the test
//!   it is given is the only judge of what is prime);
//! - it runs the tests in a rayon pool of exactly `threads` threads, built for the call, not in
//!   rayon's global pool (whose size is this machine's number of CPUs);
//! - the tests run at the same time on several threads of that pool. The suite checks it by
//!   making the test of the *first* number wait until the *last* number is being tested:
//!   code that tests one number after another never gets there;
//! - `threads` must be at least 1: panic with a message saying so for 0 (rayon itself would
//!   read 0 as "one thread per CPU").
//!
//! `rayon::ThreadPoolBuilder::new().num_threads(n).build()` makes a pool, and `pool.install(||
//! …)` runs a closure in it, so that the parallel iterators inside use that pool.
//!
//! Tests: `cargo test -p exercises l04_futures::prime_search`.
//! Hints, and where to read: `cargo run -p exercises -- hint prime_search`.

// The stub ignores its parameters until you write the body; delete this line when you start.
#![allow(unused_variables)]

use std::ops::Range;

/// The numbers in `numbers` that `is_prime` accepts, in increasing order, found by a rayon
/// pool of `threads` threads.
pub fn primes_between(
    numbers: Range<u64>,
    threads: usize,
    is_prime: impl Fn(u64) -> bool + Sync,
) -> Vec<u64> {
    // TODO: build a pool of `threads` threads; inside it, test the numbers in parallel and
    // keep the primes, in order.
    todo!("l04_futures::prime_search: search in parallel")
}
