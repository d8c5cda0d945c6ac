//! Section 1: `map` over four simulated downloads of one second each. Four workers wait for all
//! four at once and finish in about one second; two workers take two rounds, about two seconds;
//! one worker is one after another. Whatever order the downloads finish in, `map` hands the
//! results back in the order of its inputs.

use std::time::Duration;

use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::timing::{Stopwatch, human, overlap_ratio, speedup};
use shared::workload::io::simulated_io;

use crate::{Executor, Flags, Outcome, this_thread};

/// The four files every tutorial downloads.
pub const FILES: [&str; 4] = ["a.txt", "b.txt", "c.txt", "d.txt"];

/// A simulated download: waits `wait`, as a request to a slow server would, then returns the
/// "page". Waiting uses no CPU, so any number of these overlap.
pub fn download(name: &str, wait: Duration) -> String {
    simulated_io(wait);
    format!("{name}: downloaded")
}

// ANCHOR: download_all
/// Downloads every file on a pool of `workers` threads; each download is a span on its
/// worker's lane. The results are in the order of `names`.
pub fn download_all(
    names: &[&'static str],
    workers: usize,
    wait: Duration,
    timeline: &Timeline,
) -> Vec<Outcome<String>> {
    let pool = Executor::new(workers);
    let timeline = timeline.clone();
    let download = move |name: &str| {
        let _span = timeline.span(this_thread(), name);
        download(name, wait)
    };
    pool.map(download, names.to_vec()).collect()
} // `pool` is dropped here: the `with` block's exit, which waits for the workers
// ANCHOR_END: download_all

/// The least time `files` downloads of one `wait` each can take on `workers` workers: one
/// wait per round, and each round downloads `workers` files.
pub fn ideal(files: usize, workers: usize, wait: Duration) -> Duration {
    wait * files.div_ceil(workers) as u32
}

/// Section 1 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    report.say(&format!(
        "Four downloads that each wait one second (one second = {} here), handed to \
         Executor::map with 4 workers, then 2, then 1. A worker waiting for a download uses \
         no CPU, so 4 workers should take about one wait, 2 about two, and 1 all four.",
        human(unit)
    ));
    let mut records = Vec::new();
    let mut timelines = Vec::new();
    let mut one_after_another = Duration::ZERO;
    let mut in_order = Vec::new();
    for workers in [1, 2, 4] {
        let timeline = Timeline::new();
        let clock = Stopwatch::start();
        let pages = download_all(&FILES, workers, unit, &timeline);
        let took = clock.elapsed();
        if workers == 1 {
            one_after_another = took;
        }
        in_order = pages.into_iter().collect::<Result<_, _>>()?;
        records.push(
            Record::new(format!(
                "{workers} worker{}",
                if workers == 1 { "" } else { "s" }
            ))
            .wall(took)
            .ratio("waits", took.as_secs_f64() / unit.as_secs_f64())
            .speedup(speedup(one_after_another, took))
            .ratio("overlap", overlap_ratio(took, ideal(4, workers, unit))),
        );
        timelines.push((workers, timeline));
    }
    report.results(&records);
    report.say(&format!(
        "Overlap is the total ÷ the least it can be (one wait per round): 1.00× would be \
         perfect. map returned the pages in input order: {}.",
        in_order.join(", ")
    ));
    for (workers, timeline) in timelines.iter().rev().filter(|(w, _)| *w > 1) {
        report.say(&format!("{workers} workers, one lane per worker thread:"));
        report.timeline(timeline);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order_from_every_worker() {
        let timeline = Timeline::new();
        let pages = download_all(&FILES, 4, Duration::from_millis(1), &timeline);
        let pages: Vec<String> = pages.into_iter().map(Result::unwrap).collect();
        assert_eq!(
            pages,
            FILES.map(|name| format!("{name}: downloaded")).to_vec()
        );
        let mut lanes: Vec<String> = timeline.spans().into_iter().map(|s| s.lane).collect();
        lanes.sort();
        lanes.dedup();
        assert!(
            lanes.iter().all(|lane| lane.starts_with("worker ")),
            "{lanes:?}"
        );
    }

    #[test]
    fn the_ideal_is_one_wait_per_round() {
        let second = Duration::from_secs(1);
        assert_eq!(ideal(4, 4, second), second);
        assert_eq!(ideal(4, 2, second), 2 * second);
        assert_eq!(ideal(5, 2, second), 3 * second);
        assert_eq!(ideal(4, 1, second), 4 * second);
    }
}
