use std::panic;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use shared::instruments::block_on_within;

use super::subject::off_the_runtime::run_blocking;
use crate::kit::{PATIENCE, ReadMore, panic_message};

const READ: ReadMore = ReadMore::here(module_path!());

#[test]
fn returns_what_the_work_returns() {
    let answer = block_on_within(PATIENCE, "run_blocking", || run_blocking(|| 6 * 7));
    assert_eq!(answer, 42);
}

#[test]
fn a_heartbeat_keeps_ticking_while_the_work_runs() {
    // On a current-thread runtime (the guard builds one), a heartbeat task counts ticks. The
    // work, which blocks its thread, waits until it has seen five ticks: only possible if the
    // runtime's thread is free to run the heartbeat meanwhile.
    let saw_the_heartbeat =
        block_on_within(PATIENCE * 2, "run_blocking beside a heartbeat", || async {
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
            let saw = run_blocking(move || {
                let (start, give_up) = (
                    ticks.load(Ordering::SeqCst),
                    Instant::now() + Duration::from_secs(3),
                );
                while ticks.load(Ordering::SeqCst) < start + 5 {
                    if Instant::now() > give_up {
                        return false;
                    }
                    thread::sleep(Duration::from_millis(1));
                }
                true
            })
            .await;
            heartbeat.abort();
            saw
        });
    assert!(
        saw_the_heartbeat,
        "the heartbeat stopped while the work ran: the work blocked the runtime's only thread. \
         Hand it to tokio::task::spawn_blocking ({READ})"
    );
}

#[test]
fn a_panic_in_the_work_reaches_the_caller_unchanged() {
    let outcome = panic::catch_unwind(|| {
        block_on_within(PATIENCE, "run_blocking with panicking work", || {
            run_blocking(|| -> u8 { panic!("the work failed") })
        })
    });
    let message = outcome.map_or_else(
        |payload| panic_message(&*payload),
        |_| "no panic at all".into(),
    );
    assert_eq!(
        message, "the work failed",
        "a panic in the work must reach the caller as it was: \
         std::panic::resume_unwind(join_error.into_panic()) ({READ})"
    );
}
