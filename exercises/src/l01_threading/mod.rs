//! Lesson 01: threads. Read the book's chapter "Lesson 01: threads" first, and run
//! `cargo run -p lesson-01-threading` to see the ideas at work.

pub mod event;
pub mod parallel_map;
pub mod semaphore;
pub mod worker_pool;
