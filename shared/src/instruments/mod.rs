//! Instruments that prove concurrency without a clock. Busy two-core test machines make every
//! timing assertion flaky; these never are:
//!
//! | instrument | proves |
//! |---|---|
//! | [`Gauge`] | a limit held (peak ≤ k) and was reached (peak = k) |
//! | [`Rendezvous`] | `n` parties ran at the same time: sequential code never gets past it |
//! | [`RoundBarrier`] | the same, round after round, for tests that repeat an experiment |
//! | [`Transcript`] | who said what, in what order, from any number of threads |
//! | [`within`], [`block_on_within`] | code that might deadlock fails with a message instead of hanging |
//! | [`panic_message`] | what a caught panic said |

mod barrier;
mod deadline;
mod gauge;
mod panic;
mod rendezvous;
mod transcript;

pub use barrier::{BarrierBroken, RoundBarrier};
#[cfg(feature = "test-util")]
pub use deadline::block_on_within_paused;
pub use deadline::{block_on_within, spin_until, within};
pub use gauge::{Gauge, GaugeGuard};
pub use panic::panic_message;
pub use rendezvous::{NotTogether, Rendezvous};
pub use transcript::Transcript;
