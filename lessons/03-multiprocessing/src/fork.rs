//! Section 3: fork-style workers, with nix. `fork()` makes a copy of the calling process: same
//! memory (copied lazily, page by page, as either side writes), same open files, and the same
//! point in the code, from which the two copies go separate ways. It is Python's `fork` start
//! method, the Linux default up to 3.13: cheap, and nothing to re-import.
//!
//! The copy has exactly one thread, the one that called `fork`. Every other thread of the
//! parent is simply absent in the child, along with anything it was doing: a lock it held stays
//! locked forever, a half-updated data structure stays half-updated. POSIX therefore allows the
//! child of a multi-threaded process to call only *async-signal-safe* functions (`write`,
//! `read`, `_exit` and a few dozen more; not `malloc`, not `printf`) until it calls `exec`.
//! Python 3.12 warns when a multi-threaded process forks, and 3.14 made `forkserver` the
//! default start method on Linux for this reason.
//!
//! This module is the lesson's only `unsafe` code, and it is why the module exists: every
//! `fork` happens here, and every child body is written here, using only async-signal-safe
//! operations, so that the safe functions below may be called from any thread, even in the
//! test harness, which runs tests on many threads at once:
//!
//! - arithmetic on the child's own stack and on memory no lock protects;
//! - atomic operations (plain CPU instructions; a shared mapping makes them cross processes);
//! - `open`, `read`, `write`, `close` and `_exit`, through nix and libc (no allocation: nix
//!   converts a short path on the stack).
//!
//! No child allocates, prints, takes a lock, or returns: each ends in `_exit`, which skips
//! `atexit` handlers and the flushing of buffers copied from the parent (flushed twice, they
//! would print twice). glibc's `fork` does reset its own allocator locks in the child, so
//! `malloc` would in fact work there; but locks of Rust's standard library (the one around
//! standard output, say) are not reset, and other C libraries promise less, so the bodies avoid
//! all of it.

#![allow(unsafe_code)]

use std::io::{self, Read};
use std::ops::Range;
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::fcntl::{OFlag, open};
use nix::sys::stat::Mode;
use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::{ForkResult, Pid, fork, write};
use shared::shm::SharedAtomics;
use shared::timeline::Timeline;
use shared::workload::cpu::count_primes;

// ANCHOR: in_child
/// Forks; the child runs `body` and exits with its result through `_exit`, never returning
/// into the caller's code (even if `body` panics). The parent gets the child's id.
///
/// # Safety
///
/// If other threads may exist, `body` must call only async-signal-safe functions: no
/// allocation, no locks, no printing (see the module's documentation).
unsafe fn in_child(body: impl FnOnce() -> i32) -> io::Result<Pid> {
    // SAFETY: the child only runs `body`, which the caller promises is async-signal-safe,
    // and then `_exit`s.
    match unsafe { fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            let code = std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or(101);
            // SAFETY: `_exit` is async-signal-safe and ends the process at once: no destructor,
            // no `atexit` handler, no flush of buffers inherited from the parent.
            unsafe { libc::_exit(code) }
        }
    }
}
// ANCHOR_END: in_child

/// Waits for every one of `children`, whatever each says: the path out of a failure.
fn reap_all(children: impl IntoIterator<Item = Pid>) {
    for child in children {
        let _ = waitpid(child, None);
    }
}

/// Waits for `child` and turns anything but a clean exit into an error.
fn wait_for(child: Pid) -> io::Result<()> {
    match waitpid(child, None)? {
        WaitStatus::Exited(_, 0) => Ok(()),
        other => Err(io::Error::other(format!(
            "a forked child ended badly: {other:?}"
        ))),
    }
}

// ANCHOR: count_primes_in_forks
/// Counts the primes below `limit` in `children` forked children, each counting its dealt
/// chunks. Every child writes one 16-byte record (its number, its count) to one shared pipe:
/// a write of at most `PIPE_BUF` (4096) bytes is atomic, so records from several children
/// never interleave. One lane per child on `timeline`, ending when its record arrives.
pub fn count_primes_in_forks(limit: u64, children: usize, timeline: &Timeline) -> io::Result<u64> {
    let (mut records, writer) = io::pipe()?; // close-on-exec: no other program inherits it
    let mut started = Vec::new();
    for c in 0..children {
        let chunks: Vec<Range<u64>> = crate::why::dealt(limit, children, c);
        let at = timeline.now();
        // SAFETY: the body counts (arithmetic over `chunks`, allocated before the fork), then
        // makes one `write` call: async-signal-safe.
        let pid = unsafe {
            in_child(|| {
                let count: u64 = chunks.iter().map(|chunk| count_primes(chunk.clone())).sum();
                let mut record = [0u8; 16];
                record[..8].copy_from_slice(&(c as u64).to_le_bytes());
                record[8..].copy_from_slice(&count.to_le_bytes());
                match write(&writer, &record) {
                    Ok(16) => 0,
                    _ => 1,
                }
            })
        };
        match pid {
            Ok(pid) => started.push((pid, at)),
            Err(error) => {
                reap_all(started.iter().map(|&(pid, _)| pid));
                return Err(error);
            }
        }
    }
    drop(writer); // or the pipe never reports its end: this process could still write
    let mut total = 0;
    let mut record = [0u8; 16];
    let mut answered = 0;
    while answered < children && records.read_exact(&mut record).is_ok() {
        let child = u64::from_le_bytes(record[..8].try_into().expect("8 bytes")) as usize;
        total += u64::from_le_bytes(record[8..].try_into().expect("8 bytes"));
        if let Some(&(_, at)) = started.get(child) {
            timeline.record(format!("child {child}"), "counting", at, timeline.now());
        }
        answered += 1;
    }
    for &(pid, _) in &started {
        wait_for(pid)?;
    }
    if answered < children {
        return Err(io::Error::other("a child never sent its count"));
    }
    Ok(total)
}
// ANCHOR_END: count_primes_in_forks

/// What a child forked while another thread held a lock found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForkedWithALock {
    /// Threads in the parent at the moment of the fork (if the platform says).
    pub parent_threads: Option<u32>,
    /// Threads in the child (if the platform says).
    pub child_threads: Option<u32>,
    /// Whether the child found the mutex locked.
    pub locked_in_child: bool,
    /// Whether the parent could take the mutex once its thread let go.
    pub parent_took_it: bool,
}

// ANCHOR: fork_with_a_lock
/// A helper thread takes a mutex and holds it while the main thread forks. The child asks the
/// mutex with `try_lock`, which never waits, and counts its own threads. In the child the lock
/// is held by a thread that does not exist there, so `lock()` would wait forever.
pub fn fork_with_a_lock_held() -> io::Result<ForkedWithALock> {
    let mutex = Arc::new(Mutex::new(0u64));
    let (holding, held) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let holder = {
        let mutex = Arc::clone(&mutex);
        std::thread::spawn(move || {
            let _guard = mutex.lock().expect("nobody else takes it");
            let _ = holding.send(());
            let _ = released.recv(); // hold it until the parent has forked
        })
    };
    held.recv().map_err(io::Error::other)?;
    let parent_threads = threads_of_this_process();
    let (mut answer, writer) = io::pipe()?;
    // SAFETY: `try_lock` is one atomic compare-and-swap on the mutex's word; counting threads
    // uses `open`, `read` and `close` into a stack buffer; the answer goes out with one
    // `write`. All async-signal-safe.
    let child = unsafe {
        in_child(|| {
            let locked = mutex.try_lock().is_err();
            let threads = threads_of_this_process().unwrap_or(0);
            let reply = [u8::from(locked), threads.min(255) as u8];
            match write(&writer, &reply) {
                Ok(2) => 0,
                _ => 1,
            }
        })
    }?;
    drop(writer);
    let mut reply = [0u8; 2];
    let read = answer.read_exact(&mut reply);
    let _ = release.send(());
    holder
        .join()
        .map_err(|_| io::Error::other("the holder panicked"))?;
    wait_for(child)?;
    read?;
    Ok(ForkedWithALock {
        parent_threads,
        child_threads: (reply[1] > 0).then_some(u32::from(reply[1])),
        locked_in_child: reply[0] == 1,
        parent_took_it: mutex.try_lock().is_ok(),
    })
}
// ANCHOR_END: fork_with_a_lock

/// The number of threads of the calling process, from `/proc/self/status` (Linux), read with
/// raw system calls into a stack buffer, so that a forked child may call it.
fn threads_of_this_process() -> Option<u32> {
    let file = open("/proc/self/status", OFlag::O_RDONLY, Mode::empty()).ok()?;
    let mut buf = [0u8; 4096];
    let mut len = 0;
    while len < buf.len() {
        match nix::unistd::read(file.as_fd(), &mut buf[len..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => len += n,
        }
    }
    let text = &buf[..len];
    let at = text.windows(8).position(|w| w == b"Threads:")? + 8;
    let digits = text[at..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit());
    let mut threads = 0u32;
    for digit in digits {
        threads = threads
            .checked_mul(10)?
            .checked_add(u32::from(digit - b'0'))?;
    }
    Some(threads)
}

/// How forked children add to the counters they are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adding {
    /// `load`, add one, `store`: two separate steps, so another process can add in between,
    /// and its update is lost.
    LoadThenStore,
    /// `fetch_add(1)`: one indivisible step.
    FetchAdd,
    /// Each child adds to its own slot, `SLOT_SPACING` slots apart (child `c` to slot
    /// `c * SLOT_SPACING`): nothing shared, not even a cache line.
    OwnSlot,
}

/// How far apart the children's own slots are: 8 counters of 8 bytes, one 64-byte cache line.
/// Packed side by side, the slots would share a line, and the cores would pass it back and
/// forth at every addition just as for one shared counter ("false sharing").
pub const SLOT_SPACING: usize = 8;

// ANCHOR: add_in_forks
/// `children` forked children each add one, `increments` times, to `slots` as `how` says.
/// If `slots` lie in a shared mapping, the parent sees their additions; in ordinary memory,
/// each child changes its own copy and the parent sees nothing. The children wait at a gate
/// until all of them exist, so that they really do add at the same time. One lane per child,
/// ending when it reports that it is done.
pub fn add_in_forks(
    slots: &[AtomicU64],
    children: usize,
    increments: u64,
    how: Adding,
    timeline: &Timeline,
) -> io::Result<()> {
    assert!(
        how != Adding::OwnSlot || slots.len() >= children,
        "a slot per child"
    );
    let gate = SharedAtomics::anonymous(1)?;
    let (mut done, writer) = io::pipe()?;
    let mut started = Vec::new();
    for c in 0..children {
        let at = timeline.now();
        // SAFETY: spinning on the gate, the additions and the final `write` are atomic
        // instructions and one system call: async-signal-safe.
        let pid = unsafe {
            in_child(|| {
                while gate[0].load(Ordering::Acquire) == 0 {
                    std::hint::spin_loop();
                }
                let slot = if how == Adding::OwnSlot {
                    &slots[c]
                } else {
                    &slots[0]
                };
                for _ in 0..increments {
                    match how {
                        Adding::LoadThenStore => {
                            // black_box: without it, the optimiser may merge the whole loop
                            // into one load and one store, which `Relaxed` allows.
                            let seen = std::hint::black_box(slot.load(Ordering::Relaxed));
                            slot.store(seen + 1, Ordering::Relaxed);
                        }
                        Adding::FetchAdd | Adding::OwnSlot => {
                            slot.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
                match write(&writer, &(c as u64).to_le_bytes()) {
                    Ok(8) => 0,
                    _ => 1,
                }
            })
        };
        match pid {
            Ok(pid) => started.push((pid, at)),
            Err(error) => {
                gate[0].store(1, Ordering::Release); // let the ones already forked finish
                reap_all(started.iter().map(|&(pid, _)| pid));
                return Err(error);
            }
        }
    }
    drop(writer);
    gate[0].store(1, Ordering::Release);
    let mut record = [0u8; 8];
    while done.read_exact(&mut record).is_ok() {
        let child = u64::from_le_bytes(record) as usize;
        if let Some(&(_, at)) = started.get(child) {
            timeline.record(format!("child {child}"), "adding", at, timeline.now());
        }
    }
    for &(pid, _) in &started {
        wait_for(pid)?;
    }
    Ok(())
}
// ANCHOR_END: add_in_forks

/// Forks `count` children that exit at once, then waits for them all: the cost of a process
/// that copies its parent instead of starting a program.
pub fn fork_and_exit(count: usize) -> io::Result<Duration> {
    let clock = Instant::now();
    let mut children = Vec::with_capacity(count);
    for _ in 0..count {
        // SAFETY: the body does nothing; `in_child` then calls `_exit`.
        match unsafe { in_child(|| 0) } {
            Ok(child) => children.push(child),
            Err(error) => {
                reap_all(children);
                return Err(error);
            }
        }
    }
    for child in children {
        wait_for(child)?;
    }
    Ok(clock.elapsed())
}

#[cfg(test)]
mod tests {
    use super::*;

    // These tests fork from the test harness, which runs tests on several threads at once:
    // the situation the module's rules are for.

    #[test]
    fn forked_children_count_the_primes() {
        let timeline = Timeline::new();
        assert_eq!(count_primes_in_forks(100_000, 3, &timeline).unwrap(), 9_592);
        assert_eq!(timeline.spans().len(), 3);
    }

    #[test]
    fn a_lock_held_by_another_thread_stays_locked_in_the_child() {
        let seen = fork_with_a_lock_held().unwrap();
        assert!(seen.locked_in_child, "{seen:?}");
        assert!(seen.parent_took_it, "{seen:?}");
        if let (Some(parent), Some(child)) = (seen.parent_threads, seen.child_threads) {
            assert!(parent >= 2, "{seen:?}");
            assert_eq!(
                child, 1,
                "only the forking thread exists in the child: {seen:?}"
            );
        }
    }

    #[test]
    fn shared_counters_see_the_children_and_private_ones_do_not() {
        let shared = SharedAtomics::anonymous(3 * SLOT_SPACING).unwrap();
        let timeline = Timeline::new();
        add_in_forks(&shared, 3, 10_000, Adding::FetchAdd, &timeline).unwrap();
        assert_eq!(shared[0].load(Ordering::Relaxed), 30_000);
        add_in_forks(&shared, 3, 1_000, Adding::OwnSlot, &timeline).unwrap();
        let total: u64 = shared.iter().map(|s| s.load(Ordering::Relaxed)).sum();
        assert_eq!(total, 33_000);
        let private = [AtomicU64::new(0)];
        add_in_forks(&private, 2, 1_000, Adding::FetchAdd, &timeline).unwrap();
        assert_eq!(
            private[0].load(Ordering::Relaxed),
            0,
            "each child had its own copy"
        );
    }

    #[test]
    fn forking_and_exiting_leaves_no_child() {
        fork_and_exit(5).unwrap();
    }
}
