//! rayon in the part Python gives `ProcessPoolExecutor`: CPU-bound work on every core.
//! Run it with `cargo run --release -p lesson-04-futures --example rayon_primes`.

use rayon::prelude::*;
use shared::workload::cpu::is_prime;

// ANCHOR: rayon
/// The tutorials' example: which of twenty numbers are prime. `collect` on a parallel
/// iterator keeps the input order, as `Executor.map` does.
fn primes_in(numbers: std::ops::Range<u64>) -> Vec<u64> {
    numbers.into_par_iter().filter(|&n| is_prime(n)).collect()
}

/// Divide and conquer: `rayon::join(a, b)` runs `a` here and lets an idle thread take `b`.
/// Unlike a thread pool's tasks, both closures may borrow: `join` returns only when both
/// are done.
fn count_primes(numbers: &[u64]) -> usize {
    if numbers.len() <= 10_000 {
        return numbers.iter().filter(|&&n| is_prime(n)).count();
    }
    let (low, high) = numbers.split_at(numbers.len() / 2);
    let (a, b) = rayon::join(|| count_primes(low), || count_primes(high));
    a + b
}

fn main() -> Result<(), rayon::ThreadPoolBuildError> {
    println!("primes: {:?}", primes_in(100_000..100_020)); // [100003, 100019]
    let numbers: Vec<u64> = (0..2_000_000).collect();
    // A pool of a chosen size; `install` makes the work inside use it.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build()?;
    let count = pool.install(|| count_primes(&numbers));
    println!("{count} primes below 2000000"); // 148933
    Ok(())
}
// ANCHOR_END: rayon

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tutorials_answer() {
        assert_eq!(primes_in(100_000..100_020), [100_003, 100_019]);
        let numbers: Vec<u64> = (0..100_000).collect();
        assert_eq!(count_primes(&numbers), 9_592);
    }
}
