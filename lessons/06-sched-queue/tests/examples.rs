//! The plain versions of the sections' ideas, in `examples/`, run here with their own tests.

#[allow(dead_code)]
#[path = "../examples/scheduler.rs"]
mod scheduler;

#[allow(dead_code)]
#[path = "../examples/closed_channel.rs"]
mod closed_channel;

#[allow(dead_code)]
#[path = "../examples/pipeline.rs"]
mod pipeline;

#[allow(dead_code)]
#[path = "../examples/async_pipeline.rs"]
mod async_pipeline;
