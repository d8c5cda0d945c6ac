//! Lesson 03: squares over a pipe, both ways at once.
//!
//! Two pipes, each with a small buffer, and two processes: if the parent only writes, the
//! worker's answers pile up until its output pipe is full; then the worker blocks writing, stops
//! reading, and the parent's input pipe fills too. Both wait for ever. A writing thread and a
//! reading thread keep both pipes moving. The writing thread owns the worker's `stdin`, so the
//! pipe closes when the thread is done, and the worker sees the end of its input.

use std::io::{self, BufRead, BufWriter, Write};
use std::thread;

use shared::worker::WorkerProgram;

/// The worker's side: a square for every number, each flushed at once.
pub fn square_each(input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    for line in input.lines() {
        let line = line?;
        let n: u64 = line.trim().parse().map_err(|_| invalid(&line))?;
        writeln!(output, "{}", n * n)?;
        output.flush()?; // the parent may be waiting for this very answer
    }
    Ok(())
}

/// The parent's side: every number's square, computed by one worker process, in order.
pub fn squares(numbers: &[u64], program: &WorkerProgram) -> io::Result<Vec<u64>> {
    let mut worker = program.start()?;
    let stdin = worker.stdin.take().expect("a worker's stdin is piped");
    let stdout = worker.stdout.take().expect("a worker's stdout is piped");
    let exchanged = thread::scope(|scope| {
        let writer = scope.spawn(move || -> io::Result<()> {
            let mut stdin = BufWriter::new(stdin);
            for n in numbers {
                writeln!(stdin, "{n}")?;
            }
            stdin.flush()
            // `stdin` is dropped here: the pipe closes, and the worker's input ends.
        });
        let answers: io::Result<Vec<u64>> = stdout
            .lines()
            .map(|line| {
                let line = line?;
                line.trim().parse().map_err(|_| invalid(&line))
            })
            .collect();
        let written = writer.join().expect("the writing thread does not panic");
        written.and(answers)
    });
    let status = worker.wait()?;
    let answers = exchanged?;
    if !status.success() {
        return Err(io::Error::other(format!("the worker failed: {status}")));
    }
    if answers.len() != numbers.len() {
        return Err(io::Error::other(format!(
            "{} numbers sent, {} squares received",
            numbers.len(),
            answers.len()
        )));
    }
    Ok(answers)
}

fn invalid(line: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("not a number: {line:?}"),
    )
}
