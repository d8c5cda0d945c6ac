//! Hints in tiers: a nudge first, closer on request, code only at the last level.

use std::path::Path;

use crate::book;
use crate::catalog::{Catalog, Exercise};

/// Prints hint `level` (from 1) of the exercise `query` names.
pub fn show(workspace: &Path, query: &str, level: usize) -> Result<(), String> {
    let catalog = Catalog::load(workspace)?;
    let exercise = catalog.find(query)?;
    print!("{}", hint(workspace, exercise, level));
    Ok(())
}

/// Hint `level` of `exercise`, with where to read and how to ask for more.
pub fn hint(workspace: &Path, exercise: &Exercise, level: usize) -> String {
    let tiers = exercise.hints.len();
    let level = level.clamp(1, tiers.max(1));
    let text = exercise.hints.get(level - 1).map_or("", String::as_str);
    let body = if level == tiers && tiers > 1 {
        // The last tier is code: keep its lines as written.
        format!("{}\n", dedent(text))
    } else {
        shared::report::wrap(text, 88)
    };
    let mut out = format!(
        "Hint {level} of {tiers} for {} ({}):\n\n{body}\n",
        exercise.id, exercise.title
    );
    if let Ok(passage) = book::resolve(&workspace.join("book/src"), &exercise.read) {
        out.push_str(&format!("Read: {}\n", passage.in_words()));
    }
    if level < tiers {
        out.push_str(&format!(
            "Closer: cargo run -p exercises -- hint {} {}\n",
            exercise.name(),
            level + 1
        ));
    }
    out
}

/// Removes the indentation that continuation lines share (a TOML string's layout), keeping the
/// code's own.
fn dedent(text: &str) -> String {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let rest: Vec<&str> = lines.collect();
    let indent = rest
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    std::iter::once(format!("    {first}"))
        .chain(
            rest.iter()
                .map(|line| format!("    {}", line.get(indent..).unwrap_or(""))),
        )
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exercise() -> Exercise {
        Exercise {
            id: "warmup::both".into(),
            title: "run two closures at the same time".into(),
            read: "introduction.md#how-the-tests-know".into(),
            hints: vec![
                "a nudge".into(),
                "closer".into(),
                "let x = 1;\n        if x > 0 {\n            go();\n        }".into(),
            ],
        }
    }

    #[test]
    fn the_first_level_nudges_and_offers_more() {
        let text = hint(&crate::workspace::root(), &exercise(), 1);
        assert!(text.starts_with("Hint 1 of 3 for warmup::both"), "{text}");
        assert!(text.contains("   a nudge"), "{text}");
        assert!(text.contains("Read: the book, \"Introduction\""), "{text}");
        assert!(text.contains("hint both 2"), "{text}");
        assert!(!text.contains("go();"), "no code before the last level");
    }

    #[test]
    fn the_last_level_is_code_as_written() {
        let text = hint(&crate::workspace::root(), &exercise(), 9);
        assert!(text.starts_with("Hint 3 of 3"), "{text}");
        assert!(
            text.contains("    let x = 1;\n    if x > 0 {\n        go();\n    }"),
            "{text}"
        );
        assert!(!text.contains("Closer:"), "{text}");
    }
}
