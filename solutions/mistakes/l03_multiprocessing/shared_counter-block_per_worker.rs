//! MISTAKE: the parent creates a new block for every worker, and reads the last one: each
//! worker counted right, in memory of its own.

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
    let mut blocks = Vec::new();
    let mut started = Vec::new();
    for _ in 0..workers {
        let block = SharedAtomics::create_named(1)?;
        let mut worker = program.start()?;
        writeln!(
            worker.stdin.as_mut().unwrap(),
            "{} {times}",
            block.name().unwrap()
        )?;
        started.push(worker);
        blocks.push(block);
    }
    for worker in &mut started {
        worker.wait()?;
    }
    Ok(blocks
        .last()
        .map_or(0, |block| block[0].load(Ordering::SeqCst)))
}
