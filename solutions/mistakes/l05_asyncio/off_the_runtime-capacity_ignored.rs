//! MISTAKE: "a big enough buffer": the channel is made with room for 1024 items whatever
//! `capacity` says. Nothing blocks the runtime, and nothing slows the source down either: it
//! reads everything it can into memory while the consumer is still on its first item.

use tokio::sync::mpsc::{self, Receiver};

/// Buffers up to 1024 items, whatever was asked.
pub fn stream_blocking<T, I>(source: I, capacity: usize) -> Receiver<T>
where
    T: Send + 'static,
    I: Iterator<Item = T> + Send + 'static,
{
    assert!(
        capacity > 0,
        "stream_blocking needs a capacity of at least 1"
    );
    let (items, stream) = mpsc::channel(1024);
    tokio::task::spawn_blocking(move || {
        for item in source {
            if items.blocking_send(item).is_err() {
                break;
            }
        }
    });
    stream
}
