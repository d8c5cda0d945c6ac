use crate::subject::l05_asyncio as subject;

mod deadlines;
mod off_the_runtime;
mod per_host;
mod shutdown;
mod try_gather;
