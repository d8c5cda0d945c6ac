use crate::subject::l01_threading as subject;

mod event;
mod parallel_map;
mod semaphore;
mod worker_pool;
