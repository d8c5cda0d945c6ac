"""asyncio.Semaphore(3) over 10 one-second tasks: at most 3 in flight, 4 waves.

Run:  python3 semaphore.py      (about 1 s)

UNIT = 0.2: one "second" lasts 0.2 s here; set UNIT = 1.0 for real seconds. Ten tasks are
started at once with gather; each holds the semaphore while it "downloads" (sleeps 1 unit).
A plain counter tracks how many are inside at once; no lock is needed for it, because the
event loop switches tasks only at an await, and there is none between the read and the write.
What you see (3.8+):
  10 tasks, limit 3: done in 4.0 units (ceil(10 / 3) = 4 waves), peak in flight 3
  without the semaphore: done in 1.0 units, peak in flight 10
"""
import asyncio
import time

UNIT = 0.2
in_flight = peak = 0


async def download() -> None:
    global in_flight, peak
    in_flight += 1                          # no await in between: no other task can run
    peak = max(peak, in_flight)
    await asyncio.sleep(UNIT)
    in_flight -= 1


# ANCHOR: limited
async def limited(limit: asyncio.Semaphore) -> None:
    async with limit:                       # waits here while three others are inside
        await download()


async def main(tasks: int, limit: int) -> None:
    semaphore = asyncio.Semaphore(limit)    # made inside the running loop
    await asyncio.gather(*(limited(semaphore) for _ in range(tasks)))
# ANCHOR_END: limited


async def unlimited(tasks: int) -> None:
    await asyncio.gather(*(download() for _ in range(tasks)))


if __name__ == "__main__":
    start = time.monotonic()
    asyncio.run(main(10, 3))
    print(f"10 tasks, limit 3: done in {(time.monotonic() - start) / UNIT:.1f} units "
          f"(ceil(10 / 3) = 4 waves), peak in flight {peak}")
    peak = 0
    start = time.monotonic()
    asyncio.run(unlimited(10))
    print(f"without the semaphore: done in {(time.monotonic() - start) / UNIT:.1f} units, "
          f"peak in flight {peak}")
