//! Worker processes: a program started again in a *worker role*, talking to its parent over
//! its standard input and output. This is Python's `spawn` start method done by hand: a fresh
//! process runs the same executable, and its arguments tell it to serve instead of running
//! the whole program (the Rust counterpart of `if __name__ == "__main__":`).
//!
//! A [`WorkerProgram`] says which program to start and how; [`WorkerProgram::start`] starts
//! one [`Worker`], a [`std::process::Child`] with piped standard input and a buffered standard
//! output. The program keeps a ledger of every worker it started, so that a caller, or a test,
//! can check that each one was waited for, and stop any that were not:
//!
//! ```no_run
//! use std::io::{BufRead, Write};
//! use shared::worker::WorkerProgram;
//!
//! # fn main() -> std::io::Result<()> {
//! // This program, with arguments that select its worker role.
//! let program = WorkerProgram::this_program()?.args(["__worker", "square"]);
//! let mut worker = program.start()?;
//! writeln!(worker.stdin.as_mut().unwrap(), "12")?;
//! let mut answer = String::new();
//! worker.stdout.as_mut().unwrap().read_line(&mut answer)?;
//! let status = worker.wait()?; // closes its stdin first, then reaps it
//! assert!(status.success() && program.unreaped().is_empty());
//! # Ok(())
//! # }
//! ```
//!
//! Like `Child`, a `Worker` does nothing when dropped: a worker nobody waits for stays a zombie
//! (or keeps running), which [`WorkerProgram::unreaped`] reveals and
//! [`WorkerProgram::stop_unreaped`] ends.

use std::ffi::OsString;
use std::fmt;
use std::io::{self, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use nix::errno::Errno;
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::waitpid;
use nix::unistd::Pid;

/// How to start a worker: a program, its arguments and environment, and the ledger of the
/// workers started so far. Clones share the ledger.
#[derive(Clone)]
pub struct WorkerProgram {
    program: PathBuf,
    args: Vec<OsString>,
    envs: Vec<(OsString, OsString)>,
    marker: Option<String>,
    ledger: Arc<Ledger>,
}

impl fmt::Debug for WorkerProgram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WorkerProgram")
            .field("program", &self.program)
            .field("args", &self.args)
            .field("started", &self.started())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Default)]
struct Ledger {
    entries: Mutex<Vec<Entry>>,
    limit: Mutex<Option<usize>>,
    closed: AtomicBool,
}

#[derive(Debug)]
struct Entry {
    pid: u32,
    reaped: Arc<AtomicBool>,
}

impl WorkerProgram {
    /// Workers that run `program` (a path to an executable).
    pub fn new(program: impl Into<PathBuf>) -> Self {
        Self {
            program: program.into(),
            args: Vec::new(),
            envs: Vec::new(),
            marker: None,
            ledger: Arc::default(),
        }
    }

    /// Workers that run this very executable again (`std::env::current_exe`).
    pub fn this_program() -> io::Result<Self> {
        Ok(Self::new(std::env::current_exe()?))
    }

    /// The same program, arguments and environment, with a ledger of its own: its workers are
    /// counted apart from this one's.
    pub fn with_own_ledger(&self) -> Self {
        Self {
            ledger: Arc::default(),
            ..self.clone()
        }
    }

    /// Adds arguments, such as the ones that select the worker role.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Sets an environment variable for every worker.
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.envs.push((key.into(), value.into()));
        self
    }

    /// Skips whatever a worker prints before a line that is exactly `marker`: for programs
    /// that print something of their own before the worker code runs (a test binary prints
    /// its header). A worker that ends before printing the marker gives a read error.
    pub fn after_marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }

    /// Refuses to start more than `limit` workers in all: a runaway loop of starts fails
    /// instead of filling the machine with processes.
    pub fn at_most(self, limit: usize) -> Self {
        *lock(&self.ledger.limit) = Some(limit);
        self
    }

    /// The plain command: the program with its arguments and environment, nothing piped.
    pub fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args).envs(self.envs.iter().cloned());
        command
    }

    /// Starts a worker with piped standard input and output; its standard error is this
    /// process's. The worker is in the ledger until it is waited for.
    pub fn start(&self) -> io::Result<Worker> {
        if self.ledger.closed.load(Ordering::SeqCst) {
            return Err(io::Error::other(
                "this worker program is closed: no more workers",
            ));
        }
        let mut entries = lock(&self.ledger.entries);
        if let Some(limit) = *lock(&self.ledger.limit)
            && entries.len() >= limit
        {
            return Err(io::Error::other(format!(
                "refusing to start more than {limit} workers: is something starting them in a loop?"
            )));
        }
        let mut child = self
            .command()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let reaped = Arc::new(AtomicBool::new(false));
        entries.push(Entry {
            pid: child.id(),
            reaped: Arc::clone(&reaped),
        });
        let output = WorkerOutput {
            inner: child.stdout.take().expect("stdout was piped"),
            marker: self.marker.clone(),
        };
        Ok(Worker {
            stdin: child.stdin.take(),
            stdout: Some(BufReader::new(output)),
            child,
            reaped,
        })
    }

    /// The process ids of every worker started so far, in order.
    pub fn started(&self) -> Vec<u32> {
        lock(&self.ledger.entries).iter().map(|e| e.pid).collect()
    }

    /// The workers not waited for yet: still running, or ended but never reaped (zombies).
    pub fn unreaped(&self) -> Vec<u32> {
        lock(&self.ledger.entries)
            .iter()
            .filter(|e| !e.reaped.load(Ordering::SeqCst))
            .map(|e| e.pid)
            .collect()
    }

    /// Kills every worker not waited for yet (SIGKILL) and reaps it, so that none outlives
    /// its caller; returns their process ids. Safe to call at any time: a process that has not
    /// been reaped keeps its id, so the signal cannot reach an unrelated process.
    pub fn stop_unreaped(&self) -> Vec<u32> {
        let entries = lock(&self.ledger.entries);
        let mut stopped = Vec::new();
        for entry in entries.iter().filter(|e| !e.reaped.load(Ordering::SeqCst)) {
            let pid = Pid::from_raw(entry.pid as i32);
            let _ = kill(pid, Signal::SIGKILL);
            // ECHILD: another thread reaped it meanwhile (a `Worker::wait` racing with us).
            match waitpid(pid, None) {
                Ok(_) | Err(Errno::ECHILD) => entry.reaped.store(true, Ordering::SeqCst),
                Err(_) => continue,
            }
            stopped.push(entry.pid);
        }
        stopped
    }

    /// Refuses every later [`WorkerProgram::start`], in this handle and its clones.
    pub fn close(&self) {
        self.ledger.closed.store(true, Ordering::SeqCst);
    }
}

/// A running worker: a child process with piped standard input and buffered standard output.
/// Like [`Child`], it does nothing when dropped: wait for it.
#[derive(Debug)]
pub struct Worker {
    /// What the worker reads. Dropping it (or [`Worker::wait`]) closes the pipe, and the
    /// worker sees the end of its input.
    pub stdin: Option<ChildStdin>,
    /// What the worker writes, buffered: `read_line`, `lines`, `read_exact`.
    pub stdout: Option<BufReader<WorkerOutput>>,
    child: Child,
    reaped: Arc<AtomicBool>,
}

impl Worker {
    /// The worker's process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Closes the worker's standard input (so a worker reading it sees the end), then waits
    /// for it to end and reaps it: its exit status, which says whether it exited (with which
    /// code) or was killed (by which signal).
    pub fn wait(&mut self) -> io::Result<ExitStatus> {
        drop(self.stdin.take());
        let status = self.child.wait()?;
        self.reaped.store(true, Ordering::SeqCst);
        Ok(status)
    }

    /// The exit status if the worker has ended (reaping it), `None` if it is still running.
    pub fn try_wait(&mut self) -> io::Result<Option<ExitStatus>> {
        let status = self.child.try_wait()?;
        if status.is_some() {
            self.reaped.store(true, Ordering::SeqCst);
        }
        Ok(status)
    }

    /// Kills the worker (SIGKILL). It still has to be waited for.
    pub fn kill(&mut self) -> io::Result<()> {
        self.child.kill()
    }
}

/// A worker's standard output, without whatever the program printed before its marker (see
/// [`WorkerProgram::after_marker`]).
#[derive(Debug)]
pub struct WorkerOutput {
    inner: ChildStdout,
    marker: Option<String>,
}

impl WorkerOutput {
    /// Reads, one byte at a time so that nothing after it is consumed, up to and including
    /// the line `marker`.
    fn skip_to(&mut self, marker: &str) -> io::Result<()> {
        let wanted = format!("\n{marker}\n").into_bytes();
        let mut seen = Vec::new();
        let mut byte = [0u8];
        while !seen.ends_with(&wanted) {
            if self.inner.read(&mut byte)? == 0 {
                let shown = String::from_utf8_lossy(&seen);
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!(
                        "the worker ended before it began to serve; it printed: {:?}",
                        shown.trim()
                    ),
                ));
            }
            seen.push(byte[0]);
        }
        Ok(())
    }
}

impl Read for WorkerOutput {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(marker) = self.marker.take() {
            self.skip_to(&marker)?;
        }
        self.inner.read(buf)
    }
}

/// Switches off core dumps for this process, so that a worker that crashes on purpose (a
/// demonstration, a test) leaves no `core` file behind in the current directory.
pub fn without_core_dumps() -> io::Result<()> {
    use nix::sys::resource::{Resource, setrlimit};
    setrlimit(Resource::RLIMIT_CORE, 0, 0)?;
    Ok(())
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, Write};

    /// `sh` stands in for a worker program: it is on every Unix system.
    fn shell(script: &str) -> WorkerProgram {
        WorkerProgram::new("/bin/sh").args(["-c", script])
    }

    #[test]
    fn a_worker_talks_over_its_pipes_and_is_reaped_by_wait() {
        let program = shell("read n; echo $((n * n))");
        let mut worker = program.start().unwrap();
        writeln!(worker.stdin.as_mut().unwrap(), "12").unwrap();
        let mut line = String::new();
        worker
            .stdout
            .as_mut()
            .unwrap()
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line, "144\n");
        assert_eq!(program.unreaped(), [worker.id()]);
        assert!(worker.wait().unwrap().success());
        assert_eq!(program.started(), [worker.id()]);
        assert!(program.unreaped().is_empty());
    }

    #[test]
    fn the_marker_hides_what_comes_before_it() {
        let program =
            shell("printf 'header ... '; echo; echo READY; echo served").after_marker("READY");
        let mut worker = program.start().unwrap();
        let mut text = String::new();
        worker
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "served\n");
        worker.wait().unwrap();

        let silent = shell("echo no marker here").after_marker("READY");
        let mut worker = silent.start().unwrap();
        let error = worker
            .stdout
            .as_mut()
            .unwrap()
            .read_line(&mut String::new())
            .unwrap_err();
        assert!(error.to_string().contains("no marker here"), "{error}");
        worker.wait().unwrap();
    }

    #[test]
    fn workers_nobody_waited_for_are_found_and_stopped() {
        let program = shell("sleep 30");
        let forgotten = program.start().unwrap();
        let pid = forgotten.id();
        drop(forgotten);
        assert_eq!(program.unreaped(), [pid]);
        assert_eq!(program.stop_unreaped(), [pid]);
        assert!(program.unreaped().is_empty());
        assert_eq!(
            waitpid(Pid::from_raw(pid as i32), None),
            Err(Errno::ECHILD),
            "it was reaped, not left a zombie"
        );
    }

    #[test]
    fn limits_and_closing_refuse_further_starts() {
        let program = shell("exit 3").at_most(1);
        let mut first = program.start().unwrap();
        assert_eq!(first.wait().unwrap().code(), Some(3));
        assert!(
            program
                .start()
                .unwrap_err()
                .to_string()
                .contains("more than 1")
        );
        let closed = shell("true");
        closed.close();
        assert!(closed.start().is_err());
    }
}
