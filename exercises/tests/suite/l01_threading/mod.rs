mod event;
mod fetch_all;
mod semaphore;
mod worker_pool;
