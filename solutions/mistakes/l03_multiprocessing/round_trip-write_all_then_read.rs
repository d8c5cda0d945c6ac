//! MISTAKE: the parent writes every number, then reads every answer, on one thread. Fine for
//! a few numbers; with a long stream both pipes fill up and both processes wait for ever.

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
    {
        let mut stdin = BufWriter::new(worker.stdin.take().unwrap());
        for n in numbers {
            writeln!(stdin, "{n}")?;
        }
        stdin.flush()?;
    }
    let answers = worker
        .stdout
        .take()
        .unwrap()
        .lines()
        .map(|line| line?.trim().parse().map_err(io::Error::other))
        .collect::<io::Result<Vec<u64>>>();
    worker.wait()?;
    answers
}
