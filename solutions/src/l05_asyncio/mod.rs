//! Lesson 05: async with tokio.
//!
//! Each `cfg_attr` line swaps in a plausible mistake from `solutions/mistakes/` when its
//! feature is on; `cargo run -p exercises -- verify` does that to prove the tests catch it.

#[cfg_attr(
    feature = "mistake-l05_asyncio-gather-one_after_another",
    path = "../../mistakes/l05_asyncio/gather-one_after_another.rs"
)]
#[cfg_attr(
    feature = "mistake-l05_asyncio-gather-completion_order",
    path = "../../mistakes/l05_asyncio/gather-completion_order.rs"
)]
pub mod gather;

#[cfg_attr(
    feature = "mistake-l05_asyncio-bounded-no_limit",
    path = "../../mistakes/l05_asyncio/bounded-no_limit.rs"
)]
#[cfg_attr(
    feature = "mistake-l05_asyncio-bounded-one_at_a_time",
    path = "../../mistakes/l05_asyncio/bounded-one_at_a_time.rs"
)]
pub mod bounded;

#[cfg_attr(
    feature = "mistake-l05_asyncio-deadlines-one_deadline_for_all",
    path = "../../mistakes/l05_asyncio/deadlines-one_deadline_for_all.rs"
)]
#[cfg_attr(
    feature = "mistake-l05_asyncio-deadlines-one_after_another",
    path = "../../mistakes/l05_asyncio/deadlines-one_after_another.rs"
)]
pub mod deadlines;

#[cfg_attr(
    feature = "mistake-l05_asyncio-off_the_runtime-inline",
    path = "../../mistakes/l05_asyncio/off_the_runtime-inline.rs"
)]
#[cfg_attr(
    feature = "mistake-l05_asyncio-off_the_runtime-spawned_task",
    path = "../../mistakes/l05_asyncio/off_the_runtime-spawned_task.rs"
)]
pub mod off_the_runtime;

#[cfg_attr(
    feature = "mistake-l05_asyncio-shutdown-tasks_left_running",
    path = "../../mistakes/l05_asyncio/shutdown-tasks_left_running.rs"
)]
#[cfg_attr(
    feature = "mistake-l05_asyncio-shutdown-closed_channel_ignored",
    path = "../../mistakes/l05_asyncio/shutdown-closed_channel_ignored.rs"
)]
#[cfg_attr(
    feature = "mistake-l05_asyncio-shutdown-one_at_a_time",
    path = "../../mistakes/l05_asyncio/shutdown-one_at_a_time.rs"
)]
pub mod shutdown;
