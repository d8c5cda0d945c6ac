//! Lesson 06: sched queue: your exercises.

pub mod async_priority;
pub mod joinable;
pub mod periodic;
pub mod pipeline;
