//! The book's chapters, as far as the tools need them: their headings, and the anchors mdBook
//! gives those headings, so that a link like `lesson-01-threading.md#events-and-semaphores`
//! can be checked and turned into words.

use std::fs;
use std::path::Path;

/// The anchor mdBook makes from a heading: lower case, spaces to `-`, other punctuation gone.
pub fn anchor_of(heading: &str) -> String {
    heading
        .chars()
        .filter(|c| !matches!(c, '`' | '*'))
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c.to_ascii_lowercase())
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// The headings of a chapter, in order, outside code blocks: `# Title`, `## Section`, ….
pub fn headings(markdown: &str) -> Vec<String> {
    let mut in_code = false;
    let mut found = Vec::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code && line.starts_with('#') {
            let text = line.trim_start_matches('#');
            if text.starts_with(' ') {
                found.push(text.trim().to_string());
            }
        }
    }
    found
}

/// A link into the book, `chapter.md#anchor`, resolved: the chapter's title and the heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The chapter's file, relative to `book/src`.
    pub chapter: String,
    /// The chapter's first heading.
    pub chapter_title: String,
    /// The heading the anchor names.
    pub heading: String,
}

impl Passage {
    /// Where to read, in words: `the book, "Lesson 01: threads" › "Events and semaphores"
    /// (book/src/lesson-01-threading.md)`.
    pub fn in_words(&self) -> String {
        if self.heading == self.chapter_title {
            format!(
                "the book, \"{}\" (book/src/{})",
                self.chapter_title, self.chapter
            )
        } else {
            format!(
                "the book, \"{}\" › \"{}\" (book/src/{})",
                self.chapter_title, self.heading, self.chapter
            )
        }
    }
}

/// Resolves `link` (`chapter.md#anchor`) against the chapters in `book_src`, or says what is
/// wrong with it.
pub fn resolve(book_src: &Path, link: &str) -> Result<Passage, String> {
    let (chapter, anchor) = link
        .split_once('#')
        .ok_or_else(|| format!("`{link}` has no #anchor"))?;
    let text = fs::read_to_string(book_src.join(chapter))
        .map_err(|_| format!("`{link}`: there is no chapter book/src/{chapter}"))?;
    let headings = headings(&text);
    let chapter_title = headings.first().cloned().unwrap_or_default();
    let heading = headings
        .into_iter()
        .find(|heading| anchor_of(heading) == anchor)
        .ok_or_else(|| format!("`{link}`: book/src/{chapter} has no heading with that anchor"))?;
    Ok(Passage {
        chapter: chapter.to_string(),
        chapter_title,
        heading,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_as_mdbook_makes_them() {
        assert_eq!(anchor_of("Events and semaphores"), "events-and-semaphores");
        assert_eq!(
            anchor_of("What `tokio::spawn` asks of a future"),
            "what-tokiospawn-asks-of-a-future"
        );
        assert_eq!(anchor_of("Lesson 01: threads"), "lesson-01-threads");
    }

    #[test]
    fn headings_skip_code_blocks() {
        let text = "# Title\n\n```python\n# a comment\n```\n## Section two\n#not a heading\n";
        assert_eq!(headings(text), ["Title", "Section two"]);
    }

    #[test]
    fn links_resolve_against_real_chapters() {
        let book = crate::workspace::root().join("book/src");
        let passage = resolve(&book, "introduction.md#how-the-tests-know").unwrap();
        assert_eq!(passage.heading, "How the tests know");
        assert!(
            passage
                .in_words()
                .contains("\"Introduction\" › \"How the tests know\"")
        );
        assert!(resolve(&book, "introduction.md#no-such-heading").is_err());
        assert!(resolve(&book, "no-such-chapter.md#x").is_err());
        assert!(resolve(&book, "introduction.md").is_err());
    }
}
