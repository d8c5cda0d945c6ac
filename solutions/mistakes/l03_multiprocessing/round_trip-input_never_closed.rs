//! MISTAKE: the writing thread borrows the worker's stdin instead of owning it, so the pipe
//! stays open after the last number; the worker never sees the end of its input, and the parent
//! reads its answers "until the end", which never comes.

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
    let mut stdin = worker.stdin.take().unwrap();
    let stdout = worker.stdout.take().unwrap();
    let answers = thread::scope(|scope| {
        let stdin = &mut stdin;
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
    drop(stdin);
    worker.wait()?;
    answers
}
