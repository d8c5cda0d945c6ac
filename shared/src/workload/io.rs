//! I/O stand-ins: a simulated wait, and real files on disk. (Real network I/O comes from
//! [`crate::server`].)

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// A blocking wait standing in for I/O (a disk, a database, a remote API). While a thread
/// sleeps it uses no CPU, which is exactly why waits overlap so well.
pub fn simulated_io(wait: Duration) {
    std::thread::sleep(wait);
}

/// A fresh directory of files with known sizes, deleted (with its files) when dropped.
#[derive(Debug)]
pub struct TempFiles {
    dir: PathBuf,
    files: Vec<PathBuf>,
}

impl TempFiles {
    /// Creates one file per entry of `sizes`, filled with that many bytes of a repeating pattern.
    pub fn create(sizes: &[usize]) -> io::Result<Self> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "concurrency-course-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir)?;
        // From here on, a failure removes what was made: `Drop` runs on `?`.
        let mut made = Self {
            dir,
            files: Vec::new(),
        };
        for (i, &size) in sizes.iter().enumerate() {
            let path = made.dir.join(format!("file-{i}.bin"));
            let content: Vec<u8> = (0..size).map(|b| (b % 251) as u8).collect();
            std::fs::write(&path, content)?;
            made.files.push(path);
        }
        Ok(made)
    }

    /// The files, in the order their sizes were given.
    pub fn paths(&self) -> &[PathBuf] {
        &self.files
    }

    /// The directory that holds them.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for TempFiles {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_have_the_requested_sizes_and_vanish_on_drop() {
        let files = TempFiles::create(&[0, 10, 4096]).unwrap();
        let sizes: Vec<u64> = files
            .paths()
            .iter()
            .map(|p| p.metadata().unwrap().len())
            .collect();
        assert_eq!(sizes, [0, 10, 4096]);
        let dir = files.dir().to_path_buf();
        drop(files);
        assert!(!dir.exists());
    }

    #[test]
    fn two_sets_never_share_a_directory() {
        let (a, b) = (
            TempFiles::create(&[1]).unwrap(),
            TempFiles::create(&[1]).unwrap(),
        );
        assert_ne!(a.dir(), b.dir());
    }
}
