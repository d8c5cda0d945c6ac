//! Warm-up: a first taste of threads.

#[cfg_attr(
    feature = "mistake-warmup-both-one_after_another",
    path = "../../mistakes/warmup/both-one_after_another.rs"
)]
pub mod both;
