//! Warm-up: a first taste of threads.

pub mod both;
