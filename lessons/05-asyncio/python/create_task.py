"""create_task schedules a task; it starts at the creator's next suspension (await).

Run:  python3 create_task.py      (instant)

A coroutine object does nothing until awaited. asyncio.create_task wraps it in a Task and
schedules it, but the event loop runs one thing at a time: the new task gets its first
turn only when the coroutine that created it suspends, at its next `await` of something
that is not ready (here asyncio.sleep(0)). What you see (3.8+, always this order):
  main: created the task
  main: still running, no await yet
  task: started
  main: back after sleep(0)
  task: finished
  main: task returned 42
  main: made a coroutine object, not started
  coroutine: started
  coroutine: finished
  main: coroutine returned 42
"""
import asyncio


async def worker(name: str) -> int:
    print(f"{name}: started")
    await asyncio.sleep(0.01)
    print(f"{name}: finished")
    return 42


# ANCHOR: create_task
async def main() -> None:
    task = asyncio.create_task(worker("task"))   # scheduled, not yet running
    print("main: created the task")
    print("main: still running, no await yet")
    await asyncio.sleep(0)                       # main suspends: the task gets its turn
    print("main: back after sleep(0)")
    print("main: task returned", await task)
    # ANCHOR_END: create_task
    coroutine = worker("coroutine")              # no task: nothing is scheduled
    print("main: made a coroutine object, not started")
    print("main: coroutine returned", await coroutine)


if __name__ == "__main__":
    asyncio.run(main())
