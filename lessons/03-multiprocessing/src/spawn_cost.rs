//! Section 7: what starting a process costs, next to a thread and an async task.
//!
//! A spawned process is a new program: the kernel creates an address space, loads the
//! executable and its libraries, and the runtime starts up before `main` runs. A forked one
//! skips the loading: it shares its parent's pages until either side writes to them. A thread
//! is a stack and a scheduler entry inside the same process; a tokio task is a small allocation
//! that a runtime polls. Loading a program is the dear part: a fork comes close to a thread,
//! and a task is a small fraction of either.

use std::process::Stdio;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use shared::Unavailable;
use shared::lesson::Env;
use shared::memory::{human_bytes, resident_bytes, resident_bytes_of};
use shared::report::{Record, Report};
use shared::worker::WorkerProgram;

use crate::fork::fork_and_exit;
use crate::leash::StopOnDrop;
use crate::role::{this_program, worker};
use crate::{Flags, measured};

// ANCHOR: spawn_processes
/// Starts `count` processes of this program that exit at once (the `nothing` role), then
/// waits for them all. Returns the time it took.
pub fn spawn_and_exit(base: &WorkerProgram, count: usize) -> std::io::Result<Duration> {
    let program = worker(base, &["nothing"]);
    let clock = Instant::now();
    let mut children = Vec::with_capacity(count);
    let mut refused = None;
    for _ in 0..count {
        let spawned = program
            .command()
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn();
        match spawned {
            Ok(child) => children.push(child),
            Err(error) => {
                refused = Some(error);
                break;
            }
        }
    }
    // Every child that started is waited for, even if a later one could not start.
    for mut child in children {
        child.wait()?;
    }
    match refused {
        Some(error) => Err(error),
        None => Ok(clock.elapsed()),
    }
}
// ANCHOR_END: spawn_processes

/// Starts and joins `count` threads that do nothing.
pub fn spawn_threads(count: usize) -> Duration {
    let clock = Instant::now();
    let handles: Vec<_> = (0..count).map(|_| thread::spawn(|| {})).collect();
    for handle in handles {
        handle.join().expect("an empty thread does not panic");
    }
    clock.elapsed()
}

/// Spawns `count` tokio tasks that do nothing on a single-threaded runtime, and awaits them.
pub fn spawn_tasks(count: usize) -> std::io::Result<Duration> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    Ok(runtime.block_on(async {
        let clock = Instant::now();
        let tasks: Vec<_> = (0..count).map(|_| tokio::spawn(async {})).collect();
        for task in tasks {
            task.await.expect("an empty task does not panic");
        }
        clock.elapsed()
    }))
}

/// The resident memory of one idle worker process (one waiting on its input).
pub fn idle_worker_memory(base: &WorkerProgram) -> std::io::Result<Result<u64, Unavailable>> {
    let mut idle = worker(base, &["listen"]).start()?;
    // Give it time to start and reach its read; then its resident set is an idle worker's.
    thread::sleep(Duration::from_millis(100));
    let memory = resident_bytes_of(idle.id());
    idle.wait()?;
    Ok(memory)
}

/// How much this process's resident memory grows per thread while `count` threads wait.
pub fn memory_per_thread(count: usize) -> Result<u64, Unavailable> {
    let before = resident_bytes()?;
    let gate = Arc::new(Barrier::new(count + 1));
    let handles: Vec<_> = (0..count)
        .map(|_| {
            let gate = Arc::clone(&gate);
            thread::spawn(move || {
                gate.wait();
            })
        })
        .collect();
    let during = resident_bytes();
    gate.wait();
    for handle in handles {
        handle.join().expect("a waiting thread does not panic");
    }
    Ok(during?.saturating_sub(before) / count as u64)
}

/// How much this process's resident memory grows per task while `count` tasks wait to run.
pub fn memory_per_task(count: usize) -> std::io::Result<Result<u64, Unavailable>> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    Ok(runtime.block_on(async {
        let before = resident_bytes();
        // Spawned but not yet polled: the runtime runs them only when this task yields.
        let tasks: Vec<_> = (0..count).map(|_| tokio::spawn(async {})).collect();
        let during = resident_bytes();
        for task in tasks {
            task.await.expect("an empty task does not panic");
        }
        Ok(during?.saturating_sub(before?) / count as u64)
    }))
}

/// Section 7 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let base = this_program()?;
    // Whatever happens in this section, no worker outlives it.
    let _stop = StopOnDrop(base.clone());
    let processes = flags.spawn_count(env);
    let threads = processes * 10;
    let tasks = processes * 1000;
    report.say(&format!(
        "Start and wait for {processes} processes of this program that exit at once, then \
         {processes} forked copies that exit at once, {threads} threads and {tasks} tokio tasks \
         that do nothing. Memory: an idle worker process's resident set, and this process's \
         growth per waiting thread and per pending task. {}",
        env.how_measured()
    ));
    let (_, spawned) = measured(env, || spawn_and_exit(&base, processes))?;
    let (_, forked) = measured(env, || fork_and_exit(processes))?;
    let (_, threaded) = measured(env, || Ok(spawn_threads(threads)))?;
    let (_, tasked) = measured(env, || spawn_tasks(tasks))?;

    let per = |total: Duration, count: usize| total / count as u32;
    let memory = |bytes: Result<u64, Unavailable>| match bytes {
        Ok(bytes) => human_bytes(bytes),
        Err(why) => why.to_string(),
    };
    let idle = idle_worker_memory(&base)?;
    report.results(&[
        Record::new("process: spawn this program")
            .count("started", processes as u64)
            .duration("each", per(spawned, processes))
            .text("memory_each", format!("{} resident", memory(idle))),
        Record::new("process: fork, then _exit")
            .count("started", processes as u64)
            .duration("each", per(forked, processes))
            .text("memory_each", "pages shared until written"),
        Record::new("thread: spawn, join")
            .count("started", threads as u64)
            .duration("each", per(threaded, threads))
            .text("memory_each", memory(memory_per_thread(threads.min(1000)))),
        Record::new("tokio task: spawn, await")
            .count("started", tasks as u64)
            .duration("each", per(tasked, tasks))
            .text("memory_each", memory(memory_per_task(tasks)?)),
    ]);
    report.say(
        "Loading a program is the dear part: a fork, which copies this process instead, comes \
         close to a thread, and a task costs a small fraction of either. A worker process's resident \
         set counts pages it shares with every other copy of the program (its code, the \
         libraries), so the true extra memory per process is lower, but it has a runtime, a \
         heap and a stack of its own. So start processes for isolation or for long work, reuse \
         them in a pool, and never start one per small item.",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_and_tasks_start_and_finish() {
        spawn_threads(10);
        spawn_tasks(100).unwrap();
        memory_per_task(10).unwrap().ok();
        memory_per_thread(10).ok();
    }
}
