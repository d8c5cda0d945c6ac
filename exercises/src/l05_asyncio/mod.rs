//! Lesson 05: async with tokio. Read the book's chapter "Lesson 05: async with tokio" first,
//! and run `cargo run -p lesson-05-asyncio` to see the ideas at work.

pub mod deadlines;
pub mod off_the_runtime;
pub mod per_host;
pub mod shutdown;
pub mod try_gather;
