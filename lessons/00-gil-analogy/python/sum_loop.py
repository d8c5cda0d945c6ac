"""One CPU-bound loop on 1 thread, on N threads, and on N processes.

Run:  python3 sum_loop.py            (sums range(10_000_000); a few seconds in all)
      python3 sum_loop.py 2000000    (a smaller size for a quick look)

The program adds up range(SIZE) with a plain `total += i` loop: once on the main thread, then
split into N equal chunks (N = number of CPUs) on N threads, then on N processes. Each is
timed 3 times and the best time is kept; the pool's start-up is inside the timing.
What you see on a stock CPython (3.13 and older, GIL on):
  - N threads are no faster than 1 thread (speedup about 1x; 0.99x to 1.2x on a busy 2-core
    machine, which is noise, not parallelism): only the thread holding the GIL runs Python
    bytecode, so the threads take turns;
  - N processes are close to N times faster: each has its own interpreter and its own GIL.
All three print the same total. On a free-threaded build (3.13t/3.14t, GIL off) the threads
would speed up too; no such build was measured for this course.
"""
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


# ANCHOR: work
def partial_sum(bounds: tuple) -> int:
    lo, hi = bounds
    total = 0
    for i in range(lo, hi):
        total += i
    return total
# ANCHOR_END: work


def chunks(size: int, n: int) -> list:
    step = size // n
    return [(k * step, size if k == n - 1 else (k + 1) * step) for k in range(n)]


# ANCHOR: compare
def on_pool(executor_class, n: int, parts: list) -> int:
    with executor_class(n) as pool:
        return sum(pool.map(partial_sum, parts))


def best_of_3(label: str, run) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        total = run()
        times.append(time.perf_counter() - start)
    print(f"{label:<12} {min(times):6.3f} s   total={total}")
    return min(times)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    n = os.cpu_count() or 2
    parts = chunks(size, n)
    print(f"Python {sys.version.split()[0]}, sum of range({size:_}), N = {n}")
    one = best_of_3("1 thread", lambda: partial_sum((0, size)))
    threads = best_of_3(f"{n} threads", lambda: on_pool(ThreadPoolExecutor, n, parts))
    procs = best_of_3(f"{n} processes", lambda: on_pool(ProcessPoolExecutor, n, parts))
    print(f"speedup with {n} threads:   {one / threads:.2f}x")
    print(f"speedup with {n} processes: {one / procs:.2f}x")
# ANCHOR_END: compare
