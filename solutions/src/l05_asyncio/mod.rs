//! Lesson 05: async with tokio.

pub mod deadlines;
pub mod off_the_runtime;
pub mod per_host;
pub mod shutdown;
pub mod try_gather;
