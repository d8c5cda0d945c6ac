//! Lesson 06: sched queue: the reference answers.

pub mod async_priority;
pub mod joinable;
pub mod periodic;
pub mod pipeline;
