//! Lesson 02: race conditions: the reference answers, written against `shared::sync`, so the
//! same code runs on std and under the model checker.

pub mod init_once;
pub mod publish;
pub mod tickets;
pub mod transfer;
pub mod withdraw;
