//! Lesson 06: sched queue: your exercises.

pub mod async_priority;
pub mod periodic;
pub mod joinable;
pub mod pipeline;
