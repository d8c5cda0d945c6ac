use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crossbeam::channel;
use shared::instruments::{Gauge, GaugeGuard, Rendezvous, within};

use super::subject::pipeline::run_pipeline;
use crate::kit::{PATIENCE, ReadMore};

const READ: ReadMore = ReadMore::here(module_path!());

fn guarded<T: Send + 'static>(what: &str, scenario: impl FnOnce() -> T + Send + 'static) -> T {
    within(PATIENCE, what, scenario)
}

/// Producer `p` of `n` items: p × 1000 + 0, 1, 2 …
fn items(p: u64, n: u64) -> impl Iterator<Item = u64> + Send {
    (0..n).map(move |i| p * 1000 + i)
}

/// An iterator that counts how many items were taken from it.
fn counted(
    inner: impl Iterator<Item = u64> + Send,
    taken: &Arc<AtomicUsize>,
) -> impl Iterator<Item = u64> + Send {
    let taken = Arc::clone(taken);
    inner.inspect(move |_| {
        taken.fetch_add(1, Ordering::SeqCst);
    })
}

#[test]
fn every_item_is_worked_on_exactly_once() {
    let mut results = guarded("run_pipeline", || {
        let producers: Vec<_> = (0..4).map(|p| items(p, 250)).collect();
        run_pipeline(producers, 3, 5, |n| Ok::<u64, String>(n * 2))
    })
    .expect("no item fails");
    results.sort_unstable();
    let mut expected: Vec<u64> = (0..4).flat_map(|p| items(p, 250)).map(|n| n * 2).collect();
    expected.sort_unstable();
    assert_eq!(results.len(), 1000, "4 producers × 250 items ({READ})");
    assert_eq!(
        results.iter().sum::<u64>(),
        expected.iter().sum::<u64>(),
        "the checksum of the results: an item was lost or worked on twice ({READ})"
    );
    assert_eq!(
        results, expected,
        "every item once, none lost, none twice ({READ})"
    );
}

#[test]
fn the_producers_run_at_the_same_time() {
    let outcome = guarded("run_pipeline", || {
        let meet = Rendezvous::new(3, PATIENCE / 2);
        let producers: Vec<_> = (0..3u64)
            .map(|p| {
                let meet = meet.clone();
                let mut first = true;
                items(p, 10).inspect(move |_| {
                    if std::mem::take(&mut first) {
                        meet.wait()
                            .expect("the three producers did not run together");
                    }
                })
            })
            .collect();
        run_pipeline(producers, 2, 4, Ok::<u64, String>)
    });
    assert_eq!(
        outcome.map(|results| results.len()),
        Ok(30),
        "each producer on a thread of its own ({READ})"
    );
}

#[test]
fn the_consumers_work_at_the_same_time() {
    let outcome = guarded("run_pipeline", || {
        let meet = Rendezvous::new(3, PATIENCE / 2);
        run_pipeline(vec![items(0, 30)], 3, 4, move |n| -> Result<u64, String> {
            if n < 3 {
                meet.wait()
                    .map_err(|why| format!("the consumers did not work together: {why}"))?;
            }
            Ok(n)
        })
    });
    assert_eq!(
        outcome.map(|results| results.len()),
        Ok(30),
        "three consumers must take items and work at the same time ({READ})"
    );
}

/// An item that counts as "taken from a producer and not yet worked on" while it lives.
struct Tracked(u64, GaugeGuard);

#[test]
fn the_channel_holds_at_most_capacity_items() {
    const CAPACITY: usize = 3;
    const PRODUCERS: usize = 2;
    const CONSUMERS: usize = 2;
    let in_between = Gauge::new();
    let watched = in_between.clone();
    let results = guarded("run_pipeline with the consumers held", move || {
        let watched = in_between.clone();
        let (release, held) = channel::bounded::<()>(0);
        thread::scope(|s| {
            let running = s.spawn(|| {
                let producers: Vec<_> = (0..PRODUCERS as u64)
                    .map(|p| {
                        let gauge = in_between.clone();
                        items(p, 200).map(move |n| Tracked(n, gauge.enter()))
                    })
                    .collect();
                run_pipeline(producers, CONSUMERS, CAPACITY, |Tracked(n, counted)| {
                    drop(counted); // in a consumer's hands now
                    let _ = held.recv(); // every consumer waits until the test lets go
                    Ok::<u64, String>(n)
                })
            });
            // The consumers each hold an item and wait; the channel fills up, and then each
            // producer waits in `send` with one more. A bounded pipeline stops there.
            // `running` may end early instead (a stub's panic, a pipeline that returns at
            // once): then nothing will fill the channel, and waiting would only hang.
            while watched.current() < CAPACITY + PRODUCERS && !running.is_finished() {
                thread::yield_now();
            }
            for _ in 0..1000 {
                thread::yield_now(); // time for producers that are not held back to go on
            }
            drop(release);
            // Pass a panic on as it is, so that the failure shows the stub's own message.
            running
                .join()
                .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
        })
    });
    assert_eq!(
        results.map(|r| r.len()),
        Ok(400),
        "every item arrives ({READ})"
    );
    let peak = watched.peak();
    assert!(
        peak <= CAPACITY + PRODUCERS + CONSUMERS,
        "{peak} items were taken from the producers and not yet worked on, with a capacity of \
         {CAPACITY}: the channel must be bounded, so that a producer waits in send() while it \
         is full ({READ})"
    );
}

#[test]
fn a_failure_stops_the_consumers_and_the_producers() {
    let taken = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&taken);
    let outcome = guarded("run_pipeline with a failing item", move || {
        run_pipeline(vec![counted(0..10_000, &counter)], 3, 4, |n| {
            if n == 20 {
                Err(format!("item {n} failed"))
            } else {
                Ok(n)
            }
        })
    });
    assert_eq!(
        outcome.map(|results| results.len()),
        Err("item 20 failed".to_string()),
        "a failing item's error is what run_pipeline returns ({READ})"
    );
    let taken = taken.load(Ordering::SeqCst);
    let allowed = 21 + 4 + 1 + 3;
    assert!(
        taken <= allowed,
        "{taken} items were taken from the producer; after item 20 failed, at most {allowed} \
         (capacity + producers + consumers more) should be: the other consumers must stop, and \
         the producer with them ({READ})"
    );
}

#[test]
fn a_failure_releases_producers_waiting_on_a_full_channel() {
    let taken = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&taken);
    let outcome = guarded("run_pipeline whose work always fails", move || {
        let producers: Vec<_> = (0..3).map(|_| counted(0.., &counter)).collect();
        run_pipeline(producers, 2, 2, |n: u64| Err::<u64, u64>(n))
    });
    assert!(outcome.is_err(), "every item fails ({READ})");
    let taken = taken.load(Ordering::SeqCst);
    assert!(
        taken <= 2 + 2 + 3,
        "{taken} items taken from endless producers: once the consumers stop, a producer's \
         send must fail and the producer stop ({READ})"
    );
}
