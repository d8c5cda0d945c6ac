//! How a process ended, in words. A Unix process either *exits* with a code (0 for success)
//! or is *killed* by a signal; `ExitStatus` holds one or the other, and `waitpid` is the only
//! way to learn which. Python's `Process.exitcode` folds both into one number: negative for a
//! signal (`-6` for SIGABRT), the exit code otherwise.

use std::process::ExitStatus;

use nix::sys::signal::Signal;

// ANCHOR: describe
/// "exited with code 3", "killed by signal 6 (SIGABRT)".
pub fn describe(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exited with code {code}"),
        (None, Some(signal)) => format!("killed by signal {signal} ({})", signal_name(signal)),
        (None, None) => format!("ended ({status})"),
    }
}
// ANCHOR_END: describe

/// The conventional name of signal number `signal`: `SIGABRT` for 6.
pub fn signal_name(signal: i32) -> &'static str {
    Signal::try_from(signal).map_or("unknown", Signal::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::process::ExitStatusExt;

    #[test]
    fn exit_codes_and_signals_read_differently() {
        // A raw wait status: the code in the second byte, or the signal in the low bits.
        assert_eq!(describe(ExitStatus::from_raw(3 << 8)), "exited with code 3");
        assert_eq!(describe(ExitStatus::from_raw(0)), "exited with code 0");
        assert_eq!(
            describe(ExitStatus::from_raw(6)),
            "killed by signal 6 (SIGABRT)"
        );
        assert_eq!(signal_name(9), "SIGKILL");
        assert_eq!(signal_name(1000), "unknown");
    }
}
