//! What every test of the suite shares: how long to wait before calling code stuck, the server
//! scenarios several exercises use, and where a failing test tells the learner to read.
//!
//! The suite's test files reach their subject (your code, the reference answer, or a plausible
//! mistake) as `super::subject`, never by a fixed path, so the same file tests all three.

pub mod cases;
pub mod race;
#[cfg(unix)]
pub mod workers;

use std::fmt;
use std::time::Duration;

pub use shared::instruments::panic_message;

/// How long a test waits for work that should take well under a second before calling it stuck.
/// Generous, because test machines are busy: a correct solution never comes near it.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// Where to read about the exercise a test belongs to. Each test file writes
/// `const READ: ReadMore = ReadMore::here(module_path!());` and ends its messages with
/// `({READ})`; the catalog's book passage and the hint command are looked up only when a
/// message is printed, so the link is spelled once, in `exercises/catalog.toml`.
#[derive(Debug, Clone, Copy)]
pub struct ReadMore(&'static str);

impl ReadMore {
    /// For the test module at `module_path` (pass `module_path!()`).
    pub const fn here(module_path: &'static str) -> Self {
        Self(module_path)
    }

    /// The exercise's id, from a suite module (`…::suite::l01_threading::event`) or a mistake's
    /// module in the harness (`…::l01_threading__event__lost_wakeup::tests`).
    fn exercise_id(&self) -> Option<String> {
        if let Some((_, id)) = self.0.rsplit_once("suite::") {
            return Some(id.to_string());
        }
        let module = self.0.split("::").find(|part| part.contains("__"))?;
        let mut parts = module.split("__");
        Some(format!("{}::{}", parts.next()?, parts.next()?))
    }
}

impl fmt::Display for ReadMore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(id) = self.exercise_id() else {
            return write!(f, "read: the book's chapter on this lesson");
        };
        let name = id.rsplit("::").next().unwrap_or(&id);
        let root = progress::workspace::root();
        let passage = progress::catalog::Catalog::load(&root)
            .ok()
            .and_then(|catalog| catalog.exercise(&id).map(|e| e.read.clone()))
            .and_then(|link| progress::book::resolve(&root.join("book/src"), &link).ok());
        match passage {
            Some(passage) => write!(
                f,
                "read: {}; or ask for a hint: cargo run -p exercises -- hint {name}",
                passage.in_words()
            ),
            None => write!(f, "ask for a hint: cargo run -p exercises -- hint {name}"),
        }
    }
}
