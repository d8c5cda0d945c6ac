"""100 000 tasks, each sleeping 1 s: how long in all, and how much memory.

Run:  python3 many_tasks.py            (100 000 tasks; 2 to 4 s)
      python3 many_tasks.py 10000      (fewer tasks)

Unix only (the resource module). Every task sleeps one real second, all at once on one
thread. The program prints the wall time (2.0 to 3.4 s here, not 100 000 s: the sleeps
overlap, and creating and finishing 100 000 tasks costs the time beyond 1 s) and the
process's peak memory before and after, from resource.getrusage(RUSAGE_SELF).ru_maxrss
(kilobytes on Linux, bytes on macOS). The difference divided by the number of tasks is a
rough cost per task: about 1.5 KB on 3.11-3.13 (peak about 170 MB), 2.3 KB on 3.8-3.10
(peak about 235 MB); see NOTES.md. A task is a small object on the heap; a thread needs
its own stack.
"""
import asyncio
import resource
import sys
import time


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


# ANCHOR: tasks
async def sleeper() -> None:
    await asyncio.sleep(1)


async def main(count: int) -> None:
    tasks = [asyncio.create_task(sleeper()) for _ in range(count)]
    await asyncio.gather(*tasks)
# ANCHOR_END: tasks


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    before = peak_mb()
    start = time.monotonic()
    asyncio.run(main(count))
    elapsed = time.monotonic() - start
    after = peak_mb()
    print(f"{count:_} tasks sleeping 1 s each: {elapsed:.2f} s in all "
          f"(one after another: {count:_} s)")
    print(f"peak memory: {before:.0f} MB before, {after:.0f} MB after, "
          f"about {(after - before) * 1024 * 1024 / count:.0f} bytes per task")
