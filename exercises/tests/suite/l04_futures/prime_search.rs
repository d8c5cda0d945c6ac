use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::Duration;

use shared::instruments::{Rendezvous, within};
use shared::workload::cpu::is_prime;

use super::subject::prime_search::primes_between;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// What the instrumented test of primality saw.
#[derive(Debug, Default)]
struct Seen {
    /// How often each number was tested.
    calls: HashMap<u64, usize>,
    /// The sizes of the pools the tests ran in, and the rayon threads that ran them.
    pool_sizes: HashSet<usize>,
    threads: HashSet<Option<usize>>,
}

/// Runs `primes_between(numbers, threads, …)` with a test of primality that records what it
/// sees and, if `meet` is given, makes the first and the last number's tests wait for each
/// other: only code that tests them at the same time gets past.
fn search(numbers: std::ops::Range<u64>, threads: usize, meet: bool) -> (Vec<u64>, Seen, bool) {
    within(PATIENCE, "primes_between", move || {
        let seen = Mutex::new(Seen::default());
        let ends = Rendezvous::new(2, Duration::from_secs(3));
        let together = Mutex::new(true);
        let (first, last) = (numbers.start, numbers.end - 1);
        let primes = primes_between(numbers, threads, |n| {
            {
                let mut seen = seen.lock().unwrap();
                *seen.calls.entry(n).or_default() += 1;
                seen.pool_sizes.insert(rayon::current_num_threads());
                seen.threads.insert(rayon::current_thread_index());
            }
            if meet && (n == first || n == last) && ends.wait().is_err() {
                *together.lock().unwrap() = false;
            }
            is_prime(n)
        });
        (
            primes,
            seen.into_inner().unwrap(),
            together.into_inner().unwrap(),
        )
    })
}

#[test]
fn finds_the_primes_in_order() {
    let cases: [(std::ops::Range<u64>, &[u64]); 5] = [
        (0..30, &[2, 3, 5, 7, 11, 13, 17, 19, 23, 29]),
        (100_000..100_020, &[100_003, 100_019]),
        (0..7, &[2, 3, 5]),
        (97..98, &[97]),
        (24..29, &[]),
    ];
    for (numbers, expected) in cases {
        let (primes, seen, _) = search(numbers.clone(), 2, false);
        assert_eq!(
            primes, expected,
            "the primes in {numbers:?}, in increasing order ({READ})"
        );
        let once: HashMap<u64, usize> = numbers.map(|n| (n, 1)).collect();
        assert_eq!(
            seen.calls, once,
            "every number in the range must be tested exactly once, with the test you are \
             given ({READ})"
        );
    }
}

#[test]
fn an_empty_range_has_no_primes() {
    let primes = within(PATIENCE, "primes_between on an empty range", || {
        primes_between(10..10, 2, |_| panic!("there is nothing to test"))
    });
    assert!(primes.is_empty(), "{primes:?} ({READ})");
}

#[test]
fn numbers_are_tested_at_once_on_the_pool_it_was_given() {
    // 101 and 997 are prime, and so are many numbers between them.
    let (primes, seen, together) = search(101..998, 3, true);
    assert!(
        together,
        "the test of 101 waited for the test of 997 in vain: the numbers were tested one \
         after another, not at the same time ({READ})"
    );
    let expected: Vec<u64> = (101..998).filter(|&n| is_prime(n)).collect();
    assert_eq!(
        primes, expected,
        "the primes must come back in increasing order, not in the order they were found \
         ({READ})"
    );
    assert_eq!(
        seen.pool_sizes,
        HashSet::from([3]),
        "every test must run in a pool of the 3 threads asked for: build one and install \
         the search in it ({READ})"
    );
    assert!(
        seen.threads.len() >= 2 && !seen.threads.contains(&None),
        "the tests ran on {:?}: expected at least two of the pool's threads, and none \
         outside it ({READ})",
        seen.threads
    );
}

#[test]
fn the_pool_has_the_size_asked_for() {
    for threads in [1, 5] {
        let (primes, seen, _) = search(0..200, threads, false);
        assert_eq!(primes.len(), 46, "there are 46 primes below 200 ({READ})");
        assert_eq!(
            seen.pool_sizes,
            HashSet::from([threads]),
            "asked for a pool of {threads}, the tests ran in pools of {:?} ({READ})",
            seen.pool_sizes
        );
    }
}

#[test]
#[should_panic(expected = "at least one thread")]
fn a_pool_of_no_threads_is_refused() {
    primes_between(0..10, 0, is_prime);
}
