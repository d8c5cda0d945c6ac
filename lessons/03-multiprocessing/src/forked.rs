//! Section 3 of the program: fork-style workers at work, and a fork next to a thread that
//! holds a lock. The forking itself, the lesson's only `unsafe` code, is in [`crate::fork`].

use shared::lesson::Env;
use shared::report::{Record, Report};
use shared::timeline::Timeline;
use shared::workload::cpu::count_primes;

use crate::fork::{count_primes_in_forks, fork_with_a_lock_held};
use crate::{Flags, measured};

/// Section 3 of the lesson program.
pub fn show(report: &mut Report, env: &Env, flags: &Flags) -> anyhow::Result<()> {
    let (limit, children) = (flags.primes_below(env), flags.workers());
    report.say(&format!(
        "Count the primes below {limit} again, now in {children} forked children. Each child \
         starts as a copy of this process at the fork, counts its chunks, writes a 16-byte \
         record to a pipe shared by all of them, and leaves with _exit; the parent reads the \
         records until the pipe reports its end, then reaps every child with waitpid. {}",
        env.how_measured()
    ));
    let (expected, one) = measured(env, || Ok(count_primes(0..limit)))?;
    let mut timeline = Timeline::new();
    let (counted, forked) = measured(env, || {
        timeline = Timeline::new();
        count_primes_in_forks(limit, children, &timeline)
    })?;
    anyhow::ensure!(
        counted == expected,
        "the children counted {counted}, not {expected}"
    );
    report.results(&[
        Record::new("one thread")
            .wall(one)
            .count("primes", expected),
        Record::new(format!("{children} forked children")).scaling(one, forked, children),
    ]);
    report.timeline(&timeline);

    report.say(
        "Now the danger. A helper thread takes a mutex and holds it while the main thread \
         forks. The child asks the mutex with try_lock (lock would never return), and counts \
         its own threads.",
    );
    let seen = fork_with_a_lock_held()?;
    let threads = |count: Option<u32>| count.map_or("unknown".into(), |n| n.to_string());
    report.results(&[
        Record::new("parent, at the fork")
            .text("threads", threads(seen.parent_threads))
            .text(
                "mutex",
                if seen.parent_took_it {
                    "free again once the helper let go"
                } else {
                    "still locked"
                },
            ),
        Record::new("child")
            .text("threads", threads(seen.child_threads))
            .text(
                "mutex",
                if seen.locked_in_child {
                    "locked, by a thread that does not exist here"
                } else {
                    "free"
                },
            ),
    ]);
    report.say(
        "Only the thread that called fork exists in the child; the helper, and its hold on the \
         mutex, were copied as they stood. Any lock a vanished thread held stays held, and the \
         allocator, standard output and every library have locks. So the child of a \
         multi-threaded process may only use async-signal-safe calls (write, read, _exit, …) \
         until it starts a new program with exec: exactly what the children above do. Python \
         3.12 warns with a DeprecationWarning when a multi-threaded process forks, and 3.14 \
         made forkserver the default start method on Linux (macOS has used spawn since 3.8).",
    );
    Ok(())
}
