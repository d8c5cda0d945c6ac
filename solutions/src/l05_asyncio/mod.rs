//! Lesson 05: async with tokio.

pub mod bounded;
pub mod deadlines;
pub mod gather;
pub mod off_the_runtime;
pub mod shutdown;
