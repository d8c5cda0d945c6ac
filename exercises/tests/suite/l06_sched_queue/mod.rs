use crate::subject::l06_sched_queue as subject;

mod async_priority;
mod joinable;
mod periodic;
mod pipeline;
