//! Section 7: files with `tokio::fs`, and what it really does.
//!
//! Python's asyncio has no file API at all (the `asyncio.open` in one tutorial does not exist),
//! and for a reason: most operating systems offer no asynchronous reads of ordinary files to
//! wait on. tokio's documentation says so, and `tokio::fs` runs each operation as an ordinary
//! blocking call on the blocking thread pool, exactly like `spawn_blocking`. It keeps the
//! runtime's threads free; it does not make the disk any faster.

use std::io;
use std::path::{Path, PathBuf};

use shared::lesson::Env;
use shared::memory::human_bytes;
use shared::report::{Record, Report};
use shared::tasks::in_order;
use shared::timeline::Timeline;
use shared::workload::io::TempFiles;

use crate::{Flags, multi_thread_runtime};

// ANCHOR: tokio_fs
/// Reads every file at once, a task per file, with `tokio::fs::read`; returns their sizes.
pub async fn read_with_tokio_fs(paths: &[PathBuf], timeline: &Timeline) -> io::Result<Vec<usize>> {
    let reads: Vec<_> = paths
        .iter()
        .map(|path| {
            let (path, timeline) = (path.clone(), timeline.clone());
            tokio::spawn(async move {
                let _span = timeline.span(file_name(&path), "tokio::fs::read");
                Ok::<_, io::Error>(tokio::fs::read(&path).await?.len())
            })
        })
        .collect();
    in_order(reads).await.into_iter().collect()
}

/// The same with explicit `spawn_blocking` around `std::fs::read`: what `tokio::fs` does inside.
pub async fn read_with_spawn_blocking(paths: &[PathBuf]) -> io::Result<Vec<usize>> {
    let reads: Vec<_> = paths
        .iter()
        .map(|path| {
            let path = path.clone();
            tokio::task::spawn_blocking(move || std::fs::read(path).map(|bytes| bytes.len()))
        })
        .collect();
    in_order(reads).await.into_iter().collect()
}
// ANCHOR_END: tokio_fs

/// One file after another with `std::fs::read`, outside any runtime.
pub fn read_with_std_fs(paths: &[PathBuf]) -> io::Result<Vec<usize>> {
    paths
        .iter()
        .map(|path| std::fs::read(path).map(|bytes| bytes.len()))
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// Section 7 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let size: usize = env.size(16 << 20, 1 << 20);
    report.say(&format!(
        "Three files of {} each, read with std::fs one after another, with tokio::fs a task per \
         file, and with explicit spawn_blocking. The files were just written, so they come from \
         the page cache: this measures the cost of each way, not the disk. {}",
        human_bytes(size as u64),
        env.how_measured()
    ));
    let files = TempFiles::create(&[size, size, size])?;
    let paths = files.paths().to_vec();
    let runtime = multi_thread_runtime()?;
    let expected = read_with_std_fs(&paths)?;
    // One unmeasured round first, checking the sizes: it also starts the blocking pool's
    // threads, so that no measured run pays for creating them.
    let by_tokio_fs = runtime.block_on(read_with_tokio_fs(&paths, &Timeline::new()))?;
    let by_spawn_blocking = runtime.block_on(read_with_spawn_blocking(&paths))?;
    anyhow::ensure!(
        by_tokio_fs == expected && by_spawn_blocking == expected,
        "the three ways read different sizes"
    );
    let std_fs = env.measure(|| read_with_std_fs(&paths)).median();
    let tokio_fs = env
        .measure(|| runtime.block_on(read_with_tokio_fs(&paths, &Timeline::new())))
        .median();
    let blocking = env
        .measure(|| runtime.block_on(read_with_spawn_blocking(&paths)))
        .median();
    // One more round, warm like the measured ones, to draw.
    let timeline = Timeline::new();
    runtime.block_on(read_with_tokio_fs(&paths, &timeline))?;
    report.results(&[
        Record::new("std::fs::read, one after another")
            .wall(std_fs)
            .bytes("read", (3 * size) as u64),
        Record::new("tokio::fs::read, a task per file")
            .wall(tokio_fs)
            .bytes("read", (3 * size) as u64),
        Record::new("spawn_blocking(std::fs::read) per file")
            .wall(blocking)
            .bytes("read", (3 * size) as u64),
    ]);
    report.say(
        "tokio::fs and spawn_blocking cost about the same, because they are the same thing. \
         Neither beats plain std::fs here: the data is already in memory, so there is no wait \
         to overlap, only the cost of handing each read to another thread. What tokio::fs buys \
         is a free runtime while a slow disk works. The reads, on the blocking pool's threads:",
    );
    report.timeline(&timeline);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn all_three_ways_read_the_same_sizes() {
        let files = TempFiles::create(&[0, 10, 5000]).unwrap();
        let paths = files.paths().to_vec();
        assert_eq!(read_with_std_fs(&paths).unwrap(), [0, 10, 5000]);
        assert_eq!(
            read_with_tokio_fs(&paths, &Timeline::new()).await.unwrap(),
            [0, 10, 5000]
        );
        assert_eq!(
            read_with_spawn_blocking(&paths).await.unwrap(),
            [0, 10, 5000]
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_missing_file_is_an_error_not_a_panic() {
        let missing = vec![std::env::temp_dir().join("concurrency-course-no-such-file")];
        assert!(
            read_with_tokio_fs(&missing, &Timeline::new())
                .await
                .is_err()
        );
        assert!(read_with_spawn_blocking(&missing).await.is_err());
    }
}
