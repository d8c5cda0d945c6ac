//! Section 4: section 3's pipeline on tokio tasks, over `tokio::sync::mpsc` channels, all on
//! one thread.
//!
//! `send(item).await` on a full bounded channel suspends the task until there is room, so
//! backpressure works as with threads, without blocking the thread. An mpsc receiver cannot be
//! cloned (one consumer), so the workers share it behind an async `Mutex`: each locks it only
//! for one `recv().await`. Senders clone as with crossbeam, and the channel closes when the last
//! one is dropped, so each stage still ends by itself.

use std::sync::Arc;
use std::time::Duration;

use shared::lesson::Env;
use shared::report::Report;
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human};
use tokio::sync::Mutex;
use tokio::sync::mpsc::{self, Receiver, Sender, error::TrySendError};
use tokio::task::JoinSet;

use crate::Flags;
use crate::pipeline::check_checksums;
use crate::stage::{Channel, Costs, Probe, Run, Stage, StageWork, sparkline};

// ANCHOR: run
/// Section 3's pipeline with tasks: a reader, `workers` workers and a writer, over channels of
/// `capacity`; `costs` are waits (`tokio::time::sleep`), as on the threads.
pub async fn run(
    items: u64,
    workers: usize,
    capacity: usize,
    costs: Costs,
    probe: Arc<Probe>,
) -> Run {
    let (raw_sender, raw) = mpsc::channel(capacity);
    let (done_sender, done) = mpsc::channel(capacity);
    let clock = Stopwatch::start();
    let watch_raw = raw_sender.downgrade(); // to look at its fill without keeping it open
    let reader = tokio::spawn(read(items, raw_sender, Arc::clone(&probe)));
    let raw = Arc::new(Mutex::new(raw)); // one receiver, shared by the workers
    let mut work_stage = JoinSet::new();
    for worker in 1..=workers {
        let (raw, done_sender) = (Arc::clone(&raw), done_sender.clone());
        work_stage.spawn(work(
            worker,
            raw,
            done_sender,
            costs.work,
            Arc::clone(&probe),
        ));
    }
    drop(done_sender); // the workers hold the only senders into `done` now
    let (write, results, checksum) = write(done, watch_raw, costs.write, &probe).await;
    let read = reader.await.expect("the reader does not panic");
    let work = work_stage
        .join_all()
        .await
        .into_iter()
        .fold(StageWork::default(), StageWork::merge);
    Run {
        stages: vec![
            Stage {
                name: "read",
                workers: 1,
                work: read,
            },
            Stage {
                name: "work",
                workers,
                work,
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
}
// ANCHOR_END: run

// ANCHOR: stages
/// Sends `item`; returns how long the task waited for room, and shows the wait.
async fn send<T>(channel: &Sender<T>, item: T, lane: &str, timeline: &Timeline) -> Duration {
    match channel.try_send(item) {
        Ok(()) => Duration::ZERO,
        Err(TrySendError::Full(item)) => {
            let _span = timeline.span(format!("{lane} blocked"), "channel full");
            let clock = Stopwatch::start();
            channel
                .send(item)
                .await
                .expect("the next stage outlives this one");
            clock.elapsed()
        }
        Err(TrySendError::Closed(_)) => panic!("the next stage ended early"),
    }
}

/// Items in a bounded tokio channel: its capacity minus the free slots.
fn fill<T>(channel: &Sender<T>) -> usize {
    channel.max_capacity() - channel.capacity()
}

async fn read(items: u64, raw: Sender<u64>, probe: Arc<Probe>) -> StageWork {
    let mut did = StageWork::default();
    for item in 0..items {
        did.blocked += send(&raw, item, "read", &probe.timeline).await;
        probe.saw(Channel::Raw, fill(&raw));
        did.items += 1;
    }
    did.finished = probe.timeline.now();
    did
}

async fn work(
    worker: usize,
    raw: Arc<Mutex<Receiver<u64>>>,
    done: Sender<(u64, u64)>,
    cost: Duration,
    probe: Arc<Probe>,
) -> StageWork {
    let lane = format!("work {worker}");
    let mut did = StageWork::default();
    loop {
        // The guard is a temporary, dropped at the end of this statement: the lock is held for
        // one `recv` only. (In `while let Some(item) = raw.lock().await.recv().await`, it
        // would live to the end of the loop's body, and the workers would take turns.)
        let next = raw.lock().await.recv().await;
        let Some(item) = next else { break };
        let span = probe.timeline.span(&lane, format!("item {item}"));
        let clock = Stopwatch::start();
        tokio::time::sleep(cost).await;
        did.busy += clock.elapsed();
        drop(span);
        did.blocked += send(&done, (item, item * item), &lane, &probe.timeline).await;
        probe.saw(Channel::Done, fill(&done));
        did.items += 1;
    }
    did.finished = probe.timeline.now();
    did
}

async fn write(
    mut done: Receiver<(u64, u64)>,
    raw: mpsc::WeakSender<u64>,
    cost: Duration,
    probe: &Probe,
) -> (StageWork, u64, u64) {
    let mut ticker = tokio::time::interval(Duration::from_millis(5));
    let (mut did, mut checksum) = (StageWork::default(), 0);
    loop {
        tokio::select! {
            result = done.recv() => match result {
                Some((item, square)) => {
                    let _span = probe.timeline.span("write", format!("item {item}"));
                    let clock = Stopwatch::start();
                    tokio::time::sleep(cost).await;
                    did.busy += clock.elapsed();
                    checksum += square;
                    did.items += 1;
                }
                None => break, // every worker has finished, and `done` is empty
            },
            _ = ticker.tick() => {
                let raw_fill = raw.upgrade().map_or(0, |raw| fill(&raw));
                probe.sample(raw_fill, done.len());
            }
        }
    }
    did.finished = probe.timeline.now();
    (did, did.items, checksum)
}
// ANCHOR_END: stages

/// Section 4 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (items, workers, capacity) = (flags.items(env), flags.workers(), flags.capacity());
    let costs = Costs::for_unit(env.unit());
    report.say(&format!(
        "The same pipeline with tokio tasks on a runtime of one thread: the reader, {workers} \
         workers and the writer are tasks, the channels are tokio::sync::mpsc channels of \
         {capacity}, and the stages' costs ({} and {}) are tokio::time::sleep. A task whose \
         send finds the channel full is suspended until there is room, leaving the thread to \
         the others.",
        human(costs.work),
        human(costs.write)
    ));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()?;
    let one = Arc::new(Probe::default());
    let one_run = runtime.block_on(run(items, 1, capacity, costs, Arc::clone(&one)));
    let many = Arc::new(Probe::default());
    let many_run = runtime.block_on(run(items, workers, capacity, costs, Arc::clone(&many)));
    check_checksums(items, &[&one_run, &many_run])?;
    report.timeline(&many.timeline);
    report.results(&[
        one_run.record(
            &format!("1 task, capacity {capacity}"),
            &one,
            costs.best_throughput(1),
        ),
        many_run.record(
            &format!("{workers} tasks, capacity {capacity}"),
            &many,
            costs.best_throughput(workers),
        ),
    ]);
    let mut stages = one_run.stage_records("1 task");
    stages.extend(many_run.stage_records(&format!("{workers} tasks")));
    report.results(&stages);
    let raw: Vec<usize> = one.samples().iter().map(|[raw, _]| *raw).collect();
    report.say(
        "The raw channel's fill in the one-task run, sampled every 5 ms by the writer's select!:",
    );
    report.line(&format!("1 task  raw  {}", sparkline(&raw, capacity, 60)));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn every_item_arrives_once_at_the_pace_of_the_slowest_stage() {
        let probe = Arc::new(Probe::default());
        let costs = Costs {
            work: Duration::from_millis(30),
            write: Duration::from_millis(10),
        };
        let started = tokio::time::Instant::now();
        let run = run(30, 3, 2, costs, Arc::clone(&probe)).await;
        check_checksums(30, &[&run]).unwrap();
        assert!(probe.peak(Channel::Raw) <= 2 && probe.peak(Channel::Done) <= 2);
        // In virtual time: ten rounds of three items worked on at once (30 ms each), then the
        // last round's three writes (10 ms each). Workers that took turns would need 900 ms.
        assert_eq!(started.elapsed(), Duration::from_millis(330));
    }
}
