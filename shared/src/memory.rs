//! How much memory a process holds, to compare the cost of threads, tasks and processes.
//! Read from `/proc/<pid>/status` on Linux and from `getrusage` for finished children; where
//! the platform has no answer, the functions return [`Unavailable`] saying so, and lessons
//! print that instead of a number.

use crate::Unavailable;

/// Resident set size: the bytes of RAM this process occupies now.
pub fn resident_bytes() -> Result<u64, Unavailable> {
    status_field("self", "VmRSS:")
}

/// The largest resident set size this process has had so far.
pub fn peak_resident_bytes() -> Result<u64, Unavailable> {
    status_field("self", "VmHWM:")
}

/// The resident set size of the running process `pid` (a child, say).
pub fn resident_bytes_of(pid: u32) -> Result<u64, Unavailable> {
    status_field(&pid.to_string(), "VmRSS:")
}

/// The largest resident set size reached by any child process that has ended and been waited
/// for: the high-water mark of the biggest child, not a sum.
pub fn peak_resident_bytes_of_finished_children() -> Result<u64, Unavailable> {
    children_peak()
}

const NO_PROC: Unavailable = Unavailable {
    what: "resident memory",
    why: "the course reads it from /proc, which this platform does not have",
};

fn status_field(process: &str, name: &str) -> Result<u64, Unavailable> {
    let status = std::fs::read_to_string(format!("/proc/{process}/status")).map_err(|_| NO_PROC)?;
    parse_kib_field(&status, name).ok_or(NO_PROC)
}

#[cfg(unix)]
fn children_peak() -> Result<u64, Unavailable> {
    use nix::sys::resource::{UsageWho, getrusage};
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).map_err(|_| Unavailable {
        what: "children's memory",
        why: "getrusage refused",
    })?;
    let max_rss = u64::try_from(usage.max_rss()).unwrap_or(0);
    // Linux reports kibibytes, macOS bytes.
    Ok(if cfg!(target_os = "macos") {
        max_rss
    } else {
        max_rss * 1024
    })
}

#[cfg(not(unix))]
fn children_peak() -> Result<u64, Unavailable> {
    Err(Unavailable {
        what: "children's memory",
        why: "the course reads it with getrusage, a Unix call",
    })
}

fn parse_kib_field(status: &str, name: &str) -> Option<u64> {
    let line = status.lines().find(|line| line.starts_with(name))?;
    let kib: u64 = line[name.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// Bytes in the unit a person reads most easily: `512 B`, `8.0 KiB`, `1.5 MiB`, `2.25 GiB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let digits = if value < 10.0 { 2 } else { 1 };
    format!("{value:.digits$} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_kernel_format() {
        let status = "Name:\tcargo\nVmHWM:\t  20480 kB\nVmRSS:\t   8192 kB\n";
        assert_eq!(parse_kib_field(status, "VmRSS:"), Some(8 * 1024 * 1024));
        assert_eq!(parse_kib_field(status, "VmHWM:"), Some(20 * 1024 * 1024));
        assert_eq!(parse_kib_field(status, "VmSwap:"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn reads_this_process_and_a_child() {
        let rss = resident_bytes().expect("Linux has /proc/self/status");
        assert!(rss > 0 && peak_resident_bytes().unwrap() >= rss);
        assert_eq!(
            resident_bytes_of(std::process::id()).map(|b| b > 0),
            Ok(true)
        );
        let mut child = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        assert!(resident_bytes_of(child.id()).unwrap() > 0);
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(peak_resident_bytes_of_finished_children().unwrap() > 0);
    }

    #[test]
    fn a_missing_process_is_unavailable_not_a_panic() {
        let error = resident_bytes_of(u32::MAX).unwrap_err();
        assert!(error.to_string().contains("resident memory"), "{error}");
    }

    #[test]
    fn human_units() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(8 * 1024), "8.00 KiB");
        assert_eq!(human_bytes(1536 * 1024), "1.50 MiB");
        assert_eq!(human_bytes(300 * 1024 * 1024), "300.0 MiB");
    }
}
