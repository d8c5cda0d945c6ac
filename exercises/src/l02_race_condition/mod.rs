//! Lesson 02: race conditions. Read the book's chapter "Lesson 02: race conditions" first, and
//! run `cargo run -p lesson-02-race-condition` to see the ideas at work. Every exercise here
//! uses `shared::sync` instead of `std::sync`, so that its tests can also run under the model
//! checker: `cargo test -p exercises --features model l02_race_condition`.

pub mod init_once;
pub mod publish;
pub mod tickets;
pub mod transfer;
pub mod withdraw;
