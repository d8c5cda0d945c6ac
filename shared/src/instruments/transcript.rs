//! A transcript: who said what, in the order it was said, from any number of threads.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

type Listener = dyn Fn(&str) + Send + Sync;

/// A thread-safe, ordered record of lines. Threads and tasks `say` lines into it; the order of
/// the lines is the order in which the calls happened. A lesson prints it (or echoes each line
/// as it comes); a test reads [`Transcript::lines`] to check an order, or listens to each line
/// as it is said. Cloning gives another handle to the same transcript.
///
/// ```
/// let transcript = shared::instruments::Transcript::new();
/// std::thread::scope(|s| {
///     s.spawn(|| transcript.say("from a thread"));
/// });
/// transcript.say("then from main");
/// assert_eq!(transcript.lines(), ["from a thread", "then from main"]);
/// ```
#[derive(Clone, Default)]
pub struct Transcript {
    lines: Arc<Mutex<Vec<String>>>,
    listener: Option<Arc<Listener>>,
}

impl Transcript {
    /// An empty transcript.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty transcript that calls `listener` with each line as it is said, before
    /// recording it: to print lines live, or (in a test) to make the speaker wait at a
    /// rendezvous.
    pub fn listening(listener: impl Fn(&str) + Send + Sync + 'static) -> Self {
        Self {
            lines: Arc::default(),
            listener: Some(Arc::new(listener)),
        }
    }

    /// Records `line`.
    pub fn say(&self, line: impl Into<String>) {
        let line = line.into();
        if let Some(listener) = &self.listener {
            listener(&line);
        }
        self.lines
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(line);
    }

    /// Every line so far, in the order they were said.
    pub fn lines(&self) -> Vec<String> {
        self.lines
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The lines that start with `prefix`, in order: one speaker's part of the conversation.
    pub fn lines_starting(&self, prefix: &str) -> Vec<String> {
        self.lines()
            .into_iter()
            .filter(|line| line.starts_with(prefix))
            .collect()
    }
}

impl fmt::Debug for Transcript {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transcript")
            .field("lines", &self.lines())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn keeps_every_line_of_every_thread() {
        let transcript = Transcript::new();
        std::thread::scope(|s| {
            for t in 0..4 {
                let transcript = &transcript;
                s.spawn(move || {
                    for i in 0..100 {
                        transcript.say(format!("t{t}: {i}"));
                    }
                });
            }
        });
        assert_eq!(transcript.lines().len(), 400);
        let third: Vec<String> = (0..100).map(|i| format!("t3: {i}")).collect();
        assert_eq!(
            transcript.lines_starting("t3:"),
            third,
            "each speaker in order"
        );
    }

    #[test]
    fn a_listener_hears_each_line_as_it_is_said() {
        let heard = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&heard);
        let transcript = Transcript::listening(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        transcript.clone().say("one");
        transcript.say("two");
        assert_eq!(heard.load(Ordering::SeqCst), 2);
        assert_eq!(transcript.lines(), ["one", "two"]);
    }
}
