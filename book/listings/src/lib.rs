//! Rust code that the book shows outside any lesson: the chapter "The Rust this course uses".
//! Each module is one topic of that chapter; the chapter includes the listings between their
//! `ANCHOR` markers, and the tests below each listing prove it does what the chapter says.
