//! Section 5: shared memory, the counterpart of Python's `multiprocessing.Value` and `Array`.
//!
//! Processes share nothing by default. A forked child starts with a *copy* of its parent's
//! memory, so a counter it increments is its own. To share, both must map the same pages: an
//! anonymous mapping with `MAP_SHARED`, made before the fork, is inherited as *the same*
//! memory (`SharedAtomics::anonymous` in the course's toolbox, whose `unsafe` is explained
//! there). Rust's types know nothing of other processes, so the memory holds atomics, and an
//! atomic `fetch_add` is as indivisible between processes as between threads.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::shm::SharedAtomics;
use shared::timeline::Timeline;
use shared::timing::Stopwatch;

use crate::Flags;
use crate::fork::{Adding, SLOT_SPACING, add_in_forks};

/// The children of this section: four, like the Python version.
pub const CHILDREN: usize = 4;

/// One way of counting across processes, and what came of it.
#[derive(Debug, Clone)]
pub struct Counted {
    /// What the parent read afterwards (the sum of all slots).
    pub total: u64,
    /// How long the children took.
    pub took: Duration,
    /// The children's lanes.
    pub timeline: Timeline,
}

/// Where the counters live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Memory {
    /// This process's ordinary memory: each child gets a copy.
    Private,
    /// A `MAP_SHARED` mapping made before the fork: every child sees the same pages.
    Shared,
}

// ANCHOR: count_across
/// `CHILDREN` forked children add one `increments` times each, to counters in `memory`, as
/// `how` says; the parent then adds up every slot.
pub fn count_across(memory: Memory, how: Adding, increments: u64) -> std::io::Result<Counted> {
    let timeline = Timeline::new();
    let slots = CHILDREN * SLOT_SPACING;
    let private: Vec<AtomicU64> = (0..slots).map(|_| AtomicU64::new(0)).collect();
    let shared = SharedAtomics::anonymous(slots)?;
    let slots: &[AtomicU64] = match memory {
        Memory::Private => &private,
        Memory::Shared => &shared,
    };
    let clock = Stopwatch::start();
    add_in_forks(slots, CHILDREN, increments, how, &timeline)?;
    let took = clock.elapsed();
    let total = slots.iter().map(|slot| slot.load(Ordering::Relaxed)).sum();
    Ok(Counted {
        total,
        took,
        timeline,
    })
}
// ANCHOR_END: count_across

/// Section 5 of the lesson program.
pub fn show(report: &mut Report, env: &Env, _: &Flags) -> anyhow::Result<()> {
    let increments = env.size(10_000_000, 1_000_000);
    let expected = CHILDREN as u64 * increments;
    report.say(&format!(
        "{CHILDREN} forked children each add one to a counter {increments} times; {expected} is \
         the right total. First in ordinary memory, then in a shared mapping: with a load and \
         a store (two steps), with fetch_add (one), and with a slot per child that the parent \
         adds up at the end (Python's Array). The children wait at a gate until all of them \
         exist, so that they really count at the same time."
    ));
    let cases = [
        (
            "ordinary memory, fetch_add",
            Memory::Private,
            Adding::FetchAdd,
        ),
        (
            "shared, load then store",
            Memory::Shared,
            Adding::LoadThenStore,
        ),
        ("shared, fetch_add", Memory::Shared, Adding::FetchAdd),
        ("shared, a slot per child", Memory::Shared, Adding::OwnSlot),
    ];
    let mut records = Vec::new();
    let mut racy_timeline = None;
    for (label, memory, how) in cases {
        let counted = count_across(memory, how, increments)?;
        records.push(
            Record::new(label)
                .wall(counted.took)
                .count("total", counted.total)
                .count("lost", expected.saturating_sub(counted.total)),
        );
        if how == Adding::LoadThenStore {
            racy_timeline = Some(counted.timeline);
        }
    }
    report.results(&records);
    report.say(
        "In ordinary memory every child counted in its own copy, and the parent's counter never \
         moved. Shared, a load and a store lost updates whenever two children interleaved them; \
         Python's `counter.value += 1` on a Value loses the same way, because the Value's lock \
         guards the read and the write separately, not the pair. fetch_add is one indivisible \
         step and loses nothing. A slot per child is exact too: each child writes only its own \
         counter (on a cache line of its own) and the parent adds them up afterwards, which is \
         what Python's Array is for. The children of the load-and-store run, at the same time:",
    );
    if let Some(timeline) = racy_timeline {
        report.timeline(&timeline);
    }
    report.say(
        "An anonymous mapping is shared only with children forked after it was made. A process \
         started with Command needs a name to find the memory by: a POSIX shared-memory object \
         (SharedAtomics::create_named, Python's shared_memory.SharedMemory). The third exercise \
         uses one.",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_memory_is_copied_and_shared_memory_is_shared() {
        let private = count_across(Memory::Private, Adding::FetchAdd, 1000).unwrap();
        assert_eq!(private.total, 0);
        let shared = count_across(Memory::Shared, Adding::FetchAdd, 1000).unwrap();
        assert_eq!(shared.total, CHILDREN as u64 * 1000);
        let slots = count_across(Memory::Shared, Adding::OwnSlot, 1000).unwrap();
        assert_eq!(slots.total, CHILDREN as u64 * 1000);
        let racy = count_across(Memory::Shared, Adding::LoadThenStore, 1000).unwrap();
        assert!(
            racy.total <= CHILDREN as u64 * 1000,
            "never more than the increments"
        );
        assert_eq!(shared.timeline.spans().len(), CHILDREN);
    }
}
