"""A heartbeat task beside blocking code: time.sleep stalls the loop, to_thread does not.

Run:  python3 blocking.py      (about 1 s)

A heartbeat task wakes every 0.05 s and records the time. Beside it, a job needs 0.5 s of
waiting, done two ways:
  time.sleep(0.5)                      blocks the one thread the event loop runs on: no other
                                       task runs, the heartbeat stalls for the whole 0.5 s.
  await asyncio.to_thread(time.sleep, 0.5)  runs the blocking call on a worker thread; the
                                       loop stays free and the heartbeat keeps beating.
asyncio.to_thread is 3.9+; on 3.8 the program uses loop.run_in_executor(None, ...), the
older spelling of the same thing. What you see (3.8+):
  time.sleep:         1 beats in 0.5 s, longest gap between beats 0.50 s
  asyncio.to_thread: 10 beats in 0.5 s, longest gap between beats 0.05 s
(the first beat happens before the job starts; the last gap ends when the job ends).
"""
import asyncio
import time

BLOCK, BEAT = 0.5, 0.05


async def heartbeat(beats: list) -> None:
    while True:
        beats.append(time.monotonic())
        await asyncio.sleep(BEAT)


async def run_in_thread(fn, *args):
    if hasattr(asyncio, "to_thread"):                     # 3.9+
        return await asyncio.to_thread(fn, *args)
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)


# ANCHOR: blocking
async def blocks_the_loop() -> None:
    time.sleep(BLOCK)                   # no await: nothing else runs for 0.5 s


async def leaves_the_loop_free() -> None:
    await run_in_thread(time.sleep, BLOCK)   # asyncio.to_thread(time.sleep, BLOCK)
# ANCHOR_END: blocking


async def measure(label: str, job) -> None:
    beats = []
    beater = asyncio.create_task(heartbeat(beats))
    await asyncio.sleep(0)              # let the heartbeat start
    await job()
    beater.cancel()
    times = beats + [time.monotonic()]  # the job's end closes the last gap
    gaps = [b - a for a, b in zip(times, times[1:])]
    print(f"{label:<18} {len(beats):2} beats in {BLOCK} s, "
          f"longest gap between beats {max(gaps):.2f} s")


async def main() -> None:
    await measure("time.sleep:", blocks_the_loop)
    await measure("asyncio.to_thread:", leaves_the_loop_free)


if __name__ == "__main__":
    asyncio.run(main())
