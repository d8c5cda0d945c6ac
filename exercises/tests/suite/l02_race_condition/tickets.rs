//! Tickets taken on real threads (a run shows what one schedule did), and under the model
//! checker (every interleaving of two takers: a race cannot hide there).

use super::subject::tickets::TicketDispenser;
use crate::kit::ReadMore;

const READ: ReadMore = ReadMore::here(module_path!());

#[cfg(not(feature = "model"))]
mod on_threads {
    use std::sync::Arc;

    use super::*;
    use crate::kit::race::together;

    #[test]
    fn tickets_count_up_from_zero() {
        let dispenser = TicketDispenser::new();
        assert_eq!(
            dispenser.issued(),
            0,
            "a new dispenser has issued nothing ({READ})"
        );
        let tickets: Vec<u64> = (0..3).map(|_| dispenser.take()).collect();
        assert_eq!(tickets, [0, 1, 2], "tickets go 0, 1, 2, … ({READ})");
        assert_eq!(dispenser.issued(), 3, "three tickets taken ({READ})");
    }

    #[test]
    fn four_threads_taking_at_once_never_share_a_ticket() {
        const THREADS: usize = 4;
        const EACH: usize = 100_000;
        let dispenser = Arc::new(TicketDispenser::new());
        let takers = Arc::clone(&dispenser);
        let per_thread = together(THREADS, "four threads taking tickets", move |_| {
            (0..EACH).map(|_| takers.take()).collect::<Vec<u64>>()
        });
        let mut tickets: Vec<u64> = per_thread.into_iter().flatten().collect();
        tickets.sort_unstable();
        let expected = (THREADS * EACH) as u64;
        let issued = dispenser.issued();
        let twice = tickets.windows(2).find(|pair| pair[0] == pair[1]);
        if let Some(pair) = twice {
            panic!(
                "ticket {} went to two takers, and the dispenser counts {issued} of {expected} \
                 tickets issued ({} updates lost): two threads read the count {} before either \
                 stored the next one. Read and advance the count in one step ({READ})",
                pair[0],
                expected.saturating_sub(issued),
                pair[0]
            );
        }
        assert_eq!(
            issued, expected,
            "{expected} tickets were taken, but the dispenser counts {issued} ({READ})"
        );
        assert_eq!(
            tickets.last().copied(),
            Some(expected - 1),
            "{expected} different tickets must be 0 to {} ({READ})",
            expected - 1
        );
    }
}

#[cfg(feature = "model")]
mod every_interleaving {
    use shared::sync::{Arc, thread};

    use super::*;
    use crate::kit::race::{FOUND, every_interleaving};

    /// What went wrong when two takers got `first` and `second` and the dispenser counts `issued`.
    fn explain(first: u64, second: u64, issued: u64) -> Option<String> {
        if first == second && issued < 2 {
            Some(format!(
                "both takers got ticket {first} and the dispenser counts only {issued} issued: both \
                 read the count {first} before either wrote {} back, so one increment was lost",
                first + 1
            ))
        } else if first == second {
            Some(format!(
                "both takers got ticket {first}: each added 1, then read the count again after the \
                 other had added too. The ticket must be the value the addition itself read"
            ))
        } else if issued != 2 || first.max(second) != 1 {
            Some(format!(
                "two takers got tickets {first} and {second}, and the dispenser counts {issued} \
                 issued: expected tickets 0 and 1, and 2 issued"
            ))
        } else {
            None
        }
    }

    #[test]
    fn two_takers_get_tickets_0_and_1() {
        every_interleaving("no locks to wait for here", READ, || {
            let dispenser = Arc::new(TicketDispenser::new());
            let other = thread::spawn({
                let dispenser = Arc::clone(&dispenser);
                move || dispenser.take()
            });
            let mine = dispenser.take();
            let theirs = other.join().expect("the other taker panicked");
            if let Some(why) = explain(theirs, mine, dispenser.issued()) {
                panic!("{FOUND} {why} ({READ})");
            }
        });
    }
}
