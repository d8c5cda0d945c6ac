//! MISTAKE: the worker loops on read_line, skipping empty lines, but at the end of its input
//! read_line returns 0 bytes again and again: the loop never ends, and neither does the worker.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::thread;

use shared::worker::WorkerProgram;

/// The worker's side.
pub fn square_each(mut input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    let mut line = String::new();
    loop {
        line.clear();
        input.read_line(&mut line)?;
        if line.trim().is_empty() {
            continue;
        }
        let n: u64 = line.trim().parse().map_err(io::Error::other)?;
        writeln!(output, "{}", n * n)?;
        output.flush()?;
    }
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
