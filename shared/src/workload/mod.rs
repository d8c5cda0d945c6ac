//! The work lessons run and time: CPU-bound computations sized by argument, and I/O stand-ins.

pub mod cpu;
pub mod io;
