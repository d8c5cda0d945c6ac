//! CPU-bound workloads, sized by argument and protected from the optimiser.
//!
//! An optimiser that can see a loop's result is unused, or can compute it in closed form, will
//! delete the loop and make any timing meaningless. Every workload here routes its inputs or
//! steps through [`std::hint::black_box`], so the work measured is the work written.

use std::hint::black_box;
use std::ops::Range;

use num_bigint::BigUint;

/// Trial division, the primality test of the usual Python tutorials: try every odd divisor up to
/// √n.
pub fn is_prime(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    if n < 4 {
        return true;
    }
    if n.is_multiple_of(2) {
        return false;
    }
    let mut divisor = 3;
    while divisor * divisor <= n {
        if n.is_multiple_of(divisor) {
            return false;
        }
        divisor += 2;
    }
    true
}

/// How many primes lie in `range`. The cost grows a little faster than linearly with the
/// upper end, so equal-width chunks are not equal work: later chunks are heavier.
pub fn count_primes(range: Range<u64>) -> u64 {
    black_box(range).filter(|&n| is_prime(n)).count() as u64
}

/// How many primes are below `limit`. Below 2 000 000 there are 148 933.
pub fn count_primes_below(limit: u64) -> u64 {
    count_primes(0..limit)
}

/// `n!` as an exact big integer, by a plain product (num-bigint has no factorial).
pub fn factorial(n: u32) -> BigUint {
    (2..=black_box(n)).fold(BigUint::from(1u32), |product, k| product * k)
}

/// The number of decimal digits of `n`.
pub fn decimal_digits(n: &BigUint) -> usize {
    n.to_str_radix(10).len()
}

/// The tutorials' summing loop: 0 + 1 + … + (n − 1), one addition at a time. Without the
/// `black_box` on each step, release builds replace the loop by n(n − 1)/2.
pub fn sum_loop(n: u64) -> u64 {
    let mut total = 0u64;
    for i in 0..black_box(n) {
        total = total.wrapping_add(black_box(i));
    }
    total
}

/// The summing loop over any range: `range.start + … + (range.end − 1)`, one addition at a
/// time, so that the work can be divided between workers.
pub fn sum_range(range: Range<u64>) -> u64 {
    let mut total = 0u64;
    for i in black_box(range) {
        total = total.wrapping_add(black_box(i));
    }
    total
}

/// Splits `range` into `parts` contiguous pieces whose lengths differ by at most one.
/// Fewer pieces come back if the range is shorter than `parts`; never an empty piece.
pub fn split(range: Range<u64>, parts: usize) -> Vec<Range<u64>> {
    let len = range.end.saturating_sub(range.start);
    let parts = (parts.max(1) as u64).min(len.max(1));
    let (base, extra) = (len / parts, len % parts);
    let mut start = range.start;
    (0..parts)
        .map(|i| {
            let end = start + base + u64::from(i < extra);
            let piece = start..end;
            start = end;
            piece
        })
        .filter(|piece| !piece.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primes_by_trial_division() {
        let small: Vec<u64> = (0..30).filter(|&n| is_prime(n)).collect();
        assert_eq!(small, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
        assert_eq!(count_primes_below(100_000), 9_592);
        // The range a tutorial's prime search scans: two primes in twenty numbers.
        let found: Vec<u64> = (100_000..100_020).filter(|&n| is_prime(n)).collect();
        assert_eq!(found, [100_003, 100_019]);
    }

    #[test]
    fn factorial_digit_counts_of_the_tutorial_example() {
        // A tutorial prints 77350 digits for 20003!; the true count is 77351.
        let digits: Vec<usize> = (20_000..=20_003)
            .map(|n| decimal_digits(&factorial(n)))
            .collect();
        assert_eq!(digits, [77_338, 77_342, 77_346, 77_351]);
    }

    #[test]
    fn small_factorials() {
        assert_eq!(factorial(0), BigUint::from(1u32));
        assert_eq!(factorial(20), BigUint::from(2_432_902_008_176_640_000u64));
        assert_eq!(decimal_digits(&factorial(20)), 19);
    }

    #[test]
    fn sum_loop_matches_the_closed_form() {
        // The total a tutorial's summing loop prints for range(10_000_000).
        assert_eq!(sum_loop(10_000_000), 49_999_995_000_000);
        assert_eq!(sum_loop(0), 0);
        let halves = sum_range(0..5_000_000) + sum_range(5_000_000..10_000_000);
        assert_eq!(halves, sum_loop(10_000_000));
        assert_eq!(sum_range(3..3), 0);
    }

    #[test]
    fn split_covers_the_range_exactly() {
        assert_eq!(split(0..10, 3), [0..4, 4..7, 7..10]);
        assert_eq!(split(5..7, 4), [5..6, 6..7]);
        assert_eq!(split(0..0, 3), Vec::<Range<u64>>::new());
        let pieces = split(0..1_000_003, 7);
        assert_eq!(pieces.len(), 7);
        assert_eq!(
            pieces.iter().map(|p| p.end - p.start).sum::<u64>(),
            1_000_003
        );
        assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
    }
}
