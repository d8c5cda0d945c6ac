//! MISTAKE: a thread writes the numbers and closes the input, as it should, but the parent
//! waits for the worker before reading its answers. A worker with more to say than its output
//! pipe holds blocks in write, and never exits.

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
    let stdin = worker.stdin.take().unwrap();
    thread::scope(|scope| {
        scope.spawn(move || -> io::Result<()> {
            let mut stdin = BufWriter::new(stdin);
            for n in numbers {
                writeln!(stdin, "{n}")?;
            }
            stdin.flush()
        });
    });
    worker.wait()?;
    let mut text = String::new();
    worker.stdout.take().unwrap().read_to_string(&mut text)?;
    text.lines()
        .map(|line| line.trim().parse().map_err(io::Error::other))
        .collect()
}
