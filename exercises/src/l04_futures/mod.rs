//! Lesson 04: futures: your exercises.

pub mod as_completed;
pub mod map_in_order;
pub mod prime_search;
pub mod submit;
