use crate::subject::l01_threading as subject;

mod event;
mod fetch_all;
mod semaphore;
mod worker_pool;
