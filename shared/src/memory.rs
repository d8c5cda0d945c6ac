//! How much memory this process holds, to compare the cost of threads, tasks and processes.
//! Read from `/proc/self/status` on Linux; elsewhere every function returns `None` and lessons
//! say the figure is not available.

/// Resident set size: the bytes of RAM this process occupies now.
pub fn resident_bytes() -> Option<u64> {
    status_field("VmRSS:")
}

/// The largest resident set size this process has had so far.
pub fn peak_resident_bytes() -> Option<u64> {
    status_field("VmHWM:")
}

fn status_field(name: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_kib_field(&status, name)
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
    fn reads_this_process() {
        let rss = resident_bytes().expect("Linux has /proc/self/status");
        assert!(rss > 0 && peak_resident_bytes().unwrap() >= rss);
    }

    #[test]
    fn human_units() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(8 * 1024), "8.00 KiB");
        assert_eq!(human_bytes(1536 * 1024), "1.50 MiB");
        assert_eq!(human_bytes(300 * 1024 * 1024), "300.0 MiB");
    }
}
