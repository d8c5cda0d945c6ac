//! A process pool: long-lived worker processes, each fed one request at a time over its pipe.
//!
//! Python's `multiprocessing.Pool` starts its workers once and hands them *chunks* of the
//! input: `map` returns the answers in input order, `imap_unordered` in the order they finish.
//! This pool does the same with the lesson's own workers (the `pool` role) and framed messages.
//! Every request and answer is turned into bytes and back: Rust's explicit counterpart of the
//! pickling Python does behind each call.

use std::io::{self, BufWriter, Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crossbeam::channel;
use num_bigint::BigUint;
use shared::worker::{Worker, WorkerProgram};
use shared::workload::cpu::{count_primes, decimal_digits, factorial};

use crate::ended::describe;
use crate::frame::{decode_numbers, encode_numbers, read_frame, write_frame};
use crate::role::worker;

/// What a pool worker does with each number it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// n², the tutorials' favourite "CPU-bound" task: a nanosecond of work.
    Square,
    /// The number of decimal digits of n!, counted in the worker: only the count travels.
    FactorialDigits,
    /// n! itself, sent back whole as bytes (one number per request).
    Factorial,
    /// The primes in the block `n * width .. (n + 1) * width`.
    PrimesInBlock {
        /// How many numbers a block holds.
        width: u64,
    },
}

impl Job {
    fn header(self) -> [u64; 2] {
        match self {
            Self::Square => [1, 0],
            Self::FactorialDigits => [2, 0],
            Self::Factorial => [3, 0],
            Self::PrimesInBlock { width } => [4, width],
        }
    }

    fn from_header(header: &[u64]) -> io::Result<Self> {
        Ok(match header {
            [1, _] => Self::Square,
            [2, _] => Self::FactorialDigits,
            [3, _] => Self::Factorial,
            [4, width] => Self::PrimesInBlock { width: *width },
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "not a job this pool knows",
                ));
            }
        })
    }

    /// The answer for one number, computed in this process (for the sequential, threaded and
    /// rayon versions). For [`Job::Factorial`], the number of digits, as the parent would count
    /// them from the bytes.
    pub fn one(self, n: u64) -> u64 {
        match self {
            Self::Square => n.wrapping_mul(n),
            Self::FactorialDigits | Self::Factorial => decimal_digits(&factorial(n as u32)) as u64,
            Self::PrimesInBlock { width } => count_primes(n * width..(n + 1) * width),
        }
    }

    /// The request for `items`: the job's header, then the numbers.
    pub fn request(self, items: &[u64]) -> Vec<u8> {
        let mut numbers = self.header().to_vec();
        numbers.extend_from_slice(items);
        encode_numbers(&numbers)
    }

    /// The worker's side: the answer to a request.
    fn answer(request: &[u8]) -> io::Result<Vec<u8>> {
        let numbers = decode_numbers(request)?;
        if numbers.len() < 2 {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "no job header"));
        }
        let (header, items) = numbers.split_at(2);
        Ok(match Self::from_header(header)? {
            Self::Factorial => items
                .iter()
                .flat_map(|&n| factorial(n as u32).to_bytes_le())
                .collect(),
            job => encode_numbers(&items.iter().map(|&n| job.one(n)).collect::<Vec<_>>()),
        })
    }
}

// ANCHOR: serve
/// The `pool` role: answers request after request until its input ends.
pub fn serve(mut input: impl Read, output: impl Write) -> io::Result<()> {
    let mut output = BufWriter::new(output);
    let mut request = Vec::new();
    while read_frame(&mut input, &mut request)? {
        write_frame(&mut output, &Job::answer(&request)?)?;
        output.flush()?;
    }
    Ok(())
}
// ANCHOR_END: serve

/// A pool of worker processes. Dropping it without [`Pool::close`] (after an error, say) kills
/// and reaps the workers, so none outlives it.
#[derive(Debug)]
pub struct Pool {
    workers: Vec<Worker>,
    program: WorkerProgram,
}

impl Pool {
    /// Starts `size` workers (at least one) of this program (`base`) in the `pool` role.
    pub fn start(base: &WorkerProgram, size: usize) -> io::Result<Self> {
        let program = worker(&base.with_own_ledger(), &["pool"]);
        let mut pool = Self {
            workers: Vec::new(),
            program,
        };
        for _ in 0..size.max(1) {
            let worker = pool.program.start()?; // on error, `pool` drops and stops the others
            pool.workers.push(worker);
        }
        Ok(pool)
    }

    /// How many workers the pool has.
    pub fn size(&self) -> usize {
        self.workers.len()
    }

    /// The workers' process ids.
    pub fn pids(&self) -> Vec<u32> {
        self.workers.iter().map(Worker::id).collect()
    }

    // ANCHOR: run
    /// Sends every request to some worker and calls `on_answer(index, answer)` as each answer
    /// arrives, in the order they finish. Each worker has a thread of this process that feeds
    /// it the next request as soon as it answered the last.
    pub fn run_unordered(
        &mut self,
        requests: &[Vec<u8>],
        mut on_answer: impl FnMut(usize, Vec<u8>),
    ) -> io::Result<()> {
        let next = AtomicUsize::new(0);
        let (answers, arrived) = channel::unbounded();
        thread::scope(|scope| {
            let feeders: Vec<_> = self
                .workers
                .iter_mut()
                .map(|worker| {
                    let (next, answers) = (&next, answers.clone());
                    scope.spawn(move || feed(worker, requests, next, &answers))
                })
                .collect();
            drop(answers);
            for (index, answer) in arrived {
                on_answer(index, answer);
            }
            // Join every feeder, then report the first failure.
            let mut outcome = Ok(());
            for feeder in feeders {
                let fed = feeder.join().expect("a feeder thread does not panic");
                outcome = outcome.and(fed);
            }
            outcome
        })
    }

    /// The same, with the answers in request order (as `Pool.map` returns them).
    pub fn run(&mut self, requests: &[Vec<u8>]) -> io::Result<Vec<Vec<u8>>> {
        let mut answers = vec![Vec::new(); requests.len()];
        self.run_unordered(requests, |index, answer| answers[index] = answer)?;
        Ok(answers)
    }
    // ANCHOR_END: run

    // ANCHOR: map
    /// `job` for every item, sent in chunks of `chunksize` items; the answers in item order.
    pub fn map(&mut self, job: Job, items: &[u64], chunksize: usize) -> io::Result<Vec<u64>> {
        let requests: Vec<Vec<u8>> = items
            .chunks(chunksize.max(1))
            .map(|chunk| job.request(chunk))
            .collect();
        let mut all = Vec::with_capacity(items.len());
        for answer in self.run(&requests)? {
            all.extend(decode_numbers(&answer)?);
        }
        Ok(all)
    }

    /// `job` for every item, one per request; `(index, answer)` in the order they finish, as
    /// `imap_unordered` yields them.
    pub fn map_unordered(&mut self, job: Job, items: &[u64]) -> io::Result<Vec<(usize, u64)>> {
        let requests: Vec<Vec<u8>> = items.iter().map(|&n| job.request(&[n])).collect();
        let mut finished = Vec::with_capacity(items.len());
        let mut bad = None;
        self.run_unordered(&requests, |index, answer| match decode_numbers(&answer) {
            Ok(values) if values.len() == 1 => finished.push((index, values[0])),
            _ => bad = Some(index),
        })?;
        match bad {
            Some(index) => Err(io::Error::other(format!("a bad answer for item {index}"))),
            None => Ok(finished),
        }
    }
    // ANCHOR_END: map

    /// n! for every item, each sent back whole; the parent counts the digits. Returns the
    /// digit counts and the bytes that came back.
    pub fn factorials_sent_back(&mut self, items: &[u64]) -> io::Result<(Vec<u64>, u64)> {
        let requests: Vec<Vec<u8>> = items
            .iter()
            .map(|&n| Job::Factorial.request(&[n]))
            .collect();
        let answers = self.run(&requests)?;
        let bytes = answers.iter().map(|a| a.len() as u64).sum();
        let digits = answers
            .iter()
            .map(|a| decimal_digits(&BigUint::from_bytes_le(a)) as u64)
            .collect();
        Ok((digits, bytes))
    }

    /// Closes every worker's input, so each finishes its loop and exits, and waits for them
    /// all; an error if any of them failed.
    pub fn close(mut self) -> io::Result<()> {
        let mut failures = Vec::new();
        for worker in &mut self.workers {
            let status = worker.wait()?;
            if !status.success() {
                failures.push(describe(status));
            }
        }
        match failures.is_empty() {
            true => Ok(()),
            false => Err(io::Error::other(format!(
                "pool workers failed: {}",
                failures.join(", ")
            ))),
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.program.stop_unreaped();
    }
}

/// One feeder thread: takes the next request, sends it, waits for the answer, passes it on.
fn feed(
    worker: &mut Worker,
    requests: &[Vec<u8>],
    next: &AtomicUsize,
    answers: &channel::Sender<(usize, Vec<u8>)>,
) -> io::Result<()> {
    let pid = worker.id();
    let mut stdin = BufWriter::new(worker.stdin.as_mut().expect("piped"));
    let stdout = worker.stdout.as_mut().expect("piped");
    loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(request) = requests.get(index) else {
            return Ok(());
        };
        write_frame(&mut stdin, request)?;
        stdin.flush()?;
        let mut answer = Vec::new();
        if !read_frame(stdout, &mut answer)? {
            return Err(io::Error::other(format!(
                "pool worker {pid} ended while working on request {index}"
            )));
        }
        let _ = answers.send((index, answer));
    }
}

/// Python's default chunk size for `Pool.map`: the items divided into about four chunks per
/// worker, rounded up.
pub fn default_chunksize(items: usize, workers: usize) -> usize {
    items.div_ceil(4 * workers.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_answers_each_kind_of_job() {
        let answer = |job: Job, items: &[u64]| Job::answer(&job.request(items)).unwrap();
        assert_eq!(
            decode_numbers(&answer(Job::Square, &[3, 4])).unwrap(),
            [9, 16]
        );
        assert_eq!(
            decode_numbers(&answer(Job::FactorialDigits, &[20])).unwrap(),
            [19]
        );
        assert_eq!(
            answer(Job::Factorial, &[5]),
            BigUint::from(120u32).to_bytes_le()
        );
        assert_eq!(
            decode_numbers(&answer(Job::PrimesInBlock { width: 10 }, &[0, 1])).unwrap(),
            [4, 4]
        );
        assert!(Job::answer(&[1, 2, 3]).is_err());
    }

    #[test]
    fn serve_loops_until_its_input_ends() {
        let mut input = Vec::new();
        write_frame(&mut input, &Job::Square.request(&[7])).unwrap();
        write_frame(&mut input, &Job::Square.request(&[8])).unwrap();
        let mut output = Vec::new();
        serve(&input[..], &mut output).unwrap();
        let mut answers = &output[..];
        let mut answer = Vec::new();
        let mut got = Vec::new();
        while read_frame(&mut answers, &mut answer).unwrap() {
            got.extend(decode_numbers(&answer).unwrap());
        }
        assert_eq!(got, [49, 64]);
    }

    #[test]
    fn python_chunk_sizes() {
        assert_eq!(default_chunksize(100, 4), 7);
        assert_eq!(default_chunksize(200_000, 4), 12_500);
        assert_eq!(default_chunksize(0, 2), 1);
    }
}
