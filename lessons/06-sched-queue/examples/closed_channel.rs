//! The tutorial's producer and consumer, the Rust way: the producer's sender is dropped when
//! it is done, which closes the channel and ends the consumer's loop; no sentinel. Run it with
//! `cargo run -p lesson-06-sched-queue --example closed_channel`.

use std::thread;
use std::time::Duration;

use crossbeam::channel;

// ANCHOR: produce_consume
fn produce_and_consume(pause: Duration) -> Vec<u32> {
    let (sender, receiver) = channel::bounded(2);
    let producer = thread::spawn(move || {
        for i in 0..5 {
            sender.send(i).expect("the consumer is alive");
            println!("Produced: {i}");
            thread::sleep(pause); // simulate work
        }
    }); // `sender` is dropped here, which closes the channel
    let consumer = thread::spawn(move || {
        let mut consumed = Vec::new();
        for item in receiver {
            // ends when the channel is closed and empty
            println!("Consumed: {item}");
            consumed.push(item);
        }
        consumed
    });
    producer.join().expect("the producer does not panic");
    consumer.join().expect("the consumer does not panic")
}

fn main() {
    let consumed = produce_and_consume(Duration::from_millis(500));
    println!("{} items consumed", consumed.len());
}
// ANCHOR_END: produce_consume

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::within;

    #[test]
    fn the_consumer_gets_every_item_and_stops_by_itself() {
        let consumed = within(Duration::from_secs(10), "the consumer", || {
            produce_and_consume(Duration::ZERO)
        });
        assert_eq!(consumed, [0, 1, 2, 3, 4]);
    }
}
