//! Section 3: a pipeline of threads on bounded crossbeam channels.
//!
//! A reader makes items at no cost and sends them into `raw`; workers take them from `raw`
//! (fan-out: every worker holds a clone of one receiver), work on each, and send the results
//! into `done` (fan-in: every worker holds a clone of one sender); a writer takes them from
//! `done`. Both channels are bounded, so a `send` into a full channel blocks: the reader can run
//! only a few items ahead of the workers, however fast it is. That is backpressure, and it
//! keeps memory bounded whatever the difference in speed. The writer `select!`s over `done` and
//! a ticker, and at each tick samples how full the channels are.
//!
//! Each stage ends by itself: the reader's sender is dropped when it is done, which closes
//! `raw`; each worker's loop ends when `raw` is closed and empty, dropping its clone of the
//! `done` sender; the last one closes `done`, and the writer's loop ends.

use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, Receiver, Sender, TrySendError};
use crossbeam::select;
use shared::lesson::Env;
use shared::report::Report;
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human, timed};
use shared::workload::io::simulated_io;

use crate::Flags;
use crate::stage::{Channel, Costs, Probe, Run, Stage, StageWork, sparkline};

/// A bounded channel of `capacity`, or an unbounded one for `None`.
pub fn channel<T>(capacity: Option<usize>) -> (Sender<T>, Receiver<T>) {
    match capacity {
        Some(capacity) => channel::bounded(capacity),
        None => channel::unbounded(),
    }
}

/// What the stages do to an item: work on it (the slow part), then write its result.
pub struct Steps<'a> {
    /// The middle stage's work.
    pub work: &'a (dyn Fn(u64) -> u64 + Sync),
    /// The writer's work.
    pub write: &'a (dyn Fn(u64) + Sync),
}

// ANCHOR: run
/// Sends `items` items through reader → `workers` workers → writer, over channels of
/// `capacity` (`None`: unbounded). Returns what each stage did.
pub fn run(
    items: u64,
    workers: usize,
    capacity: Option<usize>,
    steps: &Steps<'_>,
    probe: &Probe,
) -> Run {
    let (raw_sender, raw) = channel(capacity);
    let (done_sender, done) = channel(capacity);
    let clock = Stopwatch::start();
    thread::scope(|s| {
        let reader = s.spawn(move || read(items, raw_sender, probe));
        let workers: Vec<_> = (1..=workers)
            .map(|worker| {
                let (raw, done_sender) = (raw.clone(), done_sender.clone());
                s.spawn(move || work(worker, raw, done_sender, steps, probe))
            })
            .collect();
        drop(done_sender); // the workers hold the only senders into `done` now
        let (write, results, checksum) = write(done, raw, steps, probe);
        let read = reader.join().expect("the reader does not panic");
        let work = workers
            .into_iter()
            .map(|w| w.join().expect("no worker panics"));
        Run {
            stages: vec![
                Stage {
                    name: "read",
                    workers: 1,
                    work: read,
                },
                Stage {
                    name: "work",
                    workers: work.len(),
                    work: work.fold(StageWork::default(), StageWork::merge),
                },
                Stage {
                    name: "write",
                    workers: 1,
                    work: write,
                },
            ],
            results,
            checksum,
            wall: clock.elapsed(),
        }
    })
}
// ANCHOR_END: run

// ANCHOR: stages
/// Sends `item`; returns how long it waited for room (zero if there was room at once), and
/// shows the wait on the timeline.
fn send<T>(channel: &Sender<T>, item: T, lane: &str, timeline: &Timeline) -> Duration {
    match channel.try_send(item) {
        Ok(()) => Duration::ZERO,
        Err(TrySendError::Full(item)) => {
            let _span = timeline.span(format!("{lane} blocked"), "channel full");
            let (sent, waited) = timed(|| channel.send(item));
            sent.expect("the next stage outlives this one");
            waited
        }
        Err(TrySendError::Disconnected(_)) => panic!("the next stage ended early"),
    }
}

fn read(items: u64, raw: Sender<u64>, probe: &Probe) -> StageWork {
    let mut did = StageWork::default();
    for item in 0..items {
        did.blocked += send(&raw, item, "read", &probe.timeline);
        probe.saw(Channel::Raw, raw.len());
        did.items += 1;
    }
    did.finished = probe.timeline.now();
    did // dropping `raw` here closes the channel: the workers' loops end when it is empty
}

fn work(
    worker: usize,
    raw: Receiver<u64>,
    done: Sender<(u64, u64)>,
    steps: &Steps<'_>,
    probe: &Probe,
) -> StageWork {
    let lane = format!("work {worker}");
    let mut did = StageWork::default();
    for item in raw {
        let span = probe.timeline.span(&lane, format!("item {item}"));
        let (result, busy) = timed(|| (steps.work)(item));
        drop(span);
        did.busy += busy;
        did.blocked += send(&done, (item, result), &lane, &probe.timeline);
        probe.saw(Channel::Done, done.len());
        did.items += 1;
    }
    did.finished = probe.timeline.now();
    did
}

/// The writer: takes results until every worker is gone, and samples both channels' fill at
/// each tick. Returns its work, the number of results and their sum.
fn write(
    done: Receiver<(u64, u64)>,
    raw: Receiver<u64>, // only to look at how full it is
    steps: &Steps<'_>,
    probe: &Probe,
) -> (StageWork, u64, u64) {
    let ticker = channel::tick(Duration::from_millis(5));
    let (mut did, mut checksum) = (StageWork::default(), 0);
    loop {
        select! {
            recv(done) -> result => match result {
                Ok((item, square)) => {
                    let _span = probe.timeline.span("write", format!("item {item}"));
                    did.busy += timed(|| (steps.write)(square)).1;
                    checksum += square;
                    did.items += 1;
                }
                Err(_closed) => break, // every worker has finished, and `done` is empty
            },
            recv(ticker) -> _ => probe.sample(raw.len(), done.len()),
        }
    }
    did.finished = probe.timeline.now();
    (did, did.items, checksum)
}
// ANCHOR_END: stages

/// The lesson's steps: wait the stage's cost, and square the item.
fn timed_steps(costs: Costs) -> (impl Fn(u64) -> u64 + Sync, impl Fn(u64) + Sync) {
    (
        move |item: u64| {
            simulated_io(costs.work);
            item * item
        },
        move |_: u64| simulated_io(costs.write),
    )
}

/// Section 3 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (items, workers, capacity) = (flags.items(env), flags.workers(), flags.capacity());
    let costs = Costs::for_unit(env.unit());
    let (work, write) = timed_steps(costs);
    let steps = Steps {
        work: &work,
        write: &write,
    };
    report.say(&format!(
        "{items} items go from a reader, which makes them at no cost, through a worker stage \
         that takes {} an item, to a writer that takes {}; both channels hold {capacity} \
         items. With one worker, the worker stage is the bottleneck (at most {:.0} items/s). \
         Bars are items; a lane ending in \"blocked\" is a thread waiting in send() for room \
         in a full channel.",
        human(costs.work),
        human(costs.write),
        costs.best_throughput(1)
    ));
    let one = Probe::default();
    let one_run = run(items, 1, Some(capacity), &steps, &one);
    report.timeline(&one.timeline);

    report.say(&format!(
        "Fan-out: {workers} workers share one receiver, and fan-in: they share one sender into \
         the writer. The worker stage can now do {:.0} items/s, more than the writer's {:.0}, \
         so the writer becomes the bottleneck and the workers wait for room in its channel:",
        workers as f64 / costs.work.as_secs_f64(),
        1.0 / costs.write.as_secs_f64(),
    ));
    let many = Probe::default();
    let many_run = run(items, workers, Some(capacity), &steps, &many);
    report.timeline(&many.timeline);

    report.say(
        "For comparison, one worker again with unbounded channels: the reader is never held \
         back, finishes at once, and every item waits in memory.",
    );
    let unbounded = Probe::default();
    let unbounded_run = run(items, 1, None, &steps, &unbounded);

    report.say(&format!(
        "The runs: items per second, against the slowest stage's pace (\"of best\"); the most \
         items each channel held; when the reader was done. {} items squared add up to {}; \
         every run's writer got exactly that.",
        items,
        (0..items).map(|i| i * i).sum::<u64>()
    ));
    report.results(&[
        one_run.record(
            &format!("1 worker, capacity {capacity}"),
            &one,
            costs.best_throughput(1),
        ),
        many_run.record(
            &format!("{workers} workers, capacity {capacity}"),
            &many,
            costs.best_throughput(workers),
        ),
        unbounded_run.record("1 worker, unbounded", &unbounded, costs.best_throughput(1)),
    ]);
    check_checksums(items, &[&one_run, &many_run, &unbounded_run])?;
    report.say(
        "How each stage spent the run: busy on items, blocked on a full channel (the rest is \
         waiting for input), and how many items a second it could do if never held up.",
    );
    let mut stages = one_run.stage_records("1 worker");
    stages.extend(many_run.stage_records(&format!("{workers} workers")));
    report.results(&stages);
    report.say(
        "How full the raw channel was, sampled every 5 ms by the writer's select! (a full \
         bar is the capacity; the unbounded run is scaled to its own peak):",
    );
    for (label, probe, top) in [
        ("1 worker ", &one, capacity),
        ("unbounded", &unbounded, unbounded.peak(Channel::Raw)),
    ] {
        let raw: Vec<usize> = probe.samples().iter().map(|[raw, _]| *raw).collect();
        report.line(&format!("{label}  raw  {}", sparkline(&raw, top, 60)));
    }
    Ok(())
}

/// Every run's writer must have received every item exactly once.
pub fn check_checksums(items: u64, runs: &[&Run]) -> anyhow::Result<()> {
    let expected: u64 = (0..items).map(|i| i * i).sum();
    for run in runs {
        anyhow::ensure!(
            run.results == items && run.checksum == expected,
            "a pipeline lost or repeated items: {} results adding up to {}, expected {items} \
             adding up to {expected}",
            run.results,
            run.checksum
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::instruments::{Rendezvous, within};

    const PATIENCE: Duration = Duration::from_secs(10);

    fn square(item: u64) -> u64 {
        item * item
    }

    #[test]
    fn every_item_arrives_once_and_no_channel_holds_more_than_its_capacity() {
        let probe = Probe::default();
        let got = within(PATIENCE, "the pipeline", move || {
            let run = run(
                500,
                3,
                Some(2),
                &Steps {
                    work: &square,
                    write: &|_| {},
                },
                &probe,
            );
            (run, probe.peak(Channel::Raw), probe.peak(Channel::Done))
        });
        let (run, peak_raw, peak_done) = got;
        check_checksums(500, &[&run]).unwrap();
        assert!(peak_raw <= 2 && peak_done <= 2, "{peak_raw}, {peak_done}");
        assert_eq!(run.stage("work").unwrap().work.items, 500);
    }

    #[test]
    fn the_workers_run_at_the_same_time() {
        let meet = Rendezvous::new(3, PATIENCE);
        let work = move |item: u64| {
            if item < 3 {
                meet.wait().expect("the three workers did not run together");
            }
            item
        };
        within(PATIENCE, "the fan-out", move || {
            let probe = Probe::default();
            run(
                9,
                3,
                Some(1),
                &Steps {
                    work: &work,
                    write: &|_| {},
                },
                &probe,
            )
        });
    }

    #[test]
    fn unbounded_channels_let_the_reader_run_ahead() {
        let (release, gate) = channel::bounded::<()>(0);
        let first = move |item: u64| {
            if item == 0 {
                let _ = gate.recv(); // hold the only worker until the test lets it go
            }
            item
        };
        let probe = Probe::default();
        within(PATIENCE, "the unbounded pipeline", move || {
            thread::scope(|s| {
                let running = s.spawn(|| {
                    run(
                        100,
                        1,
                        None,
                        &Steps {
                            work: &first,
                            write: &|_| {},
                        },
                        &probe,
                    )
                });
                while probe.peak(Channel::Raw) < 99 {
                    thread::yield_now(); // the reader is not held back: it sends all 100
                }
                drop(release);
                running.join().unwrap();
            });
        });
    }
}
