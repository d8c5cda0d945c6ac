//! MISTAKE: an unbounded channel (like `std::sync::mpsc::channel()`, or Python's
//! `Queue()` with no maxsize): fast producers are never held back, and every item they make
//! piles up in memory.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;

use crossbeam::channel;

/// Runs `work` on every item of every producer, in `consumers` threads, over a channel of
/// `capacity`; returns every result, or the first error.
pub fn run_pipeline<T, U, E, P>(
    producers: Vec<P>,
    consumers: usize,
    capacity: usize,
    work: impl Fn(T) -> Result<U, E> + Sync,
) -> Result<Vec<U>, E>
where
    P: Iterator<Item = T> + Send,
    T: Send,
    U: Send,
    E: Send,
{
    let (sender, receiver) = channel::unbounded();
    let failed = AtomicBool::new(false);
    let first_error = Mutex::new(None);
    let results = thread::scope(|s| {
        for producer in producers {
            let sender = sender.clone();
            s.spawn(move || {
                for item in producer {
                    if sender.send(item).is_err() {
                        break; // every consumer has stopped
                    }
                }
            });
        }
        drop(sender); // the producers hold the only senders: the channel closes when they finish
        let workers: Vec<_> = (0..consumers)
            .map(|_| {
                let receiver = receiver.clone();
                let (work, failed, first_error) = (&work, &failed, &first_error);
                s.spawn(move || {
                    let mut results = Vec::new();
                    for item in receiver {
                        if failed.load(Ordering::SeqCst) {
                            break; // another consumer failed: start nothing new
                        }
                        match work(item) {
                            Ok(result) => results.push(result),
                            Err(error) => {
                                failed.store(true, Ordering::SeqCst);
                                let mut slot =
                                    first_error.lock().unwrap_or_else(PoisonError::into_inner);
                                slot.get_or_insert(error);
                                break;
                            }
                        }
                    }
                    results // dropping `receiver` here: once all are gone, sends fail
                })
            })
            .collect();
        drop(receiver); // or the producers would wait on a full channel for ever
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("a consumer panicked"))
            .collect()
    });
    match first_error
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
    {
        Some(error) => Err(error),
        None => Ok(results),
    }
}
