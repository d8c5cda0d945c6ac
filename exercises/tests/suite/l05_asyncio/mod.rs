use crate::subject::l05_asyncio as subject;

mod bounded;
mod deadlines;
mod gather;
mod off_the_runtime;
mod shutdown;
