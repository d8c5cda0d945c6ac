//! Section 2's idiom without the course's instruments: waits on scoped threads, one each, take
//! as long as the longest.
//!
//! `cargo run -p lesson-01-threading --example waits_overlap`

use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: idiom
/// Runs every wait on a thread of its own; returns when all are done.
fn wait_all(waits: Vec<Box<dyn FnOnce() + Send>>) {
    thread::scope(|scope| {
        for wait in waits {
            scope.spawn(wait);
        }
    }); // the scope joins every thread here
}
// ANCHOR_END: idiom

fn main() {
    let started = Instant::now();
    wait_all(vec![
        Box::new(|| thread::sleep(Duration::from_secs(2))),
        Box::new(|| thread::sleep(Duration::from_secs(1))),
    ]);
    println!(
        "waited 2 s and 1 s in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::Rendezvous;
    use std::sync::mpsc;

    #[test]
    fn every_wait_runs_at_the_same_time() {
        // Waits that only end when all three are waiting together.
        let meet = Rendezvous::new(3, Duration::from_secs(10));
        let (said, heard) = mpsc::channel();
        let waits = (0..3)
            .map(|_| {
                let (meet, said) = (meet.clone(), said.clone());
                Box::new(move || said.send(meet.wait()).unwrap()) as Box<dyn FnOnce() + Send>
            })
            .collect();
        wait_all(waits);
        drop(said);
        let outcomes: Vec<_> = heard.iter().collect();
        assert_eq!(outcomes.len(), 3);
        assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
    }
}
