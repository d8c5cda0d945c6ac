//! An aligned text table for the terminal: the first column (what was run) is left-aligned,
//! the numbers to its right are right-aligned so their digits line up.

use std::fmt;

/// Rows of cells under a header. Build it, then print it with `{}`.
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headings.
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Self {
        Self {
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row. Missing cells print empty; extra cells widen the table.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) -> &mut Self {
        self.rows.push(cells.into_iter().map(Into::into).collect());
        self
    }

    /// Whether any rows were added.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn widths(&self) -> Vec<usize> {
        let columns = std::iter::once(&self.header)
            .chain(&self.rows)
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        (0..columns)
            .map(|c| {
                std::iter::once(&self.header)
                    .chain(&self.rows)
                    .filter_map(|row| row.get(c))
                    .map(|cell| cell.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let widths = self.widths();
        let write_row = |f: &mut fmt::Formatter<'_>, row: &[String]| -> fmt::Result {
            let mut line = String::from("  ");
            for (c, width) in widths.iter().enumerate() {
                let cell = row.get(c).map_or("", String::as_str);
                let pad = " ".repeat(width - cell.chars().count());
                if c == 0 {
                    line.push_str(cell);
                    line.push_str(&pad);
                } else {
                    line.push_str("   ");
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
            writeln!(f, "{}", line.trim_end())
        };
        write_row(f, &self.header)?;
        let rule: usize = widths.iter().sum::<usize>() + 3 * widths.len().saturating_sub(1);
        writeln!(f, "  {}", "─".repeat(rule))?;
        for row in &self.rows {
            write_row(f, row)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_labels_left_and_numbers_right() {
        let mut table = Table::new(["run", "wall", "speedup"]);
        table.row(["sequential", "1.52 s", "1.00×"]);
        table.row(["2 threads", "780 ms", "1.95×"]);
        let lines: Vec<String> = table.to_string().lines().map(String::from).collect();
        assert_eq!(
            lines,
            [
                "  run            wall   speedup",
                "  ─────────────────────────────",
                "  sequential   1.52 s     1.00×",
                "  2 threads    780 ms     1.95×",
            ]
        );
    }

    #[test]
    fn ragged_rows_do_not_panic() {
        let mut table = Table::new(["a"]);
        table.row(["x", "extra"]).row(Vec::<String>::new());
        assert!(table.to_string().contains("extra"));
    }
}
