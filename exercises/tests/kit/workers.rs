//! Worker processes for the suite's tests: the test binary itself, started again in a worker
//! role, so that the worker runs the code under test (your stub, the reference answer, or a
//! plausible mistake, whichever this binary was built with).
//!
//! A test that needs workers calls [`program`] first, on its own thread:
//!
//! ```text
//! #[test]
//! fn counts_on_four_workers() {
//!     let workers = program(|input, output| serve(input, output));
//!     let answer = count(1000, 4, &workers);   // your code starts workers of `workers`
//!     workers.assert_all_reaped(READ);
//! }
//! ```
//!
//! In the test process, `program` returns the worker program: this test binary with the
//! arguments `--exact <this test> --nocapture --test-threads 1` and an environment variable
//! naming the test. In the worker process, the same call sees the variable, runs `serve` on
//! its standard input and output, and exits: the rest of the test never runs there. libtest
//! prints a header before any test runs; the worker prints a marker after it, and the worker
//! program skips everything up to the marker.
//!
//! Why not `fork` the test process instead: libtest runs tests on several threads, and a
//! forked child may only make async-signal-safe calls, while the code under test allocates,
//! prints and may panic (a stub's `todo!()`). A child that returned instead of exiting would
//! even carry on running the test harness. A fresh process has none of these problems.
//!
//! Nothing is left behind: [`TestWorkers`] kills and reaps, when dropped (also when the test
//! panics or a deadline guard fires), every worker that was not waited for.

use std::io::{self, BufRead, BufWriter, Write};
use std::ops::Deref;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use shared::shm::SharedAtomics;
use shared::worker::WorkerProgram;

use super::{PATIENCE, ReadMore};

/// Names the test a worker process serves.
const ROLE: &str = "COURSE_TEST_WORKER";
/// `name:parties:when` of the meeting a worker process joins, if any.
const MEETING: &str = "COURSE_TEST_MEETING";
/// What a worker prints before it serves; everything before it is libtest's.
const MARKER: &str = "<<course test worker: serving>>";
/// The most workers one test may start: a runaway loop of starts fails instead.
pub const MOST_WORKERS: usize = 40;
/// The exit code of a worker that waited in vain for the others.
pub const MET_NOBODY: i32 = 3;

/// The signature of a worker's code: its standard input and output.
pub type Serve<'a> = &'a mut dyn FnMut(&mut dyn BufRead, &mut dyn Write) -> io::Result<()>;

/// When the workers of a test must all be at work together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// As soon as they start, before they read anything.
    AtStart,
    /// Before any of them writes its first answer: every one has read its work by then.
    BeforeFirstAnswer,
}

/// A test's worker program, and what it knows about the workers it started.
pub struct TestWorkers {
    program: WorkerProgram,
    meeting: Option<(SharedAtomics, usize)>,
    test: String,
}

/// The worker program of the calling test; see the module's documentation. In a worker
/// process this never returns: it runs `serve` and exits.
pub fn program(
    mut serve: impl FnMut(&mut dyn BufRead, &mut dyn Write) -> io::Result<()>,
) -> TestWorkers {
    let test = std::thread::current()
        .name()
        .expect("call kit::workers::program at the start of the #[test] function, on its thread")
        .to_string();
    if std::env::var(ROLE).as_deref() == Ok(test.as_str()) {
        serve_and_exit(&mut serve);
    }
    let exe = std::env::current_exe().expect("the test binary knows where it is");
    let program = WorkerProgram::new(exe)
        .args(["--exact", &test, "--nocapture", "--test-threads", "1"])
        .env(ROLE, &test)
        .after_marker(MARKER)
        .at_most(MOST_WORKERS);
    TestWorkers {
        program,
        meeting: None,
        test,
    }
}

impl TestWorkers {
    /// Makes the workers meet: each waits, at the moment `when` says, until `parties` of them
    /// are there together, and gives up (exiting with [`MET_NOBODY`]) after [`PATIENCE`].
    /// Workers that run one after another can never meet.
    pub fn meeting(mut self, parties: usize, when: When) -> Self {
        let block = SharedAtomics::create_named(1).expect("a shared-memory block for the meeting");
        let when = match when {
            When::AtStart => "start",
            When::BeforeFirstAnswer => "answer",
        };
        let spec = format!("{}:{parties}:{when}", block.name().expect("named"));
        self.program = self.program.clone().env(MEETING, spec);
        self.meeting = Some((block, parties));
        self
    }

    /// How many workers arrived at the meeting.
    pub fn arrived(&self) -> usize {
        self.meeting
            .as_ref()
            .map_or(0, |(block, _)| block[0].load(Ordering::SeqCst) as usize)
    }

    /// A clone of the worker program, to move into a thread (it shares the ledger).
    pub fn handle(&self) -> WorkerProgram {
        self.program.clone()
    }

    /// Fails the test if a worker was never waited for (still running, or a zombie), after
    /// stopping and reaping it.
    pub fn assert_all_reaped(&self, read: ReadMore) {
        let unreaped = self.program.unreaped();
        self.program.stop_unreaped();
        assert!(
            unreaped.is_empty(),
            "{} of the {} workers started were never waited for (processes {unreaped:?}): a \
             finished child stays a zombie until its parent waits for it, so wait() for every \
             worker you start ({read})",
            unreaped.len(),
            self.program.started().len()
        );
    }

    /// Like [`TestWorkers::assert_all_reaped`], for a test where starting no worker is fine.
    pub fn assert_all_reaped_if_any(&self, read: ReadMore) {
        if !self.program.started().is_empty() {
            self.assert_all_reaped(read);
        }
    }

    /// Fails the test unless the workers met, with a message about `what`.
    pub fn assert_met(&self, what: &str, read: ReadMore) {
        let parties = self.meeting.as_ref().map_or(0, |(_, parties)| *parties);
        let arrived = self.arrived();
        assert!(
            arrived >= parties,
            "only {arrived} of {parties} workers were at work at the same time: {what} ({read})"
        );
    }
}

impl Deref for TestWorkers {
    type Target = WorkerProgram;

    fn deref(&self) -> &WorkerProgram {
        &self.program
    }
}

impl Drop for TestWorkers {
    fn drop(&mut self) {
        // A thread of the code under test may still be running (after a deadline guard fired):
        // it can start nothing more, and whatever it started is stopped.
        self.program.close();
        self.program.stop_unreaped();
    }
}

impl std::fmt::Debug for TestWorkers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the workers of {}", self.test)
    }
}

/// The worker's side: marker, meeting, `serve`, exit. A panic in `serve` (a stub's `todo!()`)
/// has already printed its message to standard error; it exits with 101, as a panicking
/// program does.
fn serve_and_exit(serve: Serve<'_>) -> ! {
    // Some tests' workers crash on purpose: no `core` files.
    let _ = shared::worker::without_core_dumps();
    let mut stdout = io::stdout().lock();
    let _ = write!(stdout, "\n{MARKER}\n");
    let _ = stdout.flush();
    let meeting = std::env::var(MEETING)
        .ok()
        .and_then(|spec| Meeting::join(&spec));
    let mut meet_before_answer = None;
    if let Some(meeting) = meeting {
        if meeting.at_start {
            meeting.wait();
        } else {
            meet_before_answer = Some(meeting);
        }
    }
    let mut output = MeetOnFirstWrite {
        inner: BufWriter::new(stdout),
        meeting: meet_before_answer,
    };
    let mut input = io::stdin().lock();
    let outcome = catch_unwind(AssertUnwindSafe(|| serve(&mut input, &mut output)));
    let flushed = output.flush();
    let code = match (outcome, flushed) {
        (Ok(Ok(())), Ok(())) => 0,
        (Ok(Err(error)), _) | (Ok(Ok(())), Err(error)) => {
            eprintln!("worker {}: {error}", std::process::id());
            1
        }
        (Err(_), _) => 101,
    };
    std::process::exit(code)
}

/// A worker's place at a meeting.
struct Meeting {
    block: SharedAtomics,
    parties: u64,
    at_start: bool,
}

impl Meeting {
    fn join(spec: &str) -> Option<Self> {
        let mut parts = spec.split(':');
        let (name, parties, when) = (parts.next()?, parts.next()?, parts.next()?);
        Some(Self {
            block: SharedAtomics::open_named(name).ok()?,
            parties: parties.parse().ok()?,
            at_start: when == "start",
        })
    }

    /// Arrives, and waits until every party has; exits with [`MET_NOBODY`] after [`PATIENCE`].
    /// The limit is a deadline, not a measurement; a worker process reports by its exit code, so
    /// it gives up with that code rather than panicking like `spin_until`.
    fn wait(&self) {
        self.block[0].fetch_add(1, Ordering::SeqCst);
        let clock = Instant::now();
        while self.block[0].load(Ordering::SeqCst) < self.parties {
            if clock.elapsed() > PATIENCE {
                eprintln!(
                    "worker {}: only {} of {} workers were at work at the same time after {:?}; \
                     giving up",
                    std::process::id(),
                    self.block[0].load(Ordering::SeqCst),
                    self.parties,
                    PATIENCE
                );
                std::process::exit(MET_NOBODY);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

/// The worker's standard output, buffered (nothing reaches the parent before a flush), which
/// first waits at the meeting, if it has one.
struct MeetOnFirstWrite<W: Write> {
    inner: W,
    meeting: Option<Meeting>,
}

impl<W: Write> Write for MeetOnFirstWrite<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(meeting) = self.meeting.take() {
            meeting.wait();
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
