//! Lesson 03: count primes with worker processes.
//!
//! The order of the parent's steps is the whole exercise. Every worker gets its range before
//! any answer is read, so all of them count at once; reading worker 0's answer before sending
//! worker 1 its range would run them one after another. And every worker is waited for, on
//! success and on failure alike, before the first error is reported.

use std::io::{self, BufRead, Write};

use shared::worker::{Worker, WorkerProgram};
use shared::workload::cpu::{count_primes, split};

/// The worker's side: one line `START END` in, one line with the count of primes out.
pub fn serve(mut input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    let mut line = String::new();
    input.read_line(&mut line)?;
    let bounds: Vec<u64> = line
        .split_whitespace()
        .map(|n| n.parse().map_err(|_| invalid(&line)))
        .collect::<io::Result<_>>()?;
    let [start, end] = bounds[..] else {
        return Err(invalid(&line));
    };
    writeln!(output, "{}", count_primes(start..end))
}

/// The parent's side: the primes below `limit`, counted by `workers` worker processes.
pub fn count_primes_in_workers(
    limit: u64,
    workers: usize,
    program: &WorkerProgram,
) -> io::Result<u64> {
    let mut started = Vec::new();
    let sent = send_ranges(limit, workers, program, &mut started);
    let counted = sent.and_then(|()| started.iter_mut().map(read_count).sum());
    // Wait for every worker that started, whatever happened above (collecting first, so that
    // one failure does not stop the others from being waited for).
    let waited: Vec<io::Result<()>> = started.iter_mut().map(wait_successfully).collect();
    let waited: io::Result<()> = waited.into_iter().collect();
    let total = counted?;
    waited?;
    Ok(total)
}

/// Starts a worker per range and sends it its range; the workers started go into `started`.
fn send_ranges(
    limit: u64,
    workers: usize,
    program: &WorkerProgram,
    started: &mut Vec<Worker>,
) -> io::Result<()> {
    for range in split(0..limit, workers) {
        started.push(program.start()?);
        let worker = started.last_mut().expect("just pushed");
        let stdin = worker.stdin.as_mut().expect("a worker's stdin is piped");
        writeln!(stdin, "{} {}", range.start, range.end)?;
    }
    Ok(())
}

fn read_count(worker: &mut Worker) -> io::Result<u64> {
    let mut answer = String::new();
    let stdout = worker.stdout.as_mut().expect("a worker's stdout is piped");
    stdout.read_line(&mut answer)?;
    answer.trim().parse().map_err(|_| invalid(&answer))
}

fn wait_successfully(worker: &mut Worker) -> io::Result<()> {
    let status = worker.wait()?;
    match status.success() {
        true => Ok(()),
        false => Err(io::Error::other(format!(
            "worker {} failed: {status}",
            worker.id()
        ))),
    }
}

fn invalid(text: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("expected numbers, got {:?}", text.trim()),
    )
}
