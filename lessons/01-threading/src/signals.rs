//! Section 4: coordinating threads with a [`Gate`] (one signal, many waiters) and a
//! [`Semaphore`] (at most k at a time), both built from a `Mutex` and a `Condvar`.

use std::thread;
use std::time::Duration;

use reqwest::blocking::Client;
use shared::http::Network;
use shared::http::blocking::{client, fetch};
use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::{Span, Timeline};
use shared::timing::{Stopwatch, human};
use shared::workload::io::simulated_io;

use crate::Flags;
use crate::gate::Gate;
use crate::semaphore::Semaphore;

/// `runners` threads wait at a gate that opens after `delay`, then each works for `work`.
/// Every runner records a "waiting" span and then a "running" span on its own lane.
pub fn starting_gate(runners: usize, delay: Duration, work: Duration, timeline: &Timeline) {
    let gate = Gate::new();
    thread::scope(|scope| {
        for r in 0..runners {
            let (gate, lane) = (&gate, format!("runner {r}"));
            scope.spawn(move || {
                let waiting = timeline.span(&lane, "waiting at the gate");
                gate.wait();
                drop(waiting);
                let _running = timeline.span(&lane, "running");
                simulated_io(work);
            });
        }
        simulated_io(delay);
        gate.open();
    });
}

// ANCHOR: limited
/// One thread per URL, but at most `limit` downloading at a time: each thread takes a permit
/// before its request and gives it back after.
pub fn fetch_limited(client: &Client, urls: &[String], limit: usize, timeline: &Timeline) {
    let semaphore = Semaphore::new(limit);
    thread::scope(|scope| {
        for (i, url) in urls.iter().enumerate() {
            let semaphore = &semaphore;
            scope.spawn(move || {
                semaphore.acquire();
                let span = timeline.span(format!("download {i}"), "download");
                let _ = fetch(client, url);
                drop(span);
                semaphore.release();
            });
        }
    });
}
// ANCHOR_END: limited

/// How far apart the runners started after the gate opened: the last "running" span's start
/// minus the first's.
fn start_spread(spans: &[Span]) -> Duration {
    let starts = spans
        .iter()
        .filter(|s| s.label == "running")
        .map(|s| s.start);
    let (first, last) = starts.fold((Duration::MAX, Duration::ZERO), |(lo, hi), s| {
        (lo.min(s), hi.max(s))
    });
    last.saturating_sub(first)
}

/// Section 4 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let unit = env.unit();
    let (downloads, limit): (usize, usize) = (10, usize::from(flags.limit));
    report.say(&format!(
        "Four runner threads wait at a starting gate (a Mutex<bool> and a Condvar, the heart of \
         Python's threading.Event) that opens after one second ({}): they should all start at \
         the same moment.",
        human(unit)
    ));
    let timeline = Timeline::new();
    starting_gate(4, unit, unit, &timeline);
    report.results(&[Record::new("4 runners released by one open()")
        .duration("start_spread", start_spread(&timeline.spans()))]);
    report.timeline(&timeline);

    report.say(&format!(
        "Then {downloads} threads download a one-second file each from the embedded server, first \
         all at once, then through a semaphore of {limit} (std has none: this one is a \
         Mutex<usize> and a Condvar). The server counts the requests it serves at once: the \
         semaphore's limit should be reached and never exceeded, in ⌈{downloads}/{limit}⌉ = {} waves.",
        downloads.div_ceil(limit)
    ));
    let (server, client) = (env.server()?, client(unit * 20, Network::Loopback)?);
    let urls = vec![server.url(&format!("/delay/{}", unit.as_millis())); downloads];
    server.reset_peak();
    let clock = Stopwatch::start();
    fetch_limited(&client, &urls, downloads, &Timeline::new());
    let unlimited = (clock.elapsed(), server.peak_in_flight());
    server.reset_peak();
    let timeline = Timeline::new();
    let clock = Stopwatch::start();
    fetch_limited(&client, &urls, limit, &timeline);
    let limited = (clock.elapsed(), server.peak_in_flight());
    let in_waits = |took: Duration| took.as_secs_f64() / unit.as_secs_f64();
    report.results(&[
        Record::new("no limit")
            .wall(unlimited.0)
            .peak(unlimited.1)
            .ratio("waits", in_waits(unlimited.0)),
        Record::new(format!("semaphore of {limit}"))
            .wall(limited.0)
            .peak(limited.1)
            .ratio("waits", in_waits(limited.0)),
    ]);
    report.say(&format!(
        "\"waits\" is the wall time in one-second waits: {} would be perfect. The limited run, \
         one lane per download, in waves of at most the limit:",
        downloads.div_ceil(limit)
    ));
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_semaphore_limits_requests_as_the_server_sees_them() {
        let server = shared::server::TestServer::start().unwrap();
        let client = client(Duration::from_secs(10), Network::Loopback).unwrap();
        // Rounds of three meet at the barrier: proof that the limit of 3 was reached.
        let urls = vec![server.url("/barrier/3"); 6];
        fetch_limited(&client, &urls, 3, &Timeline::new());
        assert_eq!(server.peak_in_flight(), 3);
        assert_eq!(server.answered(), 6);
    }

    #[test]
    fn every_runner_waits_then_runs() {
        let timeline = Timeline::new();
        starting_gate(
            3,
            Duration::from_millis(1),
            Duration::from_millis(1),
            &timeline,
        );
        let spans = timeline.spans();
        assert_eq!(spans.iter().filter(|s| s.label == "running").count(), 3);
        for runner in 0..3 {
            let lane = format!("runner {runner}");
            let labels: Vec<&str> = spans
                .iter()
                .filter(|s| s.lane == lane)
                .map(|s| s.label.as_str())
                .collect();
            assert_eq!(labels, ["waiting at the gate", "running"]);
        }
    }
}
