//! MISTAKE: every item gets a fresh worker, started, asked and waited for: crashes are
//! contained, but the pool starts as many processes as there are items.

use std::fmt;
use std::io::{self, BufRead, Write};
use std::os::unix::process::ExitStatusExt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use shared::worker::{Worker, WorkerProgram};

/// The work for one item (given: do not change it). It crashes its process on some inputs, as
/// code you do not control might.
pub fn job(n: u64) -> u64 {
    match n % 1000 {
        666 => std::process::abort(),
        999 => std::process::exit(42),
        _ => n.wrapping_mul(n),
    }
}

/// Why an item has no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerError {
    /// Its worker exited with this code before answering.
    Exited {
        /// The exit code.
        code: i32,
    },
    /// Its worker was killed by this signal before answering.
    Killed {
        /// The signal's number: 6 is SIGABRT, 9 SIGKILL, 11 SIGSEGV.
        signal: i32,
    },
    /// No worker could take it (one could not start, or could not be talked to), and why.
    Lost(String),
}

impl fmt::Display for WorkerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Exited { code } => write!(f, "its worker exited with code {code}"),
            Self::Killed { signal } => write!(f, "its worker was killed by signal {signal}"),
            Self::Lost(why) => write!(f, "no worker could take it: {why}"),
        }
    }
}

impl std::error::Error for WorkerError {}

/// The worker's side: `job(n)` for every number, each answer flushed at once.
pub fn serve(input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    for line in input.lines() {
        let line = line?;
        let n: u64 = line.trim().parse().map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("not a number: {line:?}"),
            )
        })?;
        writeln!(output, "{}", job(n))?;
        output.flush()?; // the parent waits for this answer before sending more
    }
    Ok(())
}

/// The parent's side: `job` for every item on a pool of `workers` processes that survives
/// crashes; one result per item, in order.
pub fn map_sturdy(
    items: &[u64],
    workers: usize,
    program: &WorkerProgram,
) -> Vec<Result<u64, WorkerError>> {
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Result<u64, WorkerError>>> = vec![None; items.len()];
    thread::scope(|scope| {
        let lanes: Vec<_> = (0..workers.max(1))
            .map(|_| scope.spawn(|| lane(items, &next, program)))
            .collect();
        for lane in lanes {
            for (index, result) in lane.join().expect("a lane thread does not panic") {
                results[index] = Some(result);
            }
        }
    });
    results
        .into_iter()
        .map(|result| result.expect("every item is taken by some lane"))
        .collect()
}

/// One lane of the pool.
fn lane(
    items: &[u64],
    next: &AtomicUsize,
    program: &WorkerProgram,
) -> Vec<(usize, Result<u64, WorkerError>)> {
    let mut done = Vec::new();
    loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(&item) = items.get(index) else { break };
        let mut worker = match program.start() {
            Ok(worker) => worker,
            Err(error) => {
                done.push((index, Err(WorkerError::Lost(error.to_string()))));
                continue;
            }
        };
        match ask(&mut worker, item) {
            Ok(Some(answer)) => {
                let _ = worker.wait();
                done.push((index, Ok(answer)));
            }
            _ => done.push((index, Err(how_it_ended(&mut worker)))),
        }
    }
    done
}

/// Sends one item and reads the answer; `None` if the worker's output ended first.
fn ask(worker: &mut Worker, item: u64) -> io::Result<Option<u64>> {
    let stdin = worker.stdin.as_mut().expect("a worker's stdin is piped");
    writeln!(stdin, "{item}")?;
    stdin.flush()?;
    let mut answer = String::new();
    let stdout = worker.stdout.as_mut().expect("a worker's stdout is piped");
    if stdout.read_line(&mut answer)? == 0 {
        return Ok(None);
    }
    answer
        .trim()
        .parse()
        .map(Some)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "a garbled answer"))
}

/// Reaps a worker that stopped answering and says how it ended.
fn how_it_ended(worker: &mut Worker) -> WorkerError {
    match worker.wait() {
        Ok(status) => match (status.code(), status.signal()) {
            (Some(code), _) => WorkerError::Exited { code },
            (None, Some(signal)) => WorkerError::Killed { signal },
            (None, None) => WorkerError::Lost(format!("it ended oddly: {status}")),
        },
        Err(error) => WorkerError::Lost(error.to_string()),
    }
}
