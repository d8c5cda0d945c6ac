//! A three-stage pipeline on bounded crossbeam channels: fan-out to several workers, fan-in to
//! one writer, and a `select!` over the results and a ticker. Run it with
//! `cargo run -p lesson-06-sched-queue --example pipeline`.

use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, select};

// ANCHOR: pipeline
/// Squares `0..items` in `workers` threads; returns the sum of the squares.
fn pipeline(items: u64, workers: usize, capacity: usize) -> u64 {
    let (raw_sender, raw) = channel::bounded(capacity);
    let (done_sender, done) = channel::bounded(capacity);
    thread::scope(|s| {
        s.spawn(move || {
            for item in 0..items {
                raw_sender.send(item).expect("the workers are alive"); // waits while full
            }
        });
        for _ in 0..workers {
            let (raw, done_sender) = (raw.clone(), done_sender.clone()); // fan-out, fan-in
            s.spawn(move || {
                for item in raw {
                    thread::sleep(Duration::from_millis(1)); // the slow stage
                    done_sender.send(item * item).expect("the writer is alive");
                }
            });
        }
        drop(done_sender); // only the workers' clones remain: `done` closes when they end
        let ticker = channel::tick(Duration::from_millis(20));
        let mut sum = 0;
        loop {
            select! {
                recv(done) -> square => match square {
                    Ok(square) => sum += square,
                    Err(_) => break, // closed and empty: every worker is done
                },
                recv(ticker) -> _ => println!("{} items waiting for a worker", raw.len()),
            }
        }
        sum
    })
}

fn main() {
    println!("sum of squares: {}", pipeline(100, 3, 4));
}
// ANCHOR_END: pipeline

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::within;

    #[test]
    fn every_item_is_squared_once() {
        let sum = within(Duration::from_secs(10), "the pipeline", || {
            pipeline(50, 3, 2)
        });
        assert_eq!(sum, (0..50).map(|i| i * i).sum::<u64>());
    }
}
