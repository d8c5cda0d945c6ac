//! Warm-up: a first taste of threads, and of how the tests prove that things ran at once.

pub mod both;
