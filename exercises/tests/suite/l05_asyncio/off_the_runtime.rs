use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use shared::instruments::block_on_within;

use super::subject::off_the_runtime::stream_blocking;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

/// Takes every item of the stream, in the order they come.
async fn take_all<T>(mut stream: tokio::sync::mpsc::Receiver<T>) -> Vec<T> {
    let mut items = Vec::new();
    while let Some(item) = stream.recv().await {
        items.push(item);
    }
    items
}

#[test]
fn every_item_arrives_in_order_and_the_stream_ends() {
    let got = block_on_within(PATIENCE, "stream_blocking(0..1000, 8)", || async {
        take_all(stream_blocking(0..1000, 8)).await
    });
    assert_eq!(
        got,
        (0..1000).collect::<Vec<_>>(),
        "every item, in order, and then the end of the stream ({READ})"
    );
}

/// A source whose `next` blocks its thread until a heartbeat task on the runtime has ticked
/// three more times: only a source read off the runtime's only thread ever sees that.
struct WaitsForHeartbeats {
    ticks: Arc<AtomicUsize>,
    produced: usize,
}

impl Iterator for WaitsForHeartbeats {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.produced == 5 {
            return None;
        }
        let (start, give_up) = (
            self.ticks.load(Ordering::SeqCst),
            Instant::now() + Duration::from_secs(3),
        );
        while self.ticks.load(Ordering::SeqCst) < start + 3 {
            if Instant::now() > give_up {
                return None; // the heartbeat stopped: end the stream early
            }
            thread::sleep(Duration::from_millis(1));
        }
        self.produced += 1;
        Some(self.produced)
    }
}

#[test]
fn the_runtime_keeps_running_while_the_source_blocks() {
    let got = block_on_within(
        PATIENCE * 2,
        "a blocking source beside a heartbeat",
        || async {
            let ticks = Arc::new(AtomicUsize::new(0));
            let heartbeat = tokio::spawn({
                let ticks = Arc::clone(&ticks);
                async move {
                    loop {
                        tokio::time::sleep(Duration::from_millis(2)).await;
                        ticks.fetch_add(1, Ordering::SeqCst);
                    }
                }
            });
            let source = WaitsForHeartbeats { ticks, produced: 0 };
            let got = take_all(stream_blocking(source, 2)).await;
            heartbeat.abort();
            got
        },
    );
    assert_eq!(
        got,
        [1, 2, 3, 4, 5],
        "the stream ended early: the source waited for the runtime's heartbeat, which stopped \
         while the source blocked the runtime's only thread. Read the source with \
         tokio::task::spawn_blocking (a tokio::spawn task still runs on the runtime) ({READ})"
    );
}

/// A source of 0..100 that counts how many items have been read from it.
struct Counted {
    next: usize,
    read: Arc<AtomicUsize>,
}

impl Iterator for Counted {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        (self.next < 100).then(|| {
            self.read.fetch_add(1, Ordering::SeqCst);
            self.next += 1;
            self.next - 1
        })
    }
}

#[test]
fn the_source_is_read_no_faster_than_the_items_are_taken() {
    const CAPACITY: usize = 4;
    let worst = block_on_within(PATIENCE, "a slow consumer", || async {
        let read = Arc::new(AtomicUsize::new(0));
        let mut stream = stream_blocking(
            Counted {
                next: 0,
                read: Arc::clone(&read),
            },
            CAPACITY,
        );
        let mut worst = 0;
        let mut taken = 0;
        while stream.recv().await.is_some() {
            taken += 1;
            // Give a source that does not wait the time to run ahead.
            tokio::time::sleep(Duration::from_millis(20)).await;
            worst = worst.max(read.load(Ordering::SeqCst) - taken);
        }
        worst
    });
    assert!(
        worst <= CAPACITY + 1,
        "the source was read {worst} items ahead of the consumer with a capacity of {CAPACITY}: \
         use a channel of `capacity` and wait while it is full (blocking_send), so that a slow \
         consumer slows the source down ({READ})"
    );
}

#[test]
#[should_panic(expected = "capacity")]
fn a_capacity_of_zero_is_refused() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let _ = stream_blocking(0..3, 0);
    });
}
