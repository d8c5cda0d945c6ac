//! Lesson 02's way of running code that races: on real threads that start together, and under
//! the model checker, which runs a small test once for every interleaving of its threads.
//!
//! The two never meet in one build: with `--features model`, `shared::sync` hands out the
//! checker's types, which work only inside a model, so the threads tests are compiled out.

#[cfg(not(feature = "model"))]
pub use on_threads::together;

#[cfg(not(feature = "model"))]
mod on_threads {
    use std::sync::Arc;
    use std::thread;

    use shared::instruments::{Rendezvous, within};

    use crate::kit::{PATIENCE, panic_message};

    /// Runs `work(0)`, …, `work(threads - 1)` each on its own thread, all released at the same
    /// moment, and returns their results in that order. A panic in a thread fails the test with
    /// that thread's message; work that has not finished after a generous timeout (a deadlock)
    /// fails it with a message naming `what`, instead of hanging.
    pub fn together<T, W>(threads: usize, what: &str, work: W) -> Vec<T>
    where
        T: Send + 'static,
        W: Fn(usize) -> T + Send + Sync + 'static,
    {
        let work = Arc::new(work);
        let start = Rendezvous::new(threads, PATIENCE);
        within(PATIENCE * 3, what, move || {
            let handles: Vec<_> = (0..threads)
                .map(|index| {
                    let (work, start) = (Arc::clone(&work), start.clone());
                    thread::spawn(move || {
                        start.wait().expect("the threads could not start together");
                        work(index)
                    })
                })
                .collect();
            handles
                .into_iter()
                .enumerate()
                .map(|(index, handle)| {
                    handle.join().unwrap_or_else(|payload| {
                        panic!("thread {index} panicked: {}", panic_message(&*payload))
                    })
                })
                .collect()
        })
    }
}

#[cfg(feature = "model")]
pub use under_the_model::{FOUND, every_interleaving};

#[cfg(feature = "model")]
mod under_the_model {
    use std::fmt::Display;

    use shared::sync::{ModelFailure, check};

    /// What a test's own assertions inside a model start with, so that a panic of the code
    /// under test can be told apart from them.
    pub const FOUND: &str = "in one interleaving";

    /// Runs `body` under the model checker, once per interleaving of the threads it starts. The
    /// test's assertions inside say what they found, starting with [`FOUND`]; any other panic
    /// came from the code under test, and a deadlock is reported as one. `deadlock` says what a
    /// deadlock means for this test, in the learner's terms.
    pub fn every_interleaving<F>(deadlock: &str, read: impl Display, body: F)
    where
        F: Fn() + Sync + Send + 'static,
    {
        match check(body) {
            Ok(_) => {}
            Err(ModelFailure::Panicked(message)) if message.starts_with(FOUND) => {
                panic!(
                    "the model checker found an interleaving in which {}",
                    &message[FOUND.len()..].trim_start()
                )
            }
            Err(ModelFailure::Panicked(message)) if message.starts_with("not yet implemented") => {
                panic!("{message} ({read})")
            }
            Err(ModelFailure::Panicked(message)) => panic!(
                "the model checker found an interleaving in which the code panicked: {message} \
                 ({read})"
            ),
            Err(ModelFailure::Deadlock) => panic!(
                "the model checker found an interleaving that deadlocks: {deadlock} ({read})"
            ),
            Err(failure @ ModelFailure::NoProgress) => {
                panic!("the model checker found {failure}: a spin loop? ({read})")
            }
        }
    }
}
