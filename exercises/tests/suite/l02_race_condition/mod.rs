use crate::subject::l02_race_condition as subject;

mod init_once;
mod publish;
mod tickets;
mod transfer;
mod withdraw;
