//! Lesson 00: concurrency, parallelism and Python's GIL: the reference answers.

pub mod forced_switch;
pub mod interpreter_lock;
pub mod released_for_io;
