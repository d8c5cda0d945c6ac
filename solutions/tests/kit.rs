//! The suite's worker kit (`exercises/tests/kit/workers.rs`), tested on its own: whatever the
//! code under test does, a test leaves no process behind. Each test here ends by asking the
//! kernel for any child of this test binary still unreaped (`waitpid(-1, WNOHANG)` must say
//! there are none), so the tests take turns.
#![cfg(unix)]

use std::io::{self, BufRead, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;

use nix::errno::Errno;
use nix::sys::wait::{WaitPidFlag, waitpid};
use nix::unistd::Pid;

#[allow(dead_code, unused_imports)]
#[path = "../../exercises/tests/kit/mod.rs"]
mod kit;

use kit::workers::{When, program};

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// A worker that answers one line with the same line.
fn echo_a_line(input: &mut dyn BufRead, output: &mut dyn Write) -> io::Result<()> {
    let mut line = String::new();
    input.read_line(&mut line)?;
    output.write_all(line.as_bytes())?;
    output.flush()
}

/// No child of this process is left: none running, none a zombie.
fn assert_no_child_left() {
    assert_eq!(
        waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)),
        Err(Errno::ECHILD),
        "a child of the test binary is still there"
    );
}

#[test]
fn a_worker_answers_after_the_test_binarys_own_output() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let workers = program(echo_a_line);
    let mut worker = workers.start().unwrap();
    writeln!(worker.stdin.as_mut().unwrap(), "hello").unwrap();
    let mut answer = String::new();
    worker
        .stdout
        .as_mut()
        .unwrap()
        .read_line(&mut answer)
        .unwrap();
    assert_eq!(
        answer, "hello\n",
        "libtest's header is skipped, the answer is whole"
    );
    assert!(worker.wait().unwrap().success());
    workers.assert_all_reaped(kit::ReadMore::here(module_path!()));
    drop(workers);
    assert_no_child_left();
}

#[test]
fn workers_of_a_parent_side_that_panics_are_stopped_and_reaped() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let workers = program(echo_a_line);
    let handle = workers.handle();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let _first = handle.start().unwrap();
        let _second = handle.start().unwrap();
        panic!("the code under test fails with two workers running");
    }));
    assert!(outcome.is_err());
    assert_eq!(workers.started().len(), 2);
    drop(workers); // what happens when a test fails: the kit stops and reaps them
    assert_no_child_left();
    assert!(
        handle.start().is_err(),
        "a leftover thread of the code under test can start nothing more"
    );
}

#[test]
fn a_crashed_worker_is_reaped_and_nothing_else_is_left() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let workers = program(|_, _| std::process::abort());
    let mut worker = workers.start().unwrap();
    let mut nothing = String::new();
    let read = worker
        .stdout
        .as_mut()
        .unwrap()
        .read_line(&mut nothing)
        .unwrap();
    assert_eq!(read, 0, "a crashed worker's output ends");
    let status = worker.wait().unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(6)
    );
    drop(workers);
    assert_no_child_left();
}

#[test]
fn workers_that_start_together_meet() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let workers = program(echo_a_line).meeting(2, When::AtStart);
    let mut both = [workers.start().unwrap(), workers.start().unwrap()];
    for worker in &mut both {
        assert!(worker.wait().unwrap().success());
    }
    assert_eq!(workers.arrived(), 2);
    workers.assert_met(
        "two workers started together",
        kit::ReadMore::here(module_path!()),
    );
    drop(workers);
    assert_no_child_left();
}
