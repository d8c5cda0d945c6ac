//! The lesson's plain examples, each included as a module so that its own tests run here (an
//! example's `main` is for `cargo run --example`, not for the tests).

#[allow(dead_code)]
#[path = "../examples/spawn_join.rs"]
mod spawn_join;

#[allow(dead_code)]
#[path = "../examples/waits_overlap.rs"]
mod waits_overlap;

#[allow(dead_code)]
#[path = "../examples/thread_per_url.rs"]
mod thread_per_url;

#[allow(dead_code)]
#[path = "../examples/semaphore_limit.rs"]
mod semaphore_limit;
