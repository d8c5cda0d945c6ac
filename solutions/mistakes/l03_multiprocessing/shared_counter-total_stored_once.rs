//! MISTAKE: the worker counts locally, then stores its total in the counter: each worker
//! overwrites the others' totals instead of adding to them.

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
    let mut mine = 0u64;
    for _ in 0..times {
        mine += 1;
    }
    block[0].store(mine, Ordering::SeqCst);
    Ok(())
}
/// The parent's side.
pub fn count_together(workers: usize, times: u64, program: &WorkerProgram) -> io::Result<u64> {
    let block = SharedAtomics::create_named(1)?;
    let name = block.name().unwrap();
    let mut started = Vec::new();
    for _ in 0..workers {
        let mut worker = program.start()?;
        writeln!(worker.stdin.as_mut().unwrap(), "{name} {times}")?;
        started.push(worker);
    }
    for worker in &mut started {
        worker.wait()?;
    }
    Ok(block[0].load(Ordering::SeqCst))
}
