//! The examples' own tests: each example is the plain idiom of a section, and its
//! `#[cfg(test)]` tests run here, so the code the book shows is tested like the rest.

#[allow(dead_code)]
#[path = "../examples/map.rs"]
mod map;

#[allow(dead_code)]
#[path = "../examples/as_completed.rs"]
mod as_completed;

#[allow(dead_code)]
#[path = "../examples/rayon_primes.rs"]
mod rayon_primes;
