"""What a task costs in Python: tiny work handed to pools, timed against a plain loop.

Run:  python3 task_cost.py      (a few seconds)

Part 1 is the tutorials' is_prime over twenty numbers, on this thread, on a 4-process pool
made for the call (start-up included, as in a `with` block) and on a 4-thread pool. Part 2 is
5000 tasks that each double a number: a thread per task, ThreadPoolExecutor.submit with
result(), and a plain loop. Each figure is the median of 5 runs; the work is nothing, so the
figures are the cost of the machinery. Standard library only.
"""
import math
import statistics
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 5000


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    return all(n % d for d in range(3, math.isqrt(n) + 1, 2))


def double(n: int) -> int:
    return n * 2


def median_time(work, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# ANCHOR: tiny
def primes_on_processes(numbers) -> list:
    with ProcessPoolExecutor(max_workers=4) as pool:
        return [n for n, prime in zip(numbers, pool.map(is_prime, numbers)) if prime]
# ANCHOR_END: tiny


def primes_on_threads(numbers) -> list:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return [n for n, prime in zip(numbers, pool.map(is_prime, numbers)) if prime]


def thread_per_task() -> int:
    results = [0] * TASKS

    def run(i: int) -> None:
        results[i] = double(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(TASKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(results)


# ANCHOR: submit
def submit_to_pool() -> int:
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(double, n) for n in range(TASKS)]
        return sum(f.result() for f in futures)
# ANCHOR_END: submit


if __name__ == "__main__":
    numbers = range(100_000, 100_020)
    loop = median_time(lambda: [n for n in numbers if is_prime(n)])
    print(f"is_prime x 20, one thread:         {loop * 1e6:8.0f} us")
    for name, work in (("4 processes", primes_on_processes), ("4 threads", primes_on_threads)):
        took = median_time(lambda: work(numbers))
        print(f"is_prime x 20, {name:<12} pool:   {took * 1e6:8.0f} us  ({took / loop:.0f}x slower)")
    expected = sum(double(n) for n in range(TASKS))
    assert thread_per_task() == submit_to_pool() == expected
    threads = median_time(thread_per_task)
    for name, took in (
        ("a thread per task", threads),
        ("ThreadPoolExecutor(2)", median_time(submit_to_pool)),
        ("plain loop", median_time(lambda: sum(double(n) for n in range(TASKS)))),
    ):
        print(f"{TASKS} tiny tasks, {name:<22} {took * 1e6 / TASKS:7.2f} us per task")
