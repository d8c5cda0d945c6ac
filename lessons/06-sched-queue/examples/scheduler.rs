//! The tutorial's `sched` example in Rust: one event two seconds out. Run it with
//! `cargo run -p lesson-06-sched-queue --example scheduler`.

use std::time::Duration;

use lesson_06_sched_queue::sched::Scheduler;

// ANCHOR: hello
fn hello(scheduler: &Scheduler) {
    scheduler.enter(Duration::from_secs(2), 1, |_| {
        println!("Message: Hello from scheduler!");
    });
    println!("Starting scheduler...");
    scheduler.run(true); // blocks until the queue is empty
    println!("Scheduler finished.");
}

fn main() {
    hello(&Scheduler::new()); // the monotonic clock, and thread::sleep to wait
}
// ANCHOR_END: hello

#[cfg(test)]
mod tests {
    use super::*;
    use shared::clock::{Clock, ManualClock};

    #[test]
    fn the_message_waits_two_seconds_of_simulated_time() {
        let clock = ManualClock::new();
        hello(&Scheduler::simulated(&clock));
        assert_eq!(clock.now(), Duration::from_secs(2));
    }
}
