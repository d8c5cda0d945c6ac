//! Section 2: producers and consumers. Three workers take nine jobs from a queue; the main
//! thread waits for the *work* with `join()`, which returns once every job has been marked
//! done with `task_done()`, then stops the workers with one sentinel each. Then the tutorial's
//! mistake: a consumer that leaves at the sentinel without marking it done, so a `join()` after
//! the sentinel never returns. Last, the Rust idiom: a channel that closes when its senders are
//! dropped, which ends every worker's loop with no sentinel and no accounting.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crossbeam::channel;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{human, timed};
use shared::workload::io::simulated_io;

use crate::Flags;
use crate::queue::FifoQueue;

/// Which worker did a job, and its result.
pub type Done = (usize, u64);

/// One job: wait `work` (the job's I/O), then square the number.
fn job(worker: usize, n: u64, work: Duration, timeline: &Timeline) -> Done {
    let _span = timeline.span(format!("worker {worker}"), format!("job {n}"));
    simulated_io(work);
    (worker, n * n)
}

// ANCHOR: join
/// Python's pattern: workers loop on `get()` and mark each job done; the main thread puts the
/// jobs and waits in `join()` until every one is marked. The workers are still waiting for
/// more then; one `None` each stops them.
pub fn with_join(
    jobs: RangeInclusive<u64>,
    workers: usize,
    work: Duration,
    timeline: &Timeline,
) -> Vec<Done> {
    let queue = FifoQueue::unbounded();
    let done = Mutex::new(Vec::new());
    thread::scope(|s| {
        for worker in 0..workers {
            let (queue, done) = (&queue, &done);
            s.spawn(move || {
                while let Some(n) = queue.get() {
                    let result = job(worker, n, work, timeline);
                    done.lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push(result);
                    queue.task_done().expect("one task_done per job taken");
                }
                queue.task_done().expect("the sentinel is an item too");
            });
        }
        for n in jobs {
            queue.put(Some(n));
        }
        queue.join(); // every job taken *and* marked done
        let results = done.lock().unwrap_or_else(PoisonError::into_inner).clone();
        for _ in 0..workers {
            queue.put(None); // stop: the workers are waiting in get() for more
        }
        results
    })
}
// ANCHOR_END: join

// ANCHOR: sentinel
/// The tutorial's consumer: it leaves its loop at the sentinel without marking it done. Once
/// it has gone, a `join()` waits for a `task_done()` that nobody will ever call. Returns
/// whether `join()` returned within `patience`, and the count of unfinished tasks it waits on;
/// then makes the missing call itself, so that the waiting thread can end.
pub fn sentinel_never_marked_done(items: u64, patience: Duration) -> (bool, usize) {
    let queue = FifoQueue::unbounded();
    thread::scope(|s| {
        let consumer = s.spawn(|| {
            while let Some(_item) = queue.get() {
                queue.task_done().expect("one per item");
            } // the sentinel: the loop ends, with no task_done()
        });
        for item in 0..items {
            queue.put(Some(item));
        }
        queue.put(None);
        consumer.join().expect("the consumer does not panic");
        let unfinished = queue.unfinished_tasks();
        let (joined, waited) = channel::bounded(1);
        let queue = &queue;
        s.spawn(move || {
            queue.join();
            let _ = joined.send(());
        });
        let returned = waited.recv_timeout(patience).is_ok();
        if !returned {
            queue.task_done().expect("the sentinel's missing call");
        }
        (returned, unfinished)
    })
}
// ANCHOR_END: sentinel

// ANCHOR: closed_channel
/// The Rust idiom: workers loop over a channel until it is closed and empty. Dropping the last
/// sender closes it, so the main thread's `drop(sender)` is the whole stop protocol, and joining
/// the workers is waiting for the work. Results come back through the join handles.
pub fn with_closed_channel(
    jobs: RangeInclusive<u64>,
    workers: usize,
    work: Duration,
    timeline: &Timeline,
) -> Vec<Done> {
    let (sender, receiver) = channel::bounded(workers);
    thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                let receiver = receiver.clone();
                s.spawn(move || {
                    let jobs = receiver.iter(); // ends when the channel is closed and empty
                    jobs.map(|n| job(worker, n, work, timeline))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for n in jobs {
            sender.send(n).expect("the workers hold the receiving end");
        }
        drop(sender); // closes the channel: no sentinel needed
        let per_worker = handles.into_iter().map(|handle| handle.join());
        per_worker
            .flat_map(|results| results.expect("a worker panicked"))
            .collect()
    })
}
// ANCHOR_END: closed_channel

/// Section 2 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    let work = unit / 20;
    let workers = 3;
    report.say(&format!(
        "Three workers take the jobs 1 to 9 from a queue; each job waits {} and squares its \
         number. The main thread puts the jobs and calls join(), which returns \
         once every job has been marked done with task_done(). The workers are still waiting \
         in get() for more then, so one sentinel each stops them.",
        human(work)
    ));
    let timeline = Timeline::new();
    let (joined, joined_took) = timed(|| with_join(1..=9, workers, work, &timeline));
    let rounds = 9_u32.div_ceil(workers as u32);
    report.results(&[summary(
        "queue, task_done and join",
        &joined,
        joined_took,
        work * rounds,
    )]);
    report.timeline(&timeline);

    let patience = 2 * unit;
    report.say(&format!(
        "The tutorial's consumer leaves its loop at the sentinel without calling task_done() \
         for it. Its program never calls join(), so nothing shows. Here the main thread puts \
         five items and the sentinel, waits for the consumer to finish, then calls join() and \
         gives it {}:",
        human(patience)
    ));
    let (returned, unfinished) = sentinel_never_marked_done(5, patience);
    report.results(&[Record::new("join() after an unmarked sentinel")
        .text(
            "outcome",
            if returned {
                "returned".to_string()
            } else {
                format!("still waiting after {}", human(patience))
            },
        )
        .count("unfinished_tasks", unfinished as u64)]);

    report.say(
        "The Rust idiom: a channel. The workers loop over the receiving end; drop(sender) \
         closes it, each loop ends once the channel is empty, and joining the threads waits \
         for the work. No sentinel, no task_done, no join() on the queue:",
    );
    let timeline = Timeline::new();
    let (closed, closed_took) = timed(|| with_closed_channel(1..=9, workers, work, &timeline));
    report.results(&[summary(
        "channel closed by drop(sender)",
        &closed,
        closed_took,
        work * rounds,
    )]);
    report.timeline(&timeline);
    Ok(())
}

/// Jobs done, the sum of their results, who did how many, and the wall time against the ideal
/// (`rounds` of jobs waiting at once).
fn summary(label: &str, done: &[Done], took: Duration, ideal: Duration) -> Record {
    let mut per_worker = BTreeMap::new();
    for (worker, _) in done {
        *per_worker.entry(worker).or_insert(0) += 1;
    }
    let split: Vec<String> = per_worker.values().map(u32::to_string).collect();
    Record::new(label)
        .count("jobs", done.len() as u64)
        .count(
            "sum_of_squares",
            done.iter().map(|(_, square)| square).sum(),
        )
        .text("jobs_per_worker", split.join("/"))
        .wall(took)
        .ratio("of_ideal", took.as_secs_f64() / ideal.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::within;

    const PATIENCE: Duration = Duration::from_secs(10);

    fn sum(done: &[Done]) -> u64 {
        done.iter().map(|(_, square)| square).sum()
    }

    #[test]
    fn join_returns_with_every_job_done() {
        let done = within(PATIENCE, "with_join", || {
            with_join(1..=9, 3, Duration::ZERO, &Timeline::new())
        });
        assert_eq!((done.len(), sum(&done)), (9, 285));
    }

    #[test]
    fn a_closed_channel_ends_every_worker() {
        let done = within(PATIENCE, "with_closed_channel", || {
            with_closed_channel(1..=9, 3, Duration::ZERO, &Timeline::new())
        });
        assert_eq!((done.len(), sum(&done)), (9, 285));
    }

    #[test]
    fn a_sentinel_that_is_never_marked_done_keeps_join_waiting() {
        let outcome = within(PATIENCE, "the sentinel demonstration", || {
            sentinel_never_marked_done(5, Duration::from_millis(50))
        });
        assert_eq!(outcome, (false, 1));
    }
}
