//! MISTAKE: the workers are never started; the parent counts every range itself. The count is
//! right, but no process did any of it.

use std::io::{self, BufRead, Write};

use shared::worker::WorkerProgram;
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
    Ok(split(0..limit, workers).into_iter().map(count_primes).sum())
}
