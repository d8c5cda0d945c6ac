//! Lesson 03: processes. Read the book's chapter "Lesson 03: processes" first, and run
//! `cargo run -p lesson-03-multiprocessing` to see the ideas at work. The exercises start
//! worker processes, signal and share memory, so they are for Unix systems (Linux, macOS).

pub mod prime_workers;
pub mod round_trip;
pub mod shared_counter;
pub mod sturdy_pool;
