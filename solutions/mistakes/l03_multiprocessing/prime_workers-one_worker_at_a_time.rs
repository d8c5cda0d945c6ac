//! MISTAKE: each worker is started, given its range, read and waited for before the next one
//! starts: right count, right number of processes, but never two at work at once.

use std::io::{self, BufRead, Write};

use shared::worker::{Worker, WorkerProgram};
use shared::workload::cpu::{count_primes, split};

/// The worker's side.
pub fn serve(mut input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    let mut line = String::new();
    input.read_line(&mut line)?;
    let mut numbers = line.split_whitespace().map(|n| n.parse::<u64>());
    match (numbers.next(), numbers.next()) {
        (Some(Ok(start)), Some(Ok(end))) => writeln!(output, "{}", count_primes(start..end)),
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
    let mut total = 0;
    for range in split(0..limit, workers) {
        let mut worker = program.start()?;
        writeln!(
            worker.stdin.as_mut().unwrap(),
            "{} {}",
            range.start,
            range.end
        )?;
        let count = read_count(&mut worker);
        worker.wait()?;
        total += count?;
    }
    Ok(total)
}

fn read_count(worker: &mut Worker) -> io::Result<u64> {
    let mut answer = String::new();
    worker.stdout.as_mut().unwrap().read_line(&mut answer)?;
    answer.trim().parse().map_err(io::Error::other)
}
