//! The examples' own tests: each example is included here as a module, so the `#[cfg(test)]`
//! tests inside it run with `cargo test`, and the book's listings stay correct.

#[allow(dead_code)]
#[path = "../examples/counter.rs"]
mod counter;

#[allow(dead_code)]
#[path = "../examples/two_threads.rs"]
mod two_threads;
