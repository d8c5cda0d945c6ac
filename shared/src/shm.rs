//! Memory that several processes see at once: a block of atomic counters, the Rust counterpart
//! of Python's `multiprocessing.Value`/`Array` (an anonymous mapping that forked children
//! inherit) and of `multiprocessing.shared_memory.SharedMemory` (a named block that any process
//! can open).
//!
//! Processes share nothing by default: a child gets a copy of its parent's memory (with `fork`)
//! or a fresh program (with spawn), and a change made in one is invisible to the other. A
//! *shared* mapping is the exception, the same physical pages mapped into several address
//! spaces. Rust's types know nothing about other processes, so the block is reached only through
//! atomics, which the hardware makes safe between processes just as between threads.
//!
//! This is the one module of the course's toolbox that needs `unsafe`: mapping memory and
//! viewing it as atomics are promises the compiler cannot check. Each block says why it holds.

#![allow(unsafe_code)]

use std::fs::File;
use std::io;
use std::num::NonZeroUsize;
use std::ops::Deref;
use std::os::fd::AsFd;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use nix::fcntl::OFlag;
use nix::sys::mman::{self, MapFlags, ProtFlags};
use nix::sys::stat::Mode;

/// A block of `len` atomic 64-bit counters, all zero at first, shared between processes.
///
/// - [`SharedAtomics::anonymous`]: no name; shared with the children this process forks
///   afterwards (Python's `Value`/`Array` under the `fork` start method).
/// - [`SharedAtomics::create_named`] and [`SharedAtomics::open_named`]: a named block (a POSIX
///   shared-memory object, a file in `/dev/shm` on Linux) that any process can open by name,
///   including one started with `Command` (Python's `SharedMemory(name=…)`). The creator
///   removes the name when it drops the block; processes that opened it keep their mapping.
///
/// The block dereferences to `[AtomicU64]`: `block[0].fetch_add(1, Ordering::Relaxed)`.
#[derive(Debug)]
pub struct SharedAtomics {
    start: NonNull<AtomicU64>,
    len: usize,
    name: Option<String>,
    owns_name: bool,
}

// SAFETY: the block is a mapping that lives as long as this value and is reached only as
// `[AtomicU64]`, which may be shared and sent between threads (`AtomicU64: Send + Sync`).
unsafe impl Send for SharedAtomics {}
// SAFETY: as above; `&SharedAtomics` hands out only `&[AtomicU64]`.
unsafe impl Sync for SharedAtomics {}

impl SharedAtomics {
    // ANCHOR: anonymous
    /// An anonymous shared block of `len` counters. Children forked *after* this call see the
    /// same memory; a program started with `Command` does not (it has no name to find it by).
    pub fn anonymous(len: usize) -> io::Result<Self> {
        let bytes = byte_len(len)?;
        // SAFETY: a fresh anonymous mapping overlaps nothing that exists: no Rust object can
        // be invalidated by creating it. The kernel fills it with zeros.
        let start = unsafe {
            mman::mmap_anonymous(
                None,
                bytes,
                ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
                MapFlags::MAP_SHARED,
            )
        }?;
        Ok(Self {
            start: start.cast(),
            len,
            name: None,
            owns_name: false,
        })
    }
    // ANCHOR_END: anonymous

    /// A new named block of `len` counters, all zero. Give [`SharedAtomics::name`] to other
    /// processes so they can [`SharedAtomics::open_named`] it.
    pub fn create_named(len: usize) -> io::Result<Self> {
        let bytes = byte_len(len)?;
        let name = unique_name();
        let file = File::from(mman::shm_open(
            name.as_str(),
            OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_RDWR,
            Mode::S_IRUSR | Mode::S_IWUSR,
        )?);
        let mapped = file
            .set_len(bytes.get() as u64)
            .and_then(|()| map_file(&file, bytes));
        match mapped {
            Ok(start) => Ok(Self {
                start,
                len,
                name: Some(name),
                owns_name: true,
            }),
            Err(error) => {
                let _ = mman::shm_unlink(name.as_str());
                Err(error)
            }
        }
    }

    /// Opens the named block another process created. Its length comes from the block.
    pub fn open_named(name: &str) -> io::Result<Self> {
        let file = File::from(mman::shm_open(name, OFlag::O_RDWR, Mode::empty())?);
        let bytes = file.metadata()?.len() as usize;
        let len = bytes / size_of::<AtomicU64>();
        let start = map_file(&file, byte_len(len)?)?;
        Ok(Self {
            start,
            len,
            name: Some(name.to_string()),
            owns_name: false,
        })
    }

    /// The name other processes open the block by, if it has one.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

// ANCHOR: deref
impl Deref for SharedAtomics {
    type Target = [AtomicU64];

    fn deref(&self) -> &[AtomicU64] {
        // SAFETY: `start` points to a live mapping of at least `len * 8` bytes, readable and
        // writable, page-aligned (so aligned for `AtomicU64`) and initialised (zero-filled by
        // the kernel, then changed only through atomics). `AtomicU64` has the size and
        // alignment of `u64`, and any bit pattern is a valid `u64`. Other processes reach the
        // same bytes only through atomics too, so there is no data race. The slice borrows
        // `self`, and the mapping is removed only when `self` is dropped.
        unsafe { std::slice::from_raw_parts(self.start.as_ptr(), self.len) }
    }
}
// ANCHOR_END: deref

impl Drop for SharedAtomics {
    fn drop(&mut self) {
        if let Ok(bytes) = byte_len(self.len) {
            // SAFETY: the mapping was created by this value with this length and nothing
            // borrows it any more (`Deref` borrows `self`, which is being dropped).
            let _ = unsafe { mman::munmap(self.start.cast(), bytes.get()) };
        }
        if self.owns_name
            && let Some(name) = &self.name
        {
            let _ = mman::shm_unlink(name.as_str());
        }
    }
}

fn map_file(file: &File, bytes: NonZeroUsize) -> io::Result<NonNull<AtomicU64>> {
    // SAFETY: a new shared mapping of a shared-memory object overlaps no existing Rust
    // object. Its contents are zeros (from `set_len`) or counters another process changes
    // only through atomics, which `Deref` relies on.
    let start = unsafe {
        mman::mmap(
            None,
            bytes,
            ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
            MapFlags::MAP_SHARED,
            file.as_fd(),
            0,
        )
    }?;
    Ok(start.cast())
}

/// At least one counter's worth of bytes: a mapping cannot be empty.
fn byte_len(len: usize) -> io::Result<NonZeroUsize> {
    len.max(1)
        .checked_mul(size_of::<AtomicU64>())
        .and_then(NonZeroUsize::new)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "too many counters"))
}

/// `/course-<pid>-<n>`: unique on this machine while this process lives, and short (macOS
/// allows 31 characters).
fn unique_name() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("/course-{}-{n}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_block_is_the_same_memory_in_both_handles() {
        let created = SharedAtomics::create_named(3).unwrap();
        assert_eq!(created.len(), 3);
        assert!(created.iter().all(|slot| slot.load(Ordering::Relaxed) == 0));
        let name = created.name().unwrap().to_string();
        let opened = SharedAtomics::open_named(&name).unwrap();
        assert_eq!(opened.len(), 3);
        opened[2].fetch_add(42, Ordering::Relaxed);
        assert_eq!(
            created[2].load(Ordering::Relaxed),
            42,
            "one memory, two views"
        );
        drop(created);
        assert_eq!(
            opened[2].load(Ordering::Relaxed),
            42,
            "an open view outlives the name"
        );
        assert!(
            SharedAtomics::open_named(&name).is_err(),
            "the creator removes the name"
        );
    }

    #[test]
    fn an_anonymous_block_starts_at_zero_and_counts() {
        let block = SharedAtomics::anonymous(2).unwrap();
        block[1].fetch_add(5, Ordering::Relaxed);
        assert_eq!(block[1].load(Ordering::Relaxed), 5);
        assert_eq!(block.name(), None);
        assert_eq!(SharedAtomics::anonymous(0).unwrap().len(), 0);
    }

    #[test]
    fn a_missing_name_is_an_error_not_a_panic() {
        let error = SharedAtomics::open_named("/course-no-such-block").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
    }
}
