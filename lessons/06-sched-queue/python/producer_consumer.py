"""Producer/consumer over queue.Queue: wait with task_done()/join(), then stop with sentinels.

Run:  python3 producer_consumer.py      (under a second)

Part 1, join: three daemon worker threads loop forever taking jobs. After each job a worker
calls q.task_done(); q.join() in the main thread returns once every job put on the queue
has been marked done. The workers are never stopped: they are daemon threads, still blocked
in q.get() when the program exits.
Part 2, sentinel: the same workers, but the producer puts one None per worker after the
jobs; a worker that gets None leaves its loop, so the threads can be joined and really end.
(3.13 added Queue.shutdown(), which makes get() raise queue.ShutDown once the queue is
empty: a built-in sentinel. This program uses the sentinel, which works on every version.)
What you see (3.8+; which worker took which job varies):
  join: 9 jobs done, sum of squares 285; workers still alive: 3
  sentinel: 9 jobs done, sum of squares 285; workers still alive: 0
  jobs per worker: {'w0': 3, 'w1': 3, 'w2': 3}   (the split varies)
"""
import queue
import threading
import time
from collections import Counter

WORKERS, JOBS = 3, range(1, 10)


# ANCHOR: join
def worker_forever(q: queue.Queue, results: list) -> None:
    while True:
        n = q.get()
        time.sleep(0.01)                    # the work
        results.append(n * n)
        q.task_done()                       # one job finished: join() counts these


def with_join() -> None:
    q, results = queue.Queue(), []
    workers = [threading.Thread(target=worker_forever, args=(q, results), daemon=True)
               for _ in range(WORKERS)]
    for w in workers:
        w.start()
    for n in JOBS:
        q.put(n)
    q.join()                                # until every put() has its task_done()
    alive = sum(w.is_alive() for w in workers)
    print(f"join: {len(results)} jobs done, sum of squares {sum(results)}; "
          f"workers still alive: {alive}")
# ANCHOR_END: join


# ANCHOR: sentinel
STOP = None


def worker_until_stop(name: str, q: queue.Queue, results: list) -> None:
    while True:
        n = q.get()
        if n is STOP:
            break                           # the producer said there is no more work
        time.sleep(0.01)
        results.append((name, n * n))


def with_sentinel() -> None:
    q, results = queue.Queue(), []
    workers = [threading.Thread(target=worker_until_stop, args=(f"w{i}", q, results))
               for i in range(WORKERS)]
    for w in workers:
        w.start()
    for n in JOBS:
        q.put(n)
    for _ in workers:
        q.put(STOP)                         # one sentinel per worker
    for w in workers:
        w.join()
    alive = sum(w.is_alive() for w in workers)
    print(f"sentinel: {len(results)} jobs done, sum of squares "
          f"{sum(sq for _, sq in results)}; workers still alive: {alive}")
    print("jobs per worker:", dict(sorted(Counter(name for name, _ in results).items())))
# ANCHOR_END: sentinel


if __name__ == "__main__":
    with_join()
    with_sentinel()
