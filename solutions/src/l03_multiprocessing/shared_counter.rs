//! Lesson 03: one counter, several processes.
//!
//! `fetch_add` is one indivisible step, between processes as between threads: the hardware
//! locks the cache line for the read-modify-write, and the shared mapping makes it the same
//! cache line in every process. A `load` followed by a `store` is two steps, and another
//! process's additions between them are lost. (Counting in a local variable and adding the
//! total once with `fetch_add` would be right too, and faster.)

use std::io::{self, BufRead, Write};
use std::sync::atomic::Ordering;

use shared::shm::SharedAtomics;
use shared::worker::{Worker, WorkerProgram};

/// The worker's side: `NAME TIMES` in; `TIMES` additions to the named block's first counter.
pub fn add(mut input: impl BufRead, _output: impl Write) -> io::Result<()> {
    let mut line = String::new();
    input.read_line(&mut line)?;
    let mut words = line.split_whitespace();
    let (Some(name), Some(times)) = (words.next(), words.next()) else {
        return Err(invalid(&line));
    };
    let times: u64 = times.parse().map_err(|_| invalid(&line))?;
    let block = SharedAtomics::open_named(name)?;
    for _ in 0..times {
        block[0].fetch_add(1, Ordering::Relaxed);
    }
    Ok(())
}

/// The parent's side: `workers` workers each add one `times` times to one shared counter.
pub fn count_together(workers: usize, times: u64, program: &WorkerProgram) -> io::Result<u64> {
    let block = SharedAtomics::create_named(1)?;
    let name = block.name().expect("a named block has a name");
    let mut started: Vec<Worker> = Vec::new();
    let mut sent = Ok(());
    for _ in 0..workers {
        match program.start() {
            Ok(mut worker) => {
                let stdin = worker.stdin.as_mut().expect("a worker's stdin is piped");
                sent = sent.and(writeln!(stdin, "{name} {times}"));
                started.push(worker);
            }
            Err(error) => {
                sent = sent.and(Err(error));
                break;
            }
        }
    }
    // Every worker is waited for, whatever happened while starting them; `wait` also closes
    // each one's input.
    let mut failed = None;
    for worker in &mut started {
        let status = worker.wait()?;
        if !status.success() {
            failed.get_or_insert(format!("worker {} failed: {status}", worker.id()));
        }
    }
    sent?;
    if let Some(failure) = failed {
        return Err(io::Error::other(failure));
    }
    // Every worker has exited: the count is final.
    Ok(block[0].load(Ordering::Relaxed))
}

fn invalid(line: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("expected NAME TIMES, got {:?}", line.trim()),
    )
}
