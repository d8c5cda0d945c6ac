//! MISTAKE: the worker writes every square but never flushes, so its answers wait in its
//! buffer until it is full or the worker ends: a parent waiting for one answer waits for ever.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::thread;

use shared::worker::WorkerProgram;

/// The worker's side.
pub fn square_each(input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    for line in input.lines() {
        let n: u64 = line?.trim().parse().map_err(io::Error::other)?;
        writeln!(output, "{}", n * n)?;
    }
    Ok(())
}
/// The parent's side.
pub fn squares(numbers: &[u64], program: &WorkerProgram) -> io::Result<Vec<u64>> {
    let mut worker = program.start()?;
    let stdin = worker.stdin.take().unwrap();
    let stdout = worker.stdout.take().unwrap();
    let answers = thread::scope(|scope| {
        scope.spawn(move || -> io::Result<()> {
            let mut stdin = BufWriter::new(stdin);
            for n in numbers {
                writeln!(stdin, "{n}")?;
            }
            stdin.flush()
        });
        stdout
            .lines()
            .map(|line| line?.trim().parse().map_err(io::Error::other))
            .collect::<io::Result<Vec<u64>>>()
    });
    worker.wait()?;
    answers
}
