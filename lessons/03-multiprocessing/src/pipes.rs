//! Section 4: pipes, a message queue over a pipe, and what sending data costs.
//!
//! A pipe is a one-way byte stream through the kernel, with a small buffer (64 KiB on Linux):
//! a writer blocks when it is full, a reader when it is empty, and the reader sees end-of-file
//! once every write end is closed. `Command` with `Stdio::piped()` connects one to a child's
//! standard input or output. Python's `multiprocessing.Pipe` and `Queue` are built on the same
//! pipes, with each object pickled into bytes on the way in and unpickled on the way out.
//!
//! Threads share memory, so a message between threads is a pointer handed over; between
//! processes, every byte of it is copied into the kernel and out again. This section measures
//! both, per message and per byte.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam::channel;
use shared::lesson::Env;
use shared::memory::human_bytes;
use shared::report::{Record, Report};
use shared::timing::human;
use shared::worker::{Worker, WorkerProgram};

use crate::Flags;
use crate::ended::describe;
use crate::frame::{read_frame, write_frame};
use crate::leash::StopOnDrop;
use crate::role::{this_program, worker};

// ANCHOR: numbers
/// The `numbers` role, the tutorials' queue example from the child's side: sends 0 to 4, one
/// per line, then exits (which closes its end of the pipe).
pub fn send_numbers(mut out: impl Write) -> io::Result<()> {
    for n in 0..5 {
        writeln!(out, "{n}")?;
    }
    out.flush()
}

/// The parent's side: reads every line until end-of-file, and only then waits for the child.
/// Waiting first can deadlock: a child with more to say than the pipe holds blocks in `write`
/// until someone reads, and cannot exit.
pub fn receive_numbers(base: &WorkerProgram) -> io::Result<Vec<u64>> {
    let mut child = worker(base, &["numbers"]).start()?;
    let mut received = Vec::new();
    for line in child.stdout.take().expect("piped").lines() {
        received.push(line?.trim().parse().map_err(io::Error::other)?);
    }
    let status = child.wait()?;
    if !status.success() {
        return Err(io::Error::other(format!("the child {}", describe(status))));
    }
    Ok(received)
}
// ANCHOR_END: numbers

/// The `flood` role: writes `bytes` bytes, then exits.
pub fn flood(bytes: usize, mut out: impl Write) -> io::Result<()> {
    let block = [b'x'; 8192];
    let mut left = bytes;
    while left > 0 {
        let now = left.min(block.len());
        out.write_all(&block[..now])?;
        left -= now;
    }
    out.flush()
}

/// What happened when the parent waited before reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitedFirst {
    /// Whether the child was still running when the parent gave up waiting.
    pub still_running: bool,
    /// The bytes read afterwards.
    pub bytes: usize,
    /// How long the child took to finish once the parent read.
    pub finished_within: Duration,
}

/// Starts a child that writes `bytes` (more than a pipe holds), then, instead of reading,
/// waits for it for `patience` (checking with `try_wait`, so this demonstration cannot hang).
/// Then reads everything, and waits again.
pub fn wait_before_reading(
    base: &WorkerProgram,
    bytes: usize,
    patience: Duration,
) -> io::Result<WaitedFirst> {
    let mut child = worker(base, &["flood", &bytes.to_string()]).start()?;
    let clock = Instant::now();
    let mut still_running = true;
    while clock.elapsed() < patience {
        if child.try_wait()?.is_some() {
            still_running = false;
            break;
        }
        thread::sleep(Duration::from_millis(5));
    }
    let reading = Instant::now();
    let mut sink = Vec::new();
    child.stdout.take().expect("piped").read_to_end(&mut sink)?;
    child.wait()?;
    Ok(WaitedFirst {
        still_running,
        bytes: sink.len(),
        finished_within: reading.elapsed(),
    })
}

// ANCHOR: echo
/// The `echo` role: answers every frame with the same frame, until its input ends.
pub fn echo(mut input: impl Read, output: impl Write) -> io::Result<()> {
    let mut output = BufWriter::new(output);
    let mut message = Vec::new();
    while read_frame(&mut input, &mut message)? {
        write_frame(&mut output, &message)?;
        output.flush()?; // the parent waits for this answer: send it now
    }
    Ok(())
}

/// Sends `count` frames of `size` bytes to an echo worker, one at a time, each answered
/// before the next goes: the median round trip.
pub fn round_trips(worker: &mut Worker, size: usize, count: usize) -> io::Result<Duration> {
    let message = vec![7u8; size];
    let mut answer = Vec::new();
    let (stdin, stdout) = (
        worker.stdin.as_mut().expect("piped"),
        worker.stdout.as_mut().expect("piped"),
    );
    let mut times = Vec::with_capacity(count);
    for _ in 0..count {
        let clock = Instant::now();
        write_frame(stdin, &message)?;
        stdin.flush()?;
        if !read_frame(stdout, &mut answer)? || answer.len() != size {
            return Err(io::Error::other("the echo worker did not answer in full"));
        }
        times.push(clock.elapsed());
    }
    Ok(median(times))
}
// ANCHOR_END: echo

// ANCHOR: channel_round_trips
/// The same round trips between two threads of this process, over crossbeam channels: the
/// message is a `Vec<u8>` *moved* to the other thread and back. Only its pointer, length and
/// capacity travel; its bytes stay where they are.
pub fn channel_round_trips(size: usize, count: usize) -> Duration {
    let (to_echo, echo_in) = channel::bounded::<Vec<u8>>(1);
    let (echo_out, back) = channel::bounded::<Vec<u8>>(1);
    let echo = thread::spawn(move || {
        for message in echo_in {
            if echo_out.send(message).is_err() {
                break;
            }
        }
    });
    let mut message = vec![7u8; size];
    let mut times = Vec::with_capacity(count);
    for _ in 0..count {
        let clock = Instant::now();
        to_echo.send(message).expect("the echo thread is alive");
        message = back.recv().expect("the echo thread answers");
        times.push(clock.elapsed());
    }
    drop(to_echo);
    echo.join().expect("the echo thread does not panic");
    median(times)
}
// ANCHOR_END: channel_round_trips

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// The message sizes section 4 measures.
pub const SIZES: [usize; 4] = [8, 4 << 10, 64 << 10, 1 << 20];

/// How many round trips to time for messages of `size` bytes: `messages` small ones, fewer
/// large ones (at most 64 MiB each way in all).
pub fn trips_for(size: usize, messages: usize) -> usize {
    messages.min((64 << 20) / size).max(5)
}

/// Section 4 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let base = this_program()?;
    // Whatever happens in this section, no worker outlives it.
    let _stop = StopOnDrop(base.clone());
    report.say(
        "The tutorials' queue example: a child puts the numbers 0 to 4 on a queue, and the \
         parent takes them off. Here the queue is the child's standard output, one number per \
         line. The parent reads until end-of-file, then waits for the child.",
    );
    let received = receive_numbers(&base)?;
    for n in &received {
        report.line(&format!("received number: {n}"));
    }
    anyhow::ensure!(received == [0, 1, 2, 3, 4], "received {received:?}");

    let flood = 1 << 20;
    let patience = env.size(Duration::from_millis(300), Duration::from_millis(100));
    report.say(&format!(
        "Why read first: a child writes {} and exits, but the parent waits for it before \
         reading. The pipe holds {}; the child blocks in write once it is full, and cannot exit \
         until someone reads. The parent checks for {} with try_wait (a plain wait would hang \
         for ever), then reads.",
        human_bytes(flood as u64),
        pipe_capacity().map_or("64 KiB on Linux".to_string(), |c| human_bytes(c as u64)),
        human(patience)
    ));
    let waited = wait_before_reading(&base, flood, patience)?;
    report.results(&[Record::new("wait, then read")
        .text(
            "after_waiting",
            if waited.still_running {
                "still running: blocked in write"
            } else {
                "had exited"
            },
        )
        .bytes("read_afterwards", waited.bytes as u64)
        .duration("exited_once_read_within", waited.finished_within)]);

    let messages = flags.messages(env);
    report.say(&format!(
        "What a message costs. A worker process echoes each frame (a 4-byte length, then the \
         bytes) straight back; the parent sends the next only when the answer is in. Then the \
         same between two threads over channels. {messages} round trips per size (fewer for \
         the largest messages between processes); the median is shown. For the large \
         messages, the round trip per byte: each byte crosses twice."
    ));
    let mut echo_worker = worker(&base, &["echo"]).start()?;
    let mut records = Vec::new();
    for size in SIZES {
        let trips = trips_for(size, messages);
        // A few untimed trips first, so that both sides are awake and their buffers grown.
        round_trips(&mut echo_worker, size, WARM_UP)?;
        let process = round_trips(&mut echo_worker, size, trips)?;
        // Moving a vector costs the same whatever its size: threads always do `messages`.
        channel_round_trips(size, WARM_UP);
        let threads = channel_round_trips(size, messages);
        records.push(
            Record::new(human_bytes(size as u64))
                .duration("process_round_trip", process)
                .text("per_byte", per_byte(process, size))
                .duration("thread_round_trip", threads)
                .count("process_trips", trips as u64),
        );
    }
    echo_worker.wait()?;
    report.results(&records);
    report.say(
        "A small message costs about the same either way: the price is waking the other side, a \
         process blocked on a pipe or a thread blocked on a channel, and the system calls \
         around it. Between processes a large message adds a price per byte, for copying it \
         into the kernel and out again; between threads nothing grows with the size, since the \
         vector moves and its bytes stay put. Python pays the process price and more: every \
         object is pickled on the way in and unpickled on the way out.",
    );
    Ok(())
}

/// The round trip per byte crossing (each byte crosses twice), for messages large enough
/// that the bytes, not the fixed price of a message, make up most of it.
fn per_byte(round_trip: Duration, size: usize) -> String {
    if size < PER_BYTE_FROM {
        return "–".into();
    }
    format!("{:.2} ns", round_trip.as_nanos() as f64 / (2 * size) as f64)
}

/// The smallest message whose round trip is shown per byte.
const PER_BYTE_FROM: usize = 64 << 10;

/// Untimed round trips before each measurement.
const WARM_UP: usize = 20;

/// The capacity of a new pipe, where the system says (Linux).
fn pipe_capacity() -> Option<usize> {
    #[cfg(target_os = "linux")]
    {
        use nix::fcntl::{FcntlArg, fcntl};
        let (reader, _writer) = io::pipe().ok()?;
        fcntl(&reader, FcntlArg::F_GETPIPE_SZ)
            .ok()
            .and_then(|size| usize::try_from(size).ok())
    }
    #[cfg(not(target_os = "linux"))]
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numbers_role_writes_five_lines() {
        let mut out = Vec::new();
        send_numbers(&mut out).unwrap();
        assert_eq!(out, b"0\n1\n2\n3\n4\n");
    }

    #[test]
    fn echo_answers_each_frame_with_itself() {
        let mut input = Vec::new();
        write_frame(&mut input, b"ping").unwrap();
        write_frame(&mut input, &[]).unwrap();
        let mut output = Vec::new();
        echo(&input[..], &mut output).unwrap();
        assert_eq!(output, input);
    }

    #[test]
    fn channel_round_trips_complete() {
        channel_round_trips(1024, 10);
        assert_eq!(trips_for(8, 1000), 1000);
        assert_eq!(trips_for(1 << 20, 1000), 64);
        assert_eq!(per_byte(Duration::from_micros(131), 65_536), "1.00 ns");
        assert_eq!(per_byte(Duration::from_micros(8), 8), "–");
    }

    #[test]
    fn flood_writes_exactly_what_it_is_asked() {
        let mut out = Vec::new();
        flood(20_000, &mut out).unwrap();
        assert_eq!(out.len(), 20_000);
    }
}
