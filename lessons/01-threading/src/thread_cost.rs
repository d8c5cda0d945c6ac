//! Section 6: what a thread costs. Starting an OS thread asks the kernel for a stack (2 MiB of
//! address space by default) and a scheduler entry; joining it waits for the kernel to tear
//! it down. Cheap next to a network request, expensive next to adding two numbers. A pool of
//! long-lived workers pays that price once; lesson 04 builds pools properly.

use std::hint::black_box;
use std::thread;

use crossbeam::channel;
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timing::speedup;

use crate::Flags;

/// Starts `count` threads that each do a trivial job (doubling its number), then joins them
/// all and adds up their results.
pub fn thread_per_job(count: usize) -> usize {
    let handles: Vec<_> = (0..count)
        .map(|job| thread::spawn(move || black_box(job * 2)))
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a trivial job panicked"))
        .sum()
}

// ANCHOR: workers
/// The same `count` trivial jobs, handed to `workers` long-lived threads over a channel. The
/// workers stop when the channel is closed (the sender dropped) and empty.
pub fn jobs_on_workers(count: usize, workers: usize) -> usize {
    let (jobs, queue) = channel::unbounded::<usize>();
    thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let queue = queue.clone();
                scope.spawn(move || queue.iter().map(|job| black_box(job * 2)).sum::<usize>())
            })
            .collect();
        for job in 0..count {
            jobs.send(job)
                .expect("the workers are alive until the channel closes");
        }
        drop(jobs);
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a worker panicked"))
            .sum()
    })
}
// ANCHOR_END: workers

/// Section 6 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (count, workers) = (flags.spawn_count(env), flags.threads());
    report.say(&format!(
        "Start and join {count} threads that each do almost nothing, then give the same {count} \
         jobs to {workers} long-lived worker threads over a channel. {}",
        env.how_measured()
    ));
    let spawned = env.measure(|| thread_per_job(count)).median();
    let pooled = env.measure(|| jobs_on_workers(count, workers)).median();
    let per_job = |total: std::time::Duration| total / count as u32;
    report.results(&[
        Record::new(format!("{count} threads, one per job"))
            .wall(spawned)
            .duration("per_job", per_job(spawned)),
        Record::new(format!("{workers} workers, {count} jobs"))
            .wall(pooled)
            .duration("per_job", per_job(pooled))
            .speedup(speedup(spawned, pooled)),
    ]);
    report.say(
        "A thread per job is fine for a handful of slow jobs (downloads); for many small ones, \
         reuse threads. Lesson 04 builds thread pools properly, and lesson 05 shows tasks, which \
         cost far less than threads.",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways_do_every_job_exactly_once() {
        let expected = 50 * 49; // the sum of 2 × job for jobs 0..50
        assert_eq!(thread_per_job(50), expected);
        assert_eq!(jobs_on_workers(50, 3), expected);
        assert_eq!(jobs_on_workers(0, 2), 0);
    }
}
