//! A recorder of spans of work (who ran, from when, until when) and a text Gantt chart of them,
//! so that a learner *sees* two waits overlap or a lock make threads take turns:
//!
//! ```text
//!             0                                    1.00 s
//!   task A    ████████████████████████████████████████
//!   task B    ████████████████████··················
//!             one cell = 25 ms
//! ```
//!
//! A [`Timeline`] is a cheap handle (an `Arc` inside): clone it into threads or tokio tasks.
//! It reads time from a [`Clock`]: the system's monotonic clock unless given another, such as
//! a [`ManualClock`](crate::clock::ManualClock) that a test advances by hand.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::clock::{Clock, SystemClock};
use crate::timing::human;

/// One piece of work on one lane, in time since the timeline was created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The row it is drawn on: a thread, a task, a process.
    pub lane: String,
    /// What the work was.
    pub label: String,
    /// When it started, measured from the timeline's origin.
    pub start: Duration,
    /// When it ended, measured from the timeline's origin.
    pub end: Duration,
}

/// A shared, thread-safe list of spans, all measured on one clock.
#[derive(Debug, Clone)]
pub struct Timeline {
    clock: Arc<dyn Clock>,
    spans: Arc<Mutex<Vec<Span>>>,
}

impl Default for Timeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Timeline {
    /// A timeline on the system's monotonic clock, whose origin is now.
    pub fn new() -> Self {
        Self::with_clock(Arc::new(SystemClock::new()))
    }

    /// A timeline that reads time from `clock`.
    pub fn with_clock(clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            spans: Arc::default(),
        }
    }

    // ANCHOR: span
    /// Starts a span on `lane` that ends when the returned guard is dropped, however the work
    /// ends (return, `?`, panic, or a cancelled future).
    pub fn span(&self, lane: impl Into<String>, label: impl Into<String>) -> SpanGuard {
        SpanGuard {
            timeline: self.clone(),
            lane: lane.into(),
            label: label.into(),
            started: self.now(),
        }
    }
    // ANCHOR_END: span

    /// Records a span measured elsewhere, in this timeline's clock time.
    pub fn record(
        &self,
        lane: impl Into<String>,
        label: impl Into<String>,
        start: Duration,
        end: Duration,
    ) {
        let span = Span {
            lane: lane.into(),
            label: label.into(),
            start,
            end: end.max(start),
        };
        self.spans
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(span);
    }

    /// Records an instant (a heartbeat tick, a message): drawn as one cell.
    pub fn mark(&self, lane: impl Into<String>, label: impl Into<String>) {
        let now = self.now();
        self.record(lane, label, now, now);
    }

    /// The timeline's clock reading: where "now" falls on the chart.
    pub fn now(&self) -> Duration {
        self.clock.now()
    }

    /// The duration of the longest span recorded so far (zero if there is none): the slowest
    /// single piece of work, the ideal total for work that overlaps perfectly.
    pub fn longest_span(&self) -> Duration {
        self.spans()
            .iter()
            .map(|s| s.end - s.start)
            .max()
            .unwrap_or_default()
    }

    /// Every span recorded so far, in the order they ended.
    pub fn spans(&self) -> Vec<Span> {
        self.spans
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The chart, `width` cells wide (at least 10). Lanes appear in the order their first span
    /// started; lanes that started in the same cell are in natural order of their names
    /// (`task 2` before `task 10`). Consecutive spans on one lane alternate `█` and `▓` so their
    /// boundary shows; an instant ([`Timeline::mark`]) is a `│`; `·` is time the lane spent idle.
    pub fn render(&self, width: usize) -> String {
        render(&self.spans(), width)
    }
}

/// Ends its span when dropped. Returned by [`Timeline::span`].
#[derive(Debug)]
#[must_use = "the span ends when this guard is dropped; bind it with `let _span = …`"]
pub struct SpanGuard {
    timeline: Timeline,
    lane: String,
    label: String,
    started: Duration,
}

impl Drop for SpanGuard {
    fn drop(&mut self) {
        let (lane, label) = (
            std::mem::take(&mut self.lane),
            std::mem::take(&mut self.label),
        );
        let ended = self.timeline.now();
        self.timeline.record(lane, label, self.started, ended);
    }
}

const BUSY: [char; 2] = ['█', '▓'];
const INSTANT: char = '│';
const IDLE: char = '·';
const LANE_NAME_MAX: usize = 24;

/// Draws `spans` as a chart `width` cells wide. See [`Timeline::render`].
pub fn render(spans: &[Span], width: usize) -> String {
    let width = width.max(10);
    let Some(total) = spans.iter().map(|s| s.end).max() else {
        return String::from("  (nothing was recorded)\n");
    };
    let total = total.max(Duration::from_micros(1));
    let cell = total / width as u32;

    let to_cell = |at: Duration| -> usize {
        ((at.as_secs_f64() / total.as_secs_f64()) * width as f64).floor() as usize
    };
    let mut lanes: Vec<(&str, Vec<&Span>)> = Vec::new();
    let mut by_start: Vec<&Span> = spans.iter().collect();
    by_start.sort_by_key(|s| s.start);
    for span in by_start {
        match lanes.iter_mut().find(|(name, _)| *name == span.lane) {
            Some((_, list)) => list.push(span),
            None => lanes.push((&span.lane, vec![span])),
        }
    }
    lanes.sort_by(|(a, a_spans), (b, b_spans)| {
        let (a_cell, b_cell) = (to_cell(a_spans[0].start), to_cell(b_spans[0].start));
        a_cell.cmp(&b_cell).then_with(|| natural_order(a, b))
    });
    let name_width = lanes
        .iter()
        .map(|(name, _)| name.chars().count().min(LANE_NAME_MAX))
        .max()
        .unwrap_or(0);

    let mut out = String::new();
    let end_label = human(total);
    out.push_str(&format!(
        "  {:name_width$}  0{}{end_label}\n",
        "",
        " ".repeat(width.saturating_sub(1 + end_label.chars().count()))
    ));
    for (name, lane_spans) in &lanes {
        let mut row = vec![IDLE; width];
        let mut durations = 0;
        for span in lane_spans {
            let first = to_cell(span.start).min(width - 1);
            if span.start == span.end {
                if row[first] == IDLE {
                    row[first] = INSTANT;
                }
                continue;
            }
            let last = to_cell(span.end).min(width).max(first + 1);
            for slot in &mut row[first..last] {
                *slot = BUSY[durations % 2];
            }
            durations += 1;
        }
        let row: String = row.into_iter().collect();
        out.push_str(&format!(
            "  {:name_width$}  {row}\n",
            shorten(name, LANE_NAME_MAX)
        ));
    }
    out.push_str(&format!(
        "  {:name_width$}  one cell = {}\n",
        "",
        human(cell)
    ));
    out
}

/// Compares names so that embedded numbers sort by value: `task 2` < `task 10`.
fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn key(name: &str) -> Vec<(String, u64)> {
        let mut parts = Vec::new();
        let mut rest = name;
        while !rest.is_empty() {
            let text_len = rest
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(rest.len());
            let (text, tail) = rest.split_at(text_len);
            let digits_len = tail
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(tail.len());
            let (digits, tail) = tail.split_at(digits_len);
            parts.push((text.to_string(), digits.parse().unwrap_or(0)));
            rest = tail;
        }
        parts
    }
    key(a).cmp(&key(b))
}

fn shorten(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let mut short: String = name.chars().take(max - 1).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(lane: &str, start_ms: u64, end_ms: u64) -> Span {
        Span {
            lane: lane.into(),
            label: String::new(),
            start: Duration::from_millis(start_ms),
            end: Duration::from_millis(end_ms),
        }
    }

    fn rows(chart: &str) -> Vec<&str> {
        chart.lines().collect()
    }

    #[test]
    fn overlapping_waits_are_drawn_side_by_side() {
        let chart = render(&[span("A", 0, 200), span("B", 0, 100)], 20);
        let lines = rows(&chart);
        assert_eq!(lines[1], "  A  ████████████████████");
        assert_eq!(lines[2], "  B  ██████████··········");
        assert_eq!(lines[3], "     one cell = 10 ms");
    }

    #[test]
    fn sequential_work_is_drawn_as_a_staircase() {
        let chart = render(&[span("first", 0, 100), span("second", 100, 200)], 10);
        let lines = rows(&chart);
        assert_eq!(lines[1], "  first   █████·····");
        assert_eq!(lines[2], "  second  ·····█████");
    }

    #[test]
    fn consecutive_spans_on_one_lane_alternate_so_the_boundary_shows() {
        let chart = render(&[span("main", 0, 50), span("main", 50, 100)], 10);
        assert_eq!(rows(&chart)[1], "  main  █████▓▓▓▓▓");
    }

    #[test]
    fn an_instant_still_gets_one_cell() {
        let chart = render(&[span("tick", 50, 50), span("work", 0, 100)], 10);
        assert_eq!(rows(&chart)[1], "  work  ██████████");
        assert_eq!(rows(&chart)[2], "  tick  ·····│····");
    }

    #[test]
    fn lanes_starting_together_are_in_natural_order() {
        let chart = render(
            &[
                span("task 10", 0, 100),
                span("task 9", 0, 100),
                span("late", 50, 100),
            ],
            10,
        );
        let lines = rows(&chart);
        assert!(lines[1].starts_with("  task 9 "), "{chart}");
        assert!(lines[2].starts_with("  task 10 "), "{chart}");
        assert!(lines[3].starts_with("  late "), "{chart}");
    }

    #[test]
    fn header_shows_the_total_time() {
        let chart = render(&[span("A", 0, 1500)], 20);
        assert!(rows(&chart)[0].ends_with("1.50 s"), "{chart}");
    }

    #[test]
    fn the_longest_span() {
        let timeline = Timeline::new();
        assert_eq!(timeline.longest_span(), Duration::ZERO);
        let ms = Duration::from_millis;
        timeline.record("a", "", ms(5), ms(35));
        timeline.record("b", "", ms(5), ms(75));
        assert_eq!(timeline.longest_span(), ms(70));
    }

    #[test]
    fn spans_on_a_manual_clock_are_exact() {
        let clock = crate::clock::ManualClock::new();
        let timeline = Timeline::with_clock(Arc::new(clock.clone()));
        clock.advance(Duration::from_secs(1));
        let span = timeline.span("scheduler", "event");
        clock.advance(Duration::from_secs(2));
        drop(span);
        timeline.mark("scheduler", "tick");
        let spans = timeline.spans();
        assert_eq!(
            (spans[0].start, spans[0].end),
            (Duration::from_secs(1), Duration::from_secs(3))
        );
        assert_eq!(spans[1].start, Duration::from_secs(3));
    }

    #[test]
    fn empty_timeline_says_so() {
        assert!(Timeline::new().render(40).contains("nothing was recorded"));
    }

    #[test]
    fn long_lane_names_are_shortened() {
        let chart = render(&[span("a very long lane name indeed, too long", 0, 10)], 10);
        assert!(
            rows(&chart)[1].starts_with("  a very long lane name i…  "),
            "{chart}"
        );
    }

    #[test]
    fn guards_record_from_many_threads() {
        let timeline = Timeline::new();
        std::thread::scope(|s| {
            for t in 0..4 {
                let timeline = &timeline;
                s.spawn(move || {
                    let _span = timeline.span(format!("thread {t}"), "work");
                });
            }
        });
        let mut lanes: Vec<String> = timeline.spans().into_iter().map(|s| s.lane).collect();
        lanes.sort();
        assert_eq!(lanes, ["thread 0", "thread 1", "thread 2", "thread 3"]);
    }
}
