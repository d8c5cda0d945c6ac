"""A 3-stage pipeline on bounded queues: a fast producer is held back by a slow middle stage.

Run:  python3 pipeline.py      (about 1 s)

UNIT = 0.05 s. produce -> [raw] -> square (slow: 1 unit per item) -> [done] -> consume.
The producer could make all 8 items at once. With bounded queues (maxsize=2) put() on a
full queue blocks, so the producer can run only a couple of items ahead of the slow stage:
backpressure. It finishes at t=5, memory stays bounded (at most 2 items waiting in raw),
and the whole run still takes 8 units: the slow stage sets the pace either way. The same
pipeline with unbounded queues (maxsize=0) is run for comparison: the producer finishes at
once and all the items pile up in raw. A None sentinel flows down the pipeline to stop
each stage in turn.
What you see (3.8+, times may vary by 0.1):
  maxsize=2:
    item 0: put at t=0.0, consumed at t=1.0
    item 1: put at t=0.0, consumed at t=2.0
    item 2: put at t=0.0, consumed at t=3.0
    item 3: put at t=1.0, consumed at t=4.0
    ... one item per unit ...
    item 7: put at t=5.0, consumed at t=8.0
    producer done at t=5.0, at most 2 items waiting in raw, 8 results
  maxsize=0 (unbounded):
    producer done at t=0.0, at most 8 items waiting in raw, 8 results
"""
import queue
import threading
import time

UNIT, ITEMS, STOP = 0.05, 8, None


# ANCHOR: stages
def produce(out: queue.Queue, log: dict) -> None:
    for i in range(ITEMS):
        out.put(i)                          # blocks while `out` is full
        log["put", i] = time.monotonic()
        log["waiting"] = max(log.get("waiting", 0), out.qsize())
    out.put(STOP)


def square(inp: queue.Queue, out: queue.Queue) -> None:
    while (i := inp.get()) is not STOP:
        time.sleep(UNIT)                    # the slow stage
        out.put((i, i * i))
    out.put(STOP)                           # pass the sentinel on


def consume(inp: queue.Queue, log: dict, results: list) -> None:
    while (item := inp.get()) is not STOP:
        log["consumed", item[0]] = time.monotonic()
        results.append(item)


def run(maxsize: int) -> tuple:
    raw, done = queue.Queue(maxsize), queue.Queue(maxsize)    # 0 means unbounded
    log, results = {}, []
    stages = [threading.Thread(target=produce, args=(raw, log)),
              threading.Thread(target=square, args=(raw, done)),
              threading.Thread(target=consume, args=(done, log, results))]
    for stage in stages:
        stage.start()
    for stage in stages:
        stage.join()
    return log, results
# ANCHOR_END: stages


def report(label: str, maxsize: int, show_items: bool) -> None:
    t0 = time.monotonic()
    log, results = run(maxsize)
    t = {key: (value - t0) / UNIT for key, value in log.items() if key != "waiting"}
    print(label)
    for i in range(ITEMS if show_items else 0):
        print(f"  item {i}: put at t={t['put', i]:.1f}, consumed at t={t['consumed', i]:.1f}")
    print(f"  producer done at t={t['put', ITEMS - 1]:.1f}, at most {log['waiting']} items "
          f"waiting in raw, {len(results)} results")


if __name__ == "__main__":
    report("maxsize=2:", 2, True)
    report("maxsize=0 (unbounded):", 0, False)
