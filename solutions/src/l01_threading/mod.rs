//! Lesson 01: threads.

pub mod event;
pub mod fetch_all;
pub mod semaphore;
pub mod worker_pool;
