//! The lesson's plain examples, each included as a module so that its own tests run here (an
//! example's `main` is for `cargo run --example`, not for the tests).

#[allow(dead_code)]
#[path = "../examples/lazy_futures.rs"]
mod lazy_futures;

#[allow(dead_code)]
#[path = "../examples/fetch_all.rs"]
mod fetch_all;

#[allow(dead_code)]
#[path = "../examples/semaphore.rs"]
mod semaphore;

#[allow(dead_code)]
#[path = "../examples/abort.rs"]
mod abort;

#[allow(dead_code)]
#[path = "../examples/many_tasks.rs"]
mod many_tasks;
