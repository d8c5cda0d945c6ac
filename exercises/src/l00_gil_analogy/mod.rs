//! Lesson 00: concurrency, parallelism and Python's GIL. Read the book's chapter "Lesson 00:
//! concurrency, parallelism, and Python's GIL" first, and run `cargo run -p lesson-00-gil-analogy`
//! to see the ideas at work.

pub mod forced_switch;
pub mod interpreter_lock;
pub mod released_for_io;
