//! MISTAKE: reads the source in a `tokio::spawn` task, sending each item with `send().await`.
//! The backpressure is right, but a task runs on the runtime's threads: while the source's
//! `next()` blocks, so does the runtime (on a current-thread runtime, everything stops).

use tokio::sync::mpsc::{self, Receiver};

/// Reads the blocking source inside an async task.
pub fn stream_blocking<T, I>(source: I, capacity: usize) -> Receiver<T>
where
    T: Send + 'static,
    I: Iterator<Item = T> + Send + 'static,
{
    assert!(
        capacity > 0,
        "stream_blocking needs a capacity of at least 1"
    );
    let (items, stream) = mpsc::channel(capacity);
    tokio::spawn(async move {
        for item in source {
            if items.send(item).await.is_err() {
                break;
            }
        }
    });
    stream
}
