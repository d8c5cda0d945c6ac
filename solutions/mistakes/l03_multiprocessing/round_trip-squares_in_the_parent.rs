//! MISTAKE: a worker is started and waited for, but the parent computes the squares itself:
//! the right numbers, and no work done by the worker.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::thread;

use shared::worker::WorkerProgram;

/// The worker's side.
pub fn square_each(input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    for line in input.lines() {
        let n: u64 = line?.trim().parse().map_err(io::Error::other)?;
        writeln!(output, "{}", n * n)?;
        output.flush()?;
    }
    Ok(())
}

/// The parent's side.
pub fn squares(numbers: &[u64], program: &WorkerProgram) -> io::Result<Vec<u64>> {
    let mut worker = program.start()?;
    let squares = numbers.iter().map(|n| n * n).collect();
    worker.wait()?;
    Ok(squares)
}
