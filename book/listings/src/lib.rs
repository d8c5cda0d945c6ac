//! Rust code that the book shows outside any lesson: the chapter "The Rust this course uses".
//! Each module is one topic of that chapter (in the chapter's order: closures, ownership,
//! arc_mutex, bounds, guards, iterators, errors, futures); the chapter includes the listings
//! between their `ANCHOR` markers, and the tests below each listing prove it does what the
//! chapter says. What the compiler refuses is in `compile_fail` doctests, in the modules'
//! documentation, from the Markdown files in `src/refused/` that the chapter includes too.

pub mod arc_mutex;
pub mod bounds;
pub mod closures;
pub mod errors;
pub mod futures;
pub mod guards;
pub mod iterators;
pub mod ownership;
