//! Lesson 05: async with tokio. Read the book's chapter "Lesson 05: async with tokio" first,
//! and run `cargo run -p lesson-05-asyncio` to see the ideas at work.

pub mod bounded;
pub mod deadlines;
pub mod gather;
pub mod off_the_runtime;
pub mod shutdown;
