//! MISTAKE: the worker counts `START..=END`, so END belongs to two ranges, and the primes on
//! the boundaries are counted twice.

use std::io::{self, BufRead, Write};

use shared::worker::{Worker, WorkerProgram};
use shared::workload::cpu::{count_primes, split};

/// The worker's side.
pub fn serve(mut input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    let mut line = String::new();
    input.read_line(&mut line)?;
    let mut numbers = line.split_whitespace().map(|n| n.parse::<u64>());
    match (numbers.next(), numbers.next()) {
        (Some(Ok(start)), Some(Ok(end))) => {
            writeln!(output, "{}", count_primes(start..end + 1))
        }
        _ => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "expected START END",
        )),
    }
}

/// The parent's side.
pub fn count_primes_in_workers(
    limit: u64,
    workers: usize,
    program: &WorkerProgram,
) -> io::Result<u64> {
    let mut started = Vec::new();
    for range in split(0..limit, workers) {
        let mut worker = program.start()?;
        writeln!(
            worker.stdin.as_mut().unwrap(),
            "{} {}",
            range.start,
            range.end
        )?;
        started.push(worker);
    }
    let mut total = 0;
    for worker in &mut started {
        total += read_count(worker)?;
    }
    for worker in &mut started {
        worker.wait()?;
    }
    Ok(total)
}

fn read_count(worker: &mut Worker) -> io::Result<u64> {
    let mut answer = String::new();
    worker.stdout.as_mut().unwrap().read_line(&mut answer)?;
    answer.trim().parse().map_err(io::Error::other)
}
