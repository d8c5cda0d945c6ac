//! The lesson's worker processes, run for real: the program's own executable in its worker
//! roles. (Unit tests cannot start them: in a unit test, `current_exe()` is the test binary.)
#![cfg(unix)]

use std::time::Duration;

use lesson_03_multiprocessing::ended::describe;
use lesson_03_multiprocessing::leash::fail_with_workers_running;
use lesson_03_multiprocessing::pool::{Job, Pool};
use lesson_03_multiprocessing::role::worker;
use lesson_03_multiprocessing::{pipes, pooled, spawn, spawn_cost, why};
use nix::errno::Errno;
use nix::sys::wait::waitpid;
use nix::unistd::Pid;
use shared::timeline::Timeline;
use shared::worker::WorkerProgram;
use shared::workload::cpu::{count_primes, sum_loop};

const BINARY: &str = env!("CARGO_BIN_EXE_lesson-03-multiprocessing");

fn base() -> WorkerProgram {
    WorkerProgram::new(BINARY)
}

/// Every worker `program` started was waited for: none running, none a zombie.
fn assert_all_reaped(program: &WorkerProgram) {
    assert!(!program.started().is_empty(), "no worker was started");
    assert_eq!(
        program.unreaped(),
        Vec::<u32>::new(),
        "workers left unreaped"
    );
}

#[test]
fn processes_count_the_same_primes_as_one_thread() {
    let base = base();
    let timeline = Timeline::new();
    let counted = why::count_in_processes(&base, 50_000, 3, &timeline).unwrap();
    assert_eq!(counted, count_primes(0..50_000));
    assert_eq!(base.started().len(), 3);
    assert_eq!(timeline.spans().len(), 3, "one lane per process");
    assert_all_reaped(&base);
}

#[test]
fn every_crash_stays_in_its_worker_and_reads_as_it_happened() {
    let expected = [
        ("panic", "exited with code 101", "panicked"),
        ("exit", "exited with code 3", ""),
        ("abort", "killed by signal 6 (SIGABRT)", ""),
        (
            "stack",
            "killed by signal 6 (SIGABRT)",
            "overflowed its stack",
        ),
        (
            "memory",
            "killed by signal 6 (SIGABRT)",
            "memory allocation",
        ),
    ];
    for (how, ended, said) in expected {
        if how == "memory" && !cfg!(target_os = "linux") {
            continue; // the address-space limit is Linux's
        }
        let crashed = why::crash_in_a_process(&base(), how).unwrap();
        assert_eq!(describe(crashed.status), ended, "{how}");
        assert!(crashed.said.contains(said), "{how} said {:?}", crashed.said);
    }
}

#[test]
fn four_workers_with_their_own_ids_divide_the_sum() {
    let base = base();
    let summed = spawn::sum_in_workers(&base, 1_000_000, 4, &Timeline::new()).unwrap();
    let mut pids: Vec<u32> = summed.iter().map(|s| s.pid).collect();
    pids.sort_unstable();
    pids.dedup();
    assert_eq!(pids.len(), 4, "four distinct processes");
    assert!(!pids.contains(&std::process::id()));
    assert!(summed.iter().all(|s| s.parent == std::process::id()));
    let total = summed.iter().fold(0u64, |t, s| t.wrapping_add(s.sum));
    assert_eq!(total, sum_loop(1_000_000));
    assert_all_reaped(&base);
}

#[test]
fn without_the_role_check_every_generation_doubles_up_to_the_cap() {
    let tree = spawn::careless_tree(&base(), 3).unwrap();
    let counts: Vec<(u32, usize)> = tree.into_iter().collect();
    assert_eq!(counts, [(1, 2), (2, 4), (3, 8)]);
}

#[test]
fn the_parent_reads_to_the_end_then_waits() {
    assert_eq!(pipes::receive_numbers(&base()).unwrap(), [0, 1, 2, 3, 4]);
}

#[test]
fn waiting_before_reading_leaves_the_writer_blocked() {
    let waited = pipes::wait_before_reading(&base(), 1 << 20, Duration::from_millis(100)).unwrap();
    assert!(
        waited.still_running,
        "a child with 1 MiB to write cannot exit before its pipe is read"
    );
    assert_eq!(waited.bytes, 1 << 20);
}

#[test]
fn frames_of_every_size_come_back_whole() {
    let base = base();
    let mut echo = worker(&base, &["echo"]).start().unwrap();
    for size in pipes::SIZES {
        pipes::round_trips(&mut echo, size, 3).unwrap();
    }
    assert!(echo.wait().unwrap().success());
    assert_all_reaped(&base);
}

#[test]
fn the_pool_keeps_input_order_and_reports_every_unordered_answer() {
    let mut pool = Pool::start(&base(), 2).unwrap();
    let items: Vec<u64> = (0..50).collect();
    for chunksize in [1, 7, 50] {
        let squares = pool.map(Job::Square, &items, chunksize).unwrap();
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }
    let mut finished = pool.map_unordered(Job::Square, &[5, 6, 7]).unwrap();
    finished.sort_unstable();
    assert_eq!(finished, [(0, 25), (1, 36), (2, 49)]);
    let digits = pool
        .map(Job::FactorialDigits, &pooled::FACTORIALS, 1)
        .unwrap();
    assert_eq!(digits, pooled::DIGITS);
    let (whole, bytes) = pool.factorials_sent_back(&pooled::FACTORIALS).unwrap();
    assert_eq!(whole, pooled::DIGITS);
    assert!(bytes > 100_000, "four 77 000-digit numbers are over 100 kB");
    pool.close().unwrap();
}

#[test]
fn a_dropped_pool_stops_its_workers() {
    let pool = Pool::start(&base(), 3).unwrap();
    let pids = pool.pids();
    drop(pool);
    for pid in pids {
        assert_eq!(
            waitpid(Pid::from_raw(pid as i32), None),
            Err(Errno::ECHILD),
            "worker {pid} was reaped by the pool's Drop"
        );
    }
}

#[test]
fn a_guard_stops_the_workers_of_code_that_fails_halfway() {
    let busy = worker(&base(), &["busy", "60"]);
    assert!(fail_with_workers_running(&busy).is_err());
    assert_eq!(busy.started().len(), 3);
    assert_all_reaped(&busy);
}

#[test]
fn spawned_processes_and_an_idle_worker_can_be_measured() {
    let base = base();
    spawn_cost::spawn_and_exit(&base, 3).unwrap();
    let memory = spawn_cost::idle_worker_memory(&base).unwrap();
    if cfg!(target_os = "linux") {
        assert!(memory.unwrap() > 0);
    }
    assert_all_reaped(&base);
}
