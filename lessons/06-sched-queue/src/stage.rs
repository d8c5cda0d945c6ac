//! What the pipelines of sections 3 and 4 measure: for each stage, how long its threads (or
//! tasks) worked, how long they were blocked on a full channel, and how many items they
//! handled; for each channel, the most items it held; and the items per second of the whole.
//!
//! A pipeline runs at the pace of its slowest stage, the *bottleneck*: its workers are busy all
//! the time, the stages before it spend their time blocked on a full channel (that is
//! backpressure), and the stages after it wait for input.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use shared::report::{Metric, Record};
use shared::timeline::Timeline;

/// What a pipeline's stages cost per item. The reader makes items at no cost: a fast producer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Costs {
    /// The slow middle stage's wait per item.
    pub work: Duration,
    /// The writer's wait per item.
    pub write: Duration,
}

impl Costs {
    /// The lesson's costs: an eighth of a unit to work on an item, a twentieth to write it.
    /// One worker is the bottleneck; three out-work the writer, which becomes the bottleneck.
    pub fn for_unit(unit: Duration) -> Self {
        Self {
            work: unit / 8,
            write: unit / 20,
        }
    }

    /// Items per second the pipeline can reach at best: its slowest stage's pace.
    pub fn best_throughput(&self, workers: usize) -> f64 {
        let work = workers as f64 / self.work.as_secs_f64();
        let write = 1.0 / self.write.as_secs_f64();
        work.min(write)
    }
}

/// What one thread or task of a stage did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageWork {
    /// Items it handled.
    pub items: u64,
    /// Time spent on the items themselves.
    pub busy: Duration,
    /// Time spent blocked, waiting for room in the next channel.
    pub blocked: Duration,
    /// When it finished, on the run's timeline.
    pub finished: Duration,
}

impl StageWork {
    /// Adds another worker's figures to these (the latest finish counts).
    pub fn merge(self, other: Self) -> Self {
        Self {
            items: self.items + other.items,
            busy: self.busy + other.busy,
            blocked: self.blocked + other.blocked,
            finished: self.finished.max(other.finished),
        }
    }
}

/// A stage's name, its number of workers, and their work added up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// `read`, `work` or `write`.
    pub name: &'static str,
    /// Threads or tasks in it.
    pub workers: usize,
    /// What they did, added up.
    pub work: StageWork,
}

/// Instruments of one run: its timeline, the peak fill of each channel, and the fill sampled
/// at each tick of the writer's `select!`.
#[derive(Debug, Default)]
pub struct Probe {
    /// Spans of work and of blocked sends, one lane per thread or task.
    pub timeline: Timeline,
    peak: [AtomicUsize; 2],
    samples: Mutex<Vec<[usize; 2]>>,
}

/// The two channels of a pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// From the reader to the workers.
    Raw = 0,
    /// From the workers to the writer.
    Done = 1,
}

impl Probe {
    /// Notes that `channel` holds `len` items.
    pub fn saw(&self, channel: Channel, len: usize) {
        self.peak[channel as usize].fetch_max(len, Ordering::Relaxed);
    }

    /// The most items `channel` was seen to hold.
    pub fn peak(&self, channel: Channel) -> usize {
        self.peak[channel as usize].load(Ordering::Relaxed)
    }

    /// Records one sample of both channels' fill.
    pub fn sample(&self, raw: usize, done: usize) {
        self.lock().push([raw, done]);
    }

    /// Every sample, in order.
    pub fn samples(&self) -> Vec<[usize; 2]> {
        self.lock().clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<[usize; 2]>> {
        self.samples.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The result of one pipeline run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Read, work and write.
    pub stages: Vec<Stage>,
    /// Results the writer received.
    pub results: u64,
    /// Their sum: every item squared once, so nothing lost and nothing twice.
    pub checksum: u64,
    /// From the start to the writer's last item.
    pub wall: Duration,
}

impl Run {
    /// Items per second through the whole pipeline.
    pub fn throughput(&self) -> f64 {
        self.results as f64 / self.wall.as_secs_f64()
    }

    /// The stage called `name`.
    pub fn stage(&self, name: &str) -> Option<&Stage> {
        self.stages.iter().find(|stage| stage.name == name)
    }

    /// One record for the whole run.
    pub fn record(&self, label: &str, probe: &Probe, best: f64) -> Record {
        let read_done = self
            .stage("read")
            .map_or(Duration::ZERO, |s| s.work.finished);
        Record::new(label)
            .wall(self.wall)
            .count("items_per_s", self.throughput().round() as u64)
            .ratio("of_best", self.throughput() / best)
            .count("peak_raw", probe.peak(Channel::Raw) as u64)
            .count("peak_done", probe.peak(Channel::Done) as u64)
            .duration("read_done_at", read_done)
    }

    /// One record per stage: how its workers spent the run.
    pub fn stage_records(&self, label: &str) -> Vec<Record> {
        self.stages
            .iter()
            .map(|stage| {
                let available = self.wall.as_secs_f64() * stage.workers as f64;
                let busy = stage.work.busy.as_secs_f64();
                let capacity = if busy > 0.0 {
                    stage.work.items as f64 / busy * stage.workers as f64
                } else {
                    f64::INFINITY
                };
                Record::new(format!("{label}: {}", stage.name))
                    .count("workers", stage.workers as u64)
                    .metric("busy", Metric::Percent(busy / available))
                    .metric(
                        "blocked",
                        Metric::Percent(stage.work.blocked.as_secs_f64() / available),
                    )
                    .text(
                        "could_do_per_s",
                        if capacity.is_finite() {
                            format!("{capacity:.0}")
                        } else {
                            "no limit".into()
                        },
                    )
            })
            .collect()
    }
}

/// `samples` of one channel as a bar per sample, scaled to `top` (at most `width` bars: long
/// runs are thinned evenly).
pub fn sparkline(samples: &[usize], top: usize, width: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let step = samples.len().div_ceil(width.max(1)).max(1);
    samples
        .iter()
        .step_by(step)
        .map(|&fill| {
            if fill == 0 {
                ' '
            } else {
                let level = (fill * BARS.len())
                    .div_ceil(top.max(1))
                    .clamp(1, BARS.len());
                BARS[level - 1]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_throughput_is_the_slowest_stage() {
        let costs = Costs::for_unit(Duration::from_millis(200));
        assert_eq!(costs.best_throughput(1).round(), 40.0); // one worker: 25 ms an item
        assert_eq!(costs.best_throughput(3).round(), 100.0); // the writer: 10 ms an item
    }

    #[test]
    fn a_sparkline_scales_to_the_top_and_thins_long_runs() {
        assert_eq!(sparkline(&[0, 1, 2, 4], 4, 10), " ▂▄█");
        assert_eq!(sparkline(&[4; 100], 4, 10).chars().count(), 10);
    }
}
