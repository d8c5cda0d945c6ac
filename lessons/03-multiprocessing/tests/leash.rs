//! Workers never outlive the program: when their parent is killed, when Ctrl-C reaches the
//! process group, and when the lesson program itself is interrupted. These tests adopt
//! orphans (Linux's child subreaper) so that they can reap them, and run one at a time.
#![cfg(target_os = "linux")]

use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lesson_03_multiprocessing::leash::{Ending, end_a_parent};
use nix::errno::Errno;
use nix::sys::signal::{Signal, killpg};
use nix::sys::wait::{WaitPidFlag, waitpid};
use nix::unistd::Pid;
use shared::worker::WorkerProgram;

const BINARY: &str = env!("CARGO_BIN_EXE_lesson-03-multiprocessing");
const PATIENCE: Duration = Duration::from_secs(10);

/// Orphans are adopted process-wide: one test at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

#[test]
fn workers_that_listen_end_with_their_killed_parent() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let after = end_a_parent(
        &WorkerProgram::new(BINARY),
        false,
        Ending::KillParent,
        PATIENCE,
    )
    .unwrap();
    assert_eq!(after.workers.len(), 2);
    assert_eq!(
        after.survivors,
        Vec::<u32>::new(),
        "they saw the end of their input"
    );
}

#[test]
fn busy_workers_outlive_a_killed_parent_until_their_group_is_stopped() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let after = end_a_parent(
        &WorkerProgram::new(BINARY),
        true,
        Ending::KillParent,
        Duration::from_millis(100),
    )
    .unwrap();
    assert_eq!(
        after.survivors, after.workers,
        "busy for a minute, they survive 100 ms"
    );
    for pid in after.survivors {
        assert_eq!(
            waitpid(Pid::from_raw(pid as i32), Some(WaitPidFlag::WNOHANG)),
            Err(Errno::ECHILD),
            "survivor {pid} was stopped and reaped"
        );
    }
}

#[test]
fn sigint_to_the_group_ends_busy_workers_too() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let after = end_a_parent(
        &WorkerProgram::new(BINARY),
        true,
        Ending::InterruptGroup,
        PATIENCE,
    )
    .unwrap();
    assert_eq!(after.survivors, Vec::<u32>::new());
}

/// `(pid, parent, group)` of every process in /proc.
fn processes() -> Vec<(i32, i32, i32)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid pgrp …; the command name may contain spaces and parentheses.
        let Some((head, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let pid = head.split(' ').next().and_then(|p| p.parse().ok());
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if let (Some(pid), Some(ppid), Some(pgrp)) = (
            pid,
            fields.get(1).and_then(|f| f.parse().ok()),
            fields.get(2).and_then(|f| f.parse().ok()),
        ) {
            found.push((pid, ppid, pgrp));
        }
    }
    found
}

fn members_of(group: i32) -> Vec<i32> {
    processes()
        .into_iter()
        .filter(|&(_, _, pgrp)| pgrp == group)
        .map(|(pid, _, _)| pid)
        .collect()
}

#[test]
fn ctrl_c_during_the_lesson_leaves_no_process_behind() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    nix::sys::prctl::set_child_subreaper(true).unwrap();
    // The pool section keeps worker processes running for a while; in a group of its own, as
    // a terminal would run it.
    let mut lesson = Command::new(BINARY)
        .args(["--section", "6"])
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let group = lesson.id() as i32;
    // PATIENCE below is a deadline, not a measurement. The loops stop instead of panicking, so
    // that the group is killed before the assertions, even when they are about to fail.
    let clock = Instant::now();
    let workers_seen = loop {
        let workers: Vec<i32> = processes()
            .into_iter()
            .filter(|&(_, ppid, pgrp)| pgrp == group && ppid == group)
            .map(|(pid, _, _)| pid)
            .collect();
        if !workers.is_empty() || clock.elapsed() > PATIENCE {
            break workers;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    // What the terminal does on Ctrl-C: SIGINT to every process of the foreground group.
    killpg(Pid::from_raw(group), Signal::SIGINT).unwrap();
    let status = lesson.wait().unwrap();
    let clock = Instant::now();
    let mut left = members_of(group);
    while !left.is_empty() && clock.elapsed() < PATIENCE {
        // Orphaned workers were adopted by this process: reap whatever has ended.
        while let Ok(status) = waitpid(None, Some(WaitPidFlag::WNOHANG)) {
            if status == nix::sys::wait::WaitStatus::StillAlive {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(5));
        left = members_of(group);
    }
    let _ = killpg(Pid::from_raw(group), Signal::SIGKILL);
    nix::sys::prctl::set_child_subreaper(false).unwrap();
    assert!(
        !workers_seen.is_empty(),
        "the pool's workers never appeared"
    );
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(Signal::SIGINT as i32),
        "the lesson ends by the signal"
    );
    assert_eq!(
        left,
        Vec::<i32>::new(),
        "processes of the lesson's group still exist"
    );
    assert_eq!(
        waitpid(None, Some(WaitPidFlag::WNOHANG)),
        Err(Errno::ECHILD),
        "a child of this test is left unreaped"
    );
}
