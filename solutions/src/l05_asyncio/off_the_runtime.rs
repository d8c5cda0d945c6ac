//! Lesson 05: a blocking source, streamed to async code.

use tokio::sync::mpsc::{self, Receiver};

/// Reads `source` off the runtime's threads and streams its items, at most `capacity` ahead.
///
/// The iterator runs on tokio's blocking pool, where blocking is what threads are for, and hands
/// each item over with `blocking_send`, the channel's door from synchronous code: it waits while
/// the channel is full, which is the backpressure. When the source ends, the sender is dropped
/// with the closure, which ends the stream; when the receiver is gone, `blocking_send` fails and
/// reading stops.
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
    tokio::task::spawn_blocking(move || {
        for item in source {
            if items.blocking_send(item).is_err() {
                break; // nobody is listening any more
            }
        }
    });
    stream
}
