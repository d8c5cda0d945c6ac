//! Lesson 02: race condition: the reference answers.

pub mod init_once;
pub mod publish;
pub mod tickets;
pub mod transfer;
pub mod withdraw;
