//! # Exercise: publish results through a flag, without a lock
//!
//! A worker computes three numbers and posts them on a board; any number of other threads poll
//! the board in a loop, so reading must never wait for a lock. The numbers live in atomics, and
//! a flag (a small state in an atomic) says when they are ready.
//!
//! - `Board::new()` is empty;
//! - `post(results)`: the first post wins and returns `Ok(())`; a later post, or one that loses
//!   a race with another post, returns `Err(AlreadyPosted)` and changes nothing;
//! - `read()` returns `None` until a post has *finished* writing its results, and from then on
//!   `Some` with all three numbers of the winning post: never a mix of two posts, never a
//!   number the post has not written yet.
//!
//! The orderings are the exercise. A reader that sees the flag set must also see the numbers
//! written before it, and only the right pair of orderings on the flag promises that. On x86
//! every ordering happens to behave, so only the model checker's tests
//! (`--features model`) can tell you that one is too weak: it returns, for each load, any
//! value the memory model allows, not only what your processor does.
//!
//! Use `shared::sync::atomic` (`AtomicU64`, `AtomicUsize`, `Ordering`), not `std::sync::atomic`.
//!
//! Tests: `cargo test -p exercises l02_race_condition::publish`, then
//! `cargo test -p exercises --features model l02_race_condition::publish`.
//! Hints, and where to read: `cargo run -p exercises -- hint publish`.

// The stub ignores its parts until you write the bodies; delete this line when you start.
#![allow(unused_variables, dead_code)]

/// A post came too late: the board already has (or is taking) one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlreadyPosted;

/// Three numbers, posted once, read by anyone without a lock.
#[derive(Debug)]
pub struct Board {
    // TODO: the three numbers, and a state: empty, being written, or posted.
}

impl Board {
    /// An empty board.
    pub fn new() -> Self {
        todo!("l02_race_condition::publish: build the Board")
    }

    /// Posts `results`, unless the board already has a post.
    pub fn post(&self, results: [u64; 3]) -> Result<(), AlreadyPosted> {
        // TODO: claim the board (only one post may), write the numbers, then say they are
        // ready, with an ordering that makes the numbers visible to whoever sees that.
        todo!()
    }

    /// The posted results, once they are all written.
    pub fn read(&self) -> Option<[u64; 3]> {
        todo!()
    }
}

impl Default for Board {
    fn default() -> Self {
        Self::new()
    }
}
