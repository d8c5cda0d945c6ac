//! Lesson 01: threads.

pub mod event;
pub mod parallel_map;
pub mod semaphore;
pub mod worker_pool;
