//! What every section may use, decided once from the shared flags.

use std::io;
use std::sync::OnceLock;
use std::time::Duration;

use crate::cli::CommonArgs;
use crate::server::TestServer;
use crate::timing::{Repeat, Samples};

/// The environment a section runs in: how long "one second" lasts, how big the work is,
/// how often measurements repeat, and the embedded HTTP server.
#[derive(Debug)]
pub struct Env {
    unit: Duration,
    quick: bool,
    repeat: Repeat,
    server: OnceLock<TestServer>,
}

impl Env {
    /// The environment the shared flags describe.
    pub fn new(common: &CommonArgs) -> Self {
        Self {
            unit: common.unit(),
            quick: common.quick,
            repeat: if common.quick {
                Repeat::QUICK
            } else {
                Repeat::NORMAL
            },
            server: OnceLock::new(),
        }
    }

    /// A `--quick` environment with a short unit, for tests and examples.
    pub fn quick() -> Self {
        Self {
            unit: Duration::from_millis(20),
            quick: true,
            repeat: Repeat::QUICK,
            server: OnceLock::new(),
        }
    }

    /// What one second of the Python examples lasts here (`--unit-ms`).
    pub fn unit(&self) -> Duration {
        self.unit
    }

    /// `full` normally, `quick` with `--quick`: the one place where `--quick` shrinks work.
    pub fn size<T>(&self, full: T, quick: T) -> T {
        if self.quick { quick } else { full }
    }

    /// How measurements repeat in this run (the course's one rule).
    pub fn repeat(&self) -> Repeat {
        self.repeat
    }

    /// Runs `work` as often as the course's rule says and returns the samples; lessons report
    /// their median.
    pub fn measure<T>(&self, work: impl FnMut() -> T) -> Samples {
        self.repeat.measure(work)
    }

    /// A sentence for a section's introduction: how its figures were measured.
    pub fn how_measured(&self) -> &'static str {
        if self.quick {
            "With --quick, each figure is a single run."
        } else {
            "Each figure is the median of at least three runs (more for quick work)."
        }
    }

    /// The embedded HTTP server, started the first time a section asks for it.
    pub fn server(&self) -> io::Result<&TestServer> {
        if let Some(server) = self.server.get() {
            return Ok(server);
        }
        let started = TestServer::start()?;
        Ok(self.server.get_or_init(|| started))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_starts_once_and_only_when_asked_for() {
        let env = Env::quick();
        assert!(env.server.get().is_none());
        let first = env.server().unwrap().addr();
        assert_eq!(env.server().unwrap().addr(), first);
        assert_eq!(env.size(1000, 10), 10);
        assert_eq!(env.measure(|| ()).len(), 1);
    }
}
