"""Executors have no priorities: jobs start in the order they were submitted.

Run:  python3 submit_order.py      (about half a second)

Six jobs, each tagged with a "priority" (0 = most urgent), are submitted to a
ThreadPoolExecutor with 2 workers; the most urgent one is submitted last. Each job records
when it started and sleeps 0.1 s. The executor keeps one plain FIFO queue of work items,
so the jobs start in submission order and the urgent job starts last. (To run by
priority, put the work on a queue.PriorityQueue and have workers take from it: lesson 06.)
What you see (every version):
  submitted: ['p3', 'p5', 'p1', 'p4', 'p2', 'p0']
  started:   ['p3', 'p5', 'p1', 'p4', 'p2', 'p0']
(with 2 workers, two jobs that start together could record themselves in either order;
in practice the pool hands them out one by one, in order.)
"""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

started = []
started_lock = threading.Lock()


def job(name: str) -> None:
    with started_lock:
        started.append(name)
    time.sleep(0.1)


if __name__ == "__main__":
    # ANCHOR: submit_order
    priorities = [3, 5, 1, 4, 2, 0]               # 0 = most urgent, submitted last
    names = [f"p{p}" for p in priorities]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for name in names:
            pool.submit(job, name)
    # leaving the with block waits for all the jobs
    print("submitted:", names)
    print("started:  ", started)
    # ANCHOR_END: submit_order
