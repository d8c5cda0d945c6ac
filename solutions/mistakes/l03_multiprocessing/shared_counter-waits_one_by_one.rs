//! MISTAKE: each worker is started, sent its job and waited for before the next one starts:
//! the total is right, but the workers never count at the same time, so nothing shows
//! whether their additions are safe together.

use std::io::{self, BufRead, Write};
use std::sync::atomic::Ordering;

use shared::shm::SharedAtomics;
use shared::worker::WorkerProgram;

/// The worker's side.
pub fn add(mut input: impl BufRead, _output: impl Write) -> io::Result<()> {
    let mut line = String::new();
    input.read_line(&mut line)?;
    let mut words = line.split_whitespace();
    let name = words.next().unwrap_or_default();
    let times: u64 = words
        .next()
        .unwrap_or_default()
        .parse()
        .map_err(io::Error::other)?;
    let block = SharedAtomics::open_named(name)?;
    for _ in 0..times {
        block[0].fetch_add(1, Ordering::SeqCst);
    }
    Ok(())
}
/// The parent's side.
pub fn count_together(workers: usize, times: u64, program: &WorkerProgram) -> io::Result<u64> {
    let block = SharedAtomics::create_named(1)?;
    let name = block.name().unwrap();
    for _ in 0..workers {
        let mut worker = program.start()?;
        writeln!(worker.stdin.as_mut().unwrap(), "{name} {times}")?;
        worker.wait()?;
    }
    Ok(block[0].load(Ordering::SeqCst))
}
