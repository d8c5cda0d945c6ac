"""asyncio.gather: three sleeps of 2, 1 and 3 take 3, not 6; asyncio.run twice runs in turn.

Run:  python3 gather.py      (about 2 s)

UNIT = 0.2: one "second" lasts 0.2 s here; set UNIT = 1.0 for real seconds.
  gather      three coroutines sleeping 2, 1 and 3 units run on one event loop: while one
              sleeps the loop runs the others, so all three finish after 3 units, and the
              results come back in argument order, not finishing order.
  sequential  asyncio.run(wait(2)) then asyncio.run(wait(1)): each asyncio.run starts a
              loop, runs one coroutine to the end and closes the loop, so 2 + 1 = 3 units.
              The same two in one gather take 2.
What you see (3.8+):
  gather: ['a slept 2', 'b slept 1', 'c slept 3'] in 3.0 units (one after another: 6)
  sequential: two asyncio.run calls in 3.0 units
  one gather of the same two: 2.0 units
"""
import asyncio
import time

UNIT = 0.2


async def wait(name: str, units: int) -> str:
    await asyncio.sleep(units * UNIT)      # suspends this coroutine; the loop runs others
    return f"{name} slept {units}"


# ANCHOR: gather
async def main() -> list:
    return await asyncio.gather(wait("a", 2), wait("b", 1), wait("c", 3))
# ANCHOR_END: gather


async def two_at_once() -> list:
    return await asyncio.gather(wait("a", 2), wait("b", 1))


if __name__ == "__main__":
    start = time.monotonic()
    results = asyncio.run(main())
    print(f"gather: {results} in {(time.monotonic() - start) / UNIT:.1f} units "
          "(one after another: 6)")

    # ANCHOR: sequential
    start = time.monotonic()
    asyncio.run(wait("a", 2))              # a loop is started, runs this, and is closed
    asyncio.run(wait("b", 1))              # then a second loop, after the first is gone
    print(f"sequential: two asyncio.run calls in {(time.monotonic() - start) / UNIT:.1f} units")
    # ANCHOR_END: sequential
    start = time.monotonic()
    asyncio.run(two_at_once())
    print(f"one gather of the same two: {(time.monotonic() - start) / UNIT:.1f} units")
