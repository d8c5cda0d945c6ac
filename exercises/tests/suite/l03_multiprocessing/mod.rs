use crate::subject::l03_multiprocessing as subject;

mod prime_workers;
mod round_trip;
mod shared_counter;
mod sturdy_pool;
