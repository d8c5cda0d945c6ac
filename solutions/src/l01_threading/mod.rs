//! Lesson 01: threads.
//!
//! Each `cfg_attr` line swaps in a plausible mistake from `solutions/mistakes/` when its
//! feature is on; `cargo run -p exercises -- verify` does that to prove the tests catch it.

#[cfg_attr(
    feature = "mistake-l01_threading-fetch_all-one_after_another",
    path = "../../mistakes/l01_threading/fetch_all-one_after_another.rs"
)]
#[cfg_attr(
    feature = "mistake-l01_threading-fetch_all-completion_order",
    path = "../../mistakes/l01_threading/fetch_all-completion_order.rs"
)]
#[cfg_attr(
    feature = "mistake-l01_threading-fetch_all-error_status_ignored",
    path = "../../mistakes/l01_threading/fetch_all-error_status_ignored.rs"
)]
pub mod fetch_all;

#[cfg_attr(
    feature = "mistake-l01_threading-event-lost_wakeup",
    path = "../../mistakes/l01_threading/event-lost_wakeup.rs"
)]
#[cfg_attr(
    feature = "mistake-l01_threading-event-wakes_one_waiter",
    path = "../../mistakes/l01_threading/event-wakes_one_waiter.rs"
)]
pub mod event;

#[cfg_attr(
    feature = "mistake-l01_threading-semaphore-no_limit",
    path = "../../mistakes/l01_threading/semaphore-no_limit.rs"
)]
#[cfg_attr(
    feature = "mistake-l01_threading-semaphore-permit_never_returned",
    path = "../../mistakes/l01_threading/semaphore-permit_never_returned.rs"
)]
#[cfg_attr(
    feature = "mistake-l01_threading-semaphore-waiter_never_woken",
    path = "../../mistakes/l01_threading/semaphore-waiter_never_woken.rs"
)]
pub mod semaphore;

#[cfg_attr(
    feature = "mistake-l01_threading-worker_pool-thread_per_job",
    path = "../../mistakes/l01_threading/worker_pool-thread_per_job.rs"
)]
#[cfg_attr(
    feature = "mistake-l01_threading-worker_pool-queue_never_closed",
    path = "../../mistakes/l01_threading/worker_pool-queue_never_closed.rs"
)]
#[cfg_attr(
    feature = "mistake-l01_threading-worker_pool-workers_not_joined",
    path = "../../mistakes/l01_threading/worker_pool-workers_not_joined.rs"
)]
pub mod worker_pool;
