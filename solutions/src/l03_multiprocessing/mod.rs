//! Lesson 03: processes.

pub mod prime_workers;
pub mod round_trip;
pub mod shared_counter;
pub mod sturdy_pool;
