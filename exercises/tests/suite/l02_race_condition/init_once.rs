//! Initialisation on real threads that ask at once (an initialiser that waits for company shows
//! whether two ran together), and under the model checker (every interleaving of two callers).

use super::subject::init_once::InitOnce;
use crate::kit::ReadMore;

const READ: ReadMore = ReadMore::here(module_path!());

#[cfg(not(feature = "model"))]
mod on_threads {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use shared::instruments::{Gauge, Rendezvous};

    use super::*;
    use crate::kit::race::together;

    #[test]
    fn the_first_success_is_kept_and_shared() {
        let cell = InitOnce::new();
        assert!(cell.get().is_none(), "a new cell is empty ({READ})");
        let first = cell
            .get_or_try_init(|| Ok::<_, String>(String::from("config")))
            .expect("the initialiser succeeds");
        assert_eq!(*first, "config");
        let again = cell
            .get_or_try_init(|| -> Result<String, String> {
                panic!("the cell already has a value: this initialiser must not run ({READ})")
            })
            .expect("the value is there");
        assert!(
            Arc::ptr_eq(&first, &again),
            "every caller must get the same Arc, not a copy ({READ})"
        );
        let got = cell.get().expect("the value is there");
        assert!(
            Arc::ptr_eq(&first, &got),
            "get() returns the same Arc ({READ})"
        );
    }

    #[test]
    fn a_failed_initialiser_leaves_the_cell_empty_for_the_next() {
        let cell = InitOnce::new();
        assert_eq!(
            cell.get_or_try_init(|| Err::<u32, _>("the server is down"))
                .err(),
            Some("the server is down"),
            "a failing initialiser's error goes back to its caller ({READ})"
        );
        assert!(
            cell.get().is_none(),
            "after a failure the cell stays empty ({READ})"
        );
        let value = cell.get_or_try_init(|| Ok::<_, &str>(7));
        assert_eq!(
            value.as_deref(),
            Ok(&7),
            "after a failure the next caller runs its own initialiser ({READ})"
        );
        assert_eq!(cell.get().as_deref(), Some(&7));
    }

    #[test]
    fn four_threads_asking_at_once_initialise_once() {
        let cell = Arc::new(InitOnce::new());
        let inits = Arc::new(AtomicUsize::new(0));
        let running = Gauge::new();
        // An initialiser waits a moment for a second one to keep it company: only if two ran
        // at the same time do they meet, and that is then certain to show.
        let company = Rendezvous::new(2, Duration::from_millis(300));
        let (shared, counted, gauge) = (Arc::clone(&cell), Arc::clone(&inits), running.clone());
        let values = together(4, "four threads asking for the value", move |thread| {
            shared
                .get_or_try_init(|| {
                    let _running = gauge.enter();
                    counted.fetch_add(1, Ordering::SeqCst);
                    let _ = company.wait();
                    Ok::<_, ()>(thread)
                })
                .expect("the initialisers succeed")
        });
        let inits = inits.load(Ordering::SeqCst);
        assert_eq!(
            inits,
            1,
            "the initialiser ran {inits} times ({} at the same time): several threads found the \
             cell empty and each ran its own. Look and initialise as one step, under one lock \
             held to the end ({READ})",
            running.peak()
        );
        assert!(
            values.iter().all(|value| Arc::ptr_eq(value, &values[0])),
            "the four threads got different values: {:?} ({READ})",
            values.iter().map(|v| **v).collect::<Vec<_>>()
        );
    }
}

#[cfg(feature = "model")]
mod every_interleaving {
    use shared::sync::atomic::{AtomicUsize, Ordering};
    use shared::sync::{Arc, thread};

    use super::*;
    use crate::kit::race::{FOUND, every_interleaving};

    const WAITS: &str = "a caller waited for something that never came";

    /// Counts initialisers run, and the most running at once.
    #[derive(Default)]
    struct Inits {
        started: AtomicUsize,
        running: AtomicUsize,
        overlapped: AtomicUsize,
    }

    impl Inits {
        fn run<T, E>(&self, outcome: Result<T, E>) -> Result<T, E> {
            self.started.fetch_add(1, Ordering::SeqCst);
            if self.running.fetch_add(1, Ordering::SeqCst) > 0 {
                self.overlapped.fetch_add(1, Ordering::SeqCst);
            }
            self.running.fetch_sub(1, Ordering::SeqCst);
            outcome
        }

        fn counts(&self) -> (usize, bool) {
            (
                self.started.load(Ordering::SeqCst),
                self.overlapped.load(Ordering::SeqCst) > 0,
            )
        }
    }

    #[test]
    fn two_callers_initialise_once() {
        every_interleaving(WAITS, READ, || {
            let cell = Arc::new(InitOnce::new());
            let inits = Arc::new(Inits::default());
            let other = thread::spawn({
                let (cell, inits) = (Arc::clone(&cell), Arc::clone(&inits));
                move || cell.get_or_try_init(|| inits.run(Ok::<_, ()>("theirs")))
            });
            let mine = cell.get_or_try_init(|| inits.run(Ok::<_, ()>("mine")));
            let theirs = other.join().expect("the other caller panicked");
            let (started, overlapped) = inits.counts();
            assert!(
                started == 1,
                "{FOUND} both callers found the cell empty and each ran its initialiser ({started} \
                 initialisations{}): the second looked before the first had stored its value. \
                 Look and initialise as one step, under one lock ({READ})",
                if overlapped { ", at the same time" } else { "" }
            );
            let (mine, theirs) = (mine.expect("it succeeds"), theirs.expect("it succeeds"));
            assert!(
                Arc::ptr_eq(&mine, &theirs),
                "{FOUND} the two callers got different values, {mine:?} and {theirs:?} ({READ})"
            );
        });
    }

    #[test]
    fn after_a_failure_the_next_caller_initialises() {
        every_interleaving(WAITS, READ, || {
            let cell = Arc::new(InitOnce::new());
            let inits = Arc::new(Inits::default());
            let other = thread::spawn({
                let (cell, inits) = (Arc::clone(&cell), Arc::clone(&inits));
                move || cell.get_or_try_init(|| inits.run(Err::<u32, &str>("down")))
            });
            let mine = cell.get_or_try_init(|| inits.run(Ok::<u32, &str>(7)));
            let theirs = other.join().expect("the other caller panicked");
            let (_, overlapped) = inits.counts();
            assert!(
                !overlapped,
                "{FOUND} the two initialisers ran at the same time: the second caller must wait \
                 for the first to finish (or fail) ({READ})"
            );
            assert!(
                mine.as_deref() == Ok(&7),
                "{FOUND} a caller whose initialiser succeeds got {mine:?}, while the other's \
                 failed: a failure must leave the cell empty for the next caller ({READ})"
            );
            assert!(
                matches!(theirs.as_deref(), Err(&"down") | Ok(&7)),
                "{FOUND} the caller whose initialiser fails got {theirs:?}: its own error, or \
                 the value if the other got there first ({READ})"
            );
            let value = cell.get();
            assert!(
                value.as_deref() == Some(&7),
                "{FOUND} after both calls the cell holds {value:?} ({READ})"
            );
        });
    }
}
