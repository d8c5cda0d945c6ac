//! MISTAKE: reads the whole source into a Vec on the blocking pool, then sends the items. The
//! runtime stays free, but nothing arrives until the source has ended, and the whole source sits
//! in memory: no backpressure at all.

use tokio::sync::mpsc::{self, Receiver};

/// Collects everything, then streams it.
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
        let all: Vec<T> = source.collect();
        for item in all {
            if items.blocking_send(item).is_err() {
                break;
            }
        }
    });
    stream
}
