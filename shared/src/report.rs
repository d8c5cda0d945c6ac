//! How a lesson program tells its story: numbered sections that say what is about to happen,
//! then what happened, measured. The same calls print prose, tables and timelines for a person,
//! or, with `--json`, one JSON object per measurement and nothing else.
//!
//! The runner in [`crate::lesson`] opens each section (its number and title come from the
//! lesson's list of sections); the section's own code says the rest:
//!
//! ```
//! use std::time::Duration;
//! use shared::report::{Record, Report};
//!
//! let mut report = Report::plain("99-example");
//! report.section(1, "Two waits"); // the runner's part
//! report.say("Two threads each wait; the total should be the longer wait.");
//! report.results(&[
//!     Record::new("one after another").wall(Duration::from_millis(300)),
//!     Record::new("two threads").wall(Duration::from_millis(201)).speedup(1.49),
//! ]);
//! report.end_section();
//! ```

use std::cell::Cell;
use std::io::{self, Write};
use std::time::Duration;

use serde_json::{Map, Value};

use crate::cli::CommonArgs;
use crate::instruments::Transcript;
use crate::memory::human_bytes;
use crate::table::Table;
use crate::timeline::Timeline;
use crate::timing::human;

/// Width of prose and timelines, in characters.
pub const WIDTH: usize = 88;

/// Where a lesson writes its output.
#[derive(Debug)]
pub struct Report {
    lesson: String,
    json: bool,
    anchors: bool,
    section: u32,
    tables: Cell<u32>,
    timelines: Cell<u32>,
    closed: Cell<bool>,
}

impl Report {
    /// A report for `lesson` (such as `"01-threading"`), in the mode the flags ask for.
    pub fn new(lesson: &str, common: &CommonArgs) -> Self {
        Self {
            json: common.json,
            anchors: common.book_anchors && !common.json,
            ..Self::plain(lesson)
        }
    }

    /// A report that narrates (no `--json`), for examples and tests.
    pub fn plain(lesson: &str) -> Self {
        Self {
            lesson: lesson.to_string(),
            json: false,
            anchors: false,
            section: 0,
            tables: Cell::new(0),
            timelines: Cell::new(0),
            closed: Cell::new(false),
        }
    }

    /// Whether only JSON is printed.
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// The lesson's title and a paragraph about it.
    pub fn title(&self, title: &str, about: &str) {
        if !self.json {
            self.emit(&format!(
                "{title}\n{}\n\n",
                "═".repeat(title.chars().count())
            ));
            self.say(about);
        }
    }

    /// Starts numbered section `number` (the runner calls this, from the lesson's list).
    pub fn section(&mut self, number: u32, title: &str) {
        self.section = number;
        self.tables.set(0);
        self.timelines.set(0);
        if self.anchors {
            // The book includes each recorded section by this anchor; anchors nested inside it
            // (tables, timelines) are left out of that include by mdBook.
            self.emit(&format!("ANCHOR: section\n{number}. {title}\n"));
        } else if !self.json {
            self.emit(&format!("\n{number}. {title}\n"));
        }
    }

    /// Ends the current section (the runner calls this).
    pub fn end_section(&mut self) {
        if self.anchors {
            self.emit("ANCHOR_END: section\n");
        }
    }

    /// A paragraph of explanation, wrapped to [`WIDTH`].
    pub fn say(&self, text: &str) {
        if !self.json {
            self.emit(&wrap(text, WIDTH));
        }
    }

    /// One line as it is, for output the program itself produced (a thread's message).
    pub fn line(&self, text: &str) {
        if !self.json {
            self.emit(&format!("   {text}\n"));
        }
    }

    /// A transcript that prints each line the moment it is said (nothing with `--json`), so
    /// the reader watches threads and tasks talk as it happens.
    pub fn live_transcript(&self) -> Transcript {
        let json = self.json;
        Transcript::listening(move |line| {
            if !json {
                // A closed stdout (`… | head`) is the reader's choice, not an error here.
                let _ = writeln!(io::stdout(), "   {line}");
            }
        })
    }

    /// Measurements: a table for a person, one JSON object per record with `--json`.
    pub fn results(&self, records: &[Record]) {
        if self.json {
            for record in records {
                self.emit(&format!("{}\n", record.to_json(&self.lesson, self.section)));
            }
        } else if !records.is_empty() {
            self.anchored("table", &self.tables, &records_table(records).to_string());
        }
    }

    /// A ready-made table (not measurements: those go through [`Report::results`]).
    pub fn table(&self, table: &Table) {
        if !self.json {
            self.anchored("table", &self.tables, &table.to_string());
        }
    }

    /// The timeline as a chart.
    pub fn timeline(&self, timeline: &Timeline) {
        if !self.json {
            self.anchored("timeline", &self.timelines, &timeline.render(WIDTH - 28));
        }
    }

    /// Prints `block`; in the book's recordings, between anchors `kind-N` (N counts from 1 in
    /// each section), so a chapter can include, say, the second timeline of section 2 by name.
    fn anchored(&self, kind: &str, count: &Cell<u32>, block: &str) {
        count.set(count.get() + 1);
        if self.anchors {
            self.emit(&format!("ANCHOR: {kind}-{}\n", count.get()));
            self.emit(block);
            self.emit(&format!("ANCHOR_END: {kind}-{}\n", count.get()));
        } else {
            self.emit(block);
        }
    }

    /// Writes to standard output. If the reader has gone (`lesson --json | head -1`), the rest
    /// is dropped quietly instead of panicking, and [`Report::reader_gone`] says so, so that the
    /// runner can stop.
    fn emit(&self, text: &str) {
        if self.closed.get() {
            return;
        }
        let mut stdout = io::stdout().lock();
        if stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
            .is_err()
        {
            self.closed.set(true);
        }
    }

    /// Whether standard output was closed by its reader.
    pub fn reader_gone(&self) -> bool {
        self.closed.get()
    }
}

/// One measured run: a label and its named figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    label: String,
    metrics: Vec<(String, Metric)>,
}

/// A figure of a [`Record`], which knows how to print itself for people and for JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Metric {
    /// A span of time: `1.52 s`; JSON `name_ms`.
    Duration(Duration),
    /// A ratio such as a speedup: `1.95×`.
    Ratio(f64),
    /// A fraction shown as a percentage: `97%`; JSON keeps the fraction.
    Percent(f64),
    /// A count.
    Count(u64),
    /// A size in bytes: `1.50 MiB`; JSON `name_bytes`.
    Bytes(u64),
    /// Anything else.
    Text(String),
}

impl Record {
    /// A record with no figures yet.
    pub fn new(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            metrics: Vec::new(),
        }
    }

    /// Adds a named figure. Names are snake_case; tables print them with spaces.
    pub fn metric(mut self, name: &str, value: Metric) -> Self {
        self.metrics.push((name.to_string(), value));
        self
    }

    /// Wall time of the run.
    pub fn wall(self, wall: Duration) -> Self {
        self.metric("wall", Metric::Duration(wall))
    }

    /// Speedup against the baseline run.
    pub fn speedup(self, speedup: f64) -> Self {
        self.metric("speedup", Metric::Ratio(speedup))
    }

    /// Parallel efficiency, as [`crate::timing::efficiency`] defines it.
    pub fn efficiency(self, efficiency: f64) -> Self {
        self.metric("efficiency", Metric::Percent(efficiency))
    }

    /// A parallel run against its baseline: the wall time `took`, the speedup `baseline ÷ took`,
    /// and the efficiency on `workers` workers: the three columns of every scaling table.
    pub fn scaling(self, baseline: Duration, took: Duration, workers: usize) -> Self {
        let gain = crate::timing::speedup(baseline, took);
        self.wall(took)
            .speedup(gain)
            .efficiency(crate::timing::efficiency(gain, workers))
    }

    /// The most work that was in flight at once.
    pub fn peak(self, peak: usize) -> Self {
        self.metric("peak_in_flight", Metric::Count(peak as u64))
    }

    /// A named duration.
    pub fn duration(self, name: &str, value: Duration) -> Self {
        self.metric(name, Metric::Duration(value))
    }

    /// A named ratio.
    pub fn ratio(self, name: &str, value: f64) -> Self {
        self.metric(name, Metric::Ratio(value))
    }

    /// A named count.
    pub fn count(self, name: &str, value: u64) -> Self {
        self.metric(name, Metric::Count(value))
    }

    /// A named size in bytes.
    pub fn bytes(self, name: &str, value: u64) -> Self {
        self.metric(name, Metric::Bytes(value))
    }

    /// A named piece of text.
    pub fn text(self, name: &str, value: impl Into<String>) -> Self {
        self.metric(name, Metric::Text(value.into()))
    }

    /// The label.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The figure called `name`, if there is one.
    pub fn get(&self, name: &str) -> Option<&Metric> {
        self.metrics.iter().find(|(n, _)| n == name).map(|(_, m)| m)
    }

    /// The JSON object printed for this record with `--json`.
    pub fn to_json(&self, lesson: &str, section: u32) -> Value {
        let mut object = Map::new();
        object.insert("lesson".into(), lesson.into());
        object.insert("section".into(), section.into());
        object.insert("label".into(), self.label.clone().into());
        for (name, metric) in &self.metrics {
            let (key, value) = match metric {
                Metric::Duration(d) => (
                    format!("{name}_ms"),
                    Value::from(round3(d.as_secs_f64() * 1e3)),
                ),
                Metric::Ratio(x) | Metric::Percent(x) => (name.clone(), Value::from(round3(*x))),
                Metric::Count(n) => (name.clone(), Value::from(*n)),
                Metric::Bytes(n) => (format!("{name}_bytes"), Value::from(*n)),
                Metric::Text(s) => (name.clone(), Value::from(s.clone())),
            };
            object.insert(key, value);
        }
        Value::Object(object)
    }
}

impl Metric {
    fn human(&self) -> String {
        match self {
            Self::Duration(d) => human(*d),
            Self::Ratio(x) if *x >= 100.0 => format!("{x:.0}×"),
            Self::Ratio(x) if *x >= 10.0 => format!("{x:.1}×"),
            Self::Ratio(x) => format!("{x:.2}×"),
            Self::Percent(x) => format!("{:.0}%", x * 100.0),
            Self::Count(n) => n.to_string(),
            Self::Bytes(n) => human_bytes(*n),
            Self::Text(s) => s.clone(),
        }
    }
}

fn round3(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

/// Records as one table: a column for each figure any record has, in order of appearance.
fn records_table(records: &[Record]) -> Table {
    let mut names: Vec<&str> = Vec::new();
    for (name, _) in records.iter().flat_map(|r| &r.metrics) {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    let header = std::iter::once(String::new()).chain(names.iter().map(|n| n.replace('_', " ")));
    let mut table = Table::new(header);
    for record in records {
        let cells = names
            .iter()
            .map(|name| record.get(name).map(Metric::human).unwrap_or_default());
        table.row(std::iter::once(record.label.clone()).chain(cells));
    }
    table
}

/// Wraps `text` to `width` columns, indented by three spaces; blank lines separate paragraphs.
pub fn wrap(text: &str, width: usize) -> String {
    const INDENT: &str = "   ";
    let mut out = String::new();
    for paragraph in text.split("\n\n") {
        let mut line = String::from(INDENT);
        for word in paragraph.split_whitespace() {
            if line.len() > INDENT.len() && line.chars().count() + 1 + word.chars().count() > width
            {
                out.push_str(line.trim_end());
                out.push('\n');
                line = String::from(INDENT);
            }
            if line.len() > INDENT.len() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if line.len() > INDENT.len() {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Record> {
        vec![
            Record::new("sequential").wall(Duration::from_millis(300)),
            Record::new("2 threads")
                .wall(Duration::from_millis(150))
                .speedup(2.0)
                .efficiency(1.0)
                .peak(2),
        ]
    }

    #[test]
    fn json_has_one_flat_object_per_record_with_units_in_the_keys() {
        let json = sample()[1].to_json("01-threading", 3);
        assert_eq!(
            json.to_string(),
            r#"{"efficiency":1.0,"label":"2 threads","lesson":"01-threading","peak_in_flight":2,"section":3,"speedup":2.0,"wall_ms":150.0}"#
        );
        let sized = Record::new("file")
            .bytes("size", 2048)
            .text("outcome", "ok")
            .to_json("x", 1);
        assert_eq!(sized["size_bytes"], 2048);
        assert_eq!(sized["outcome"], "ok");
    }

    #[test]
    fn table_has_a_column_for_every_figure() {
        let table = records_table(&sample()).to_string();
        let lines: Vec<&str> = table.lines().collect();
        assert!(
            lines[0].contains("wall") && lines[0].contains("peak in flight"),
            "{table}"
        );
        assert!(
            lines[2].starts_with("  sequential") && lines[2].ends_with("300 ms"),
            "{table}"
        );
        let cells: Vec<&str> = lines[3].split_whitespace().collect();
        assert_eq!(
            cells,
            ["2", "threads", "150", "ms", "2.00×", "100%", "2"],
            "{table}"
        );
    }

    #[test]
    fn large_ratios_drop_digits_nobody_reads() {
        assert_eq!(Metric::Ratio(574.14).human(), "574×");
        assert_eq!(Metric::Ratio(31.02).human(), "31.0×");
        assert_eq!(Metric::Ratio(1.956).human(), "1.96×");
    }

    #[test]
    fn wrap_keeps_words_whole_and_paragraphs_apart() {
        let text = "one two three four five six\n\nseven";
        assert_eq!(
            wrap(text, 16),
            "   one two three\n   four five six\n   seven\n"
        );
    }

    #[test]
    fn get_finds_figures_by_name() {
        let record = &sample()[1];
        assert_eq!(record.get("peak_in_flight"), Some(&Metric::Count(2)));
        assert_eq!(record.get("nothing"), None);
        assert_eq!(record.label(), "2 threads");
    }

    #[test]
    fn scaling_fills_wall_speedup_and_efficiency() {
        let record = Record::new("2 threads").scaling(
            Duration::from_millis(300),
            Duration::from_millis(150),
            2,
        );
        assert_eq!(
            record.get("wall"),
            Some(&Metric::Duration(Duration::from_millis(150)))
        );
        assert_eq!(record.get("speedup"), Some(&Metric::Ratio(2.0)));
        let expected = crate::timing::efficiency(2.0, 2);
        assert_eq!(record.get("efficiency"), Some(&Metric::Percent(expected)));
    }
}
