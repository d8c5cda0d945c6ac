"""Timeouts and cancellation: wait_for, asyncio.timeout, task.cancel(), CancelledError, finally.

Run:  python3 cancel.py      (under a second)

A slow coroutine (a 10 s sleep) is stopped three ways. Each time CancelledError is raised
inside it at its `await`; it may react (here: print and re-raise, as it should) and its
`finally` block runs, so clean-up happens.
  wait_for        asyncio.wait_for(coro, timeout=0.2) cancels it and raises TimeoutError.
  timeout         `async with asyncio.timeout(0.2):` does the same for a whole block (3.11+;
                  on older versions the program says so and skips it).
  cancel          task.cancel() from outside; awaiting the task then raises CancelledError.
Versions: asyncio.TimeoutError is the builtin TimeoutError from 3.11 on, a separate class
before, so `except asyncio.TimeoutError` works everywhere. Since 3.8 CancelledError is a
BaseException, so a bare `except Exception` does not swallow it.
What you see on 3.11+ (on 3.8-3.10 the three "timeout" lines are replaced by one line,
"timeout: asyncio.timeout needs Python 3.11+"):
  wait_for: cancelled
  wait_for: finally (clean-up runs)
  wait_for: TimeoutError after 0.2 s
  timeout: cancelled
  timeout: finally (clean-up runs)
  timeout: TimeoutError after 0.2 s
  cancel: cancelled
  cancel: finally (clean-up runs)
  cancel: CancelledError in main; task.cancelled() = True
"""
import asyncio
import time


# ANCHOR: slow
async def slow(name: str) -> None:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise                                   # let the cancellation finish
    finally:
        print(f"{name}: finally (clean-up runs)")
# ANCHOR_END: slow


# ANCHOR: timeouts
async def timeouts() -> None:
    start = time.monotonic()
    try:
        await asyncio.wait_for(slow("wait_for"), timeout=0.2)
    except asyncio.TimeoutError:
        print(f"wait_for: TimeoutError after {time.monotonic() - start:.1f} s")

    if hasattr(asyncio, "timeout"):             # 3.11+
        start = time.monotonic()
        try:
            async with asyncio.timeout(0.2):
                await slow("timeout")
        except TimeoutError:
            print(f"timeout: TimeoutError after {time.monotonic() - start:.1f} s")
    else:
        print("timeout: asyncio.timeout needs Python 3.11+")
# ANCHOR_END: timeouts


# ANCHOR: cancel
async def cancel_a_task() -> None:
    task = asyncio.create_task(slow("cancel"))
    await asyncio.sleep(0.1)                    # let it start and reach its sleep
    task.cancel()                               # a request: raised inside at its await
    try:
        await task
    except asyncio.CancelledError:
        print("cancel: CancelledError in main; task.cancelled() =", task.cancelled())
# ANCHOR_END: cancel


async def main() -> None:
    await timeouts()
    await cancel_a_task()


if __name__ == "__main__":
    asyncio.run(main())
