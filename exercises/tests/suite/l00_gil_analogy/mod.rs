use crate::subject::l00_gil_analogy as subject;

mod forced_switch;
mod interpreter_lock;
mod released_for_io;
