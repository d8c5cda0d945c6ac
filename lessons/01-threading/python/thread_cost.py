"""The cost of starting 1000 threads, against reusing a pool of 4.

Run:  python3 thread_cost.py      (well under a second)

1000 tiny jobs (each adds up range(100)) run two ways:
  thread per job   1000 x Thread(...).start() then join(): 1000 OS threads created.
  pool of 4        ThreadPoolExecutor(4).map over the same jobs: 4 threads, reused.
Each way is timed 3 times and the best kept; the program prints both times, the cost per
started thread in microseconds, and the ratio. What you see: starting a thread costs tens of
microseconds, so the pool is several times faster for tiny jobs (ratio varies by machine and
version; see NOTES.md). Both give the same 1000 results.
"""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

JOBS = 1000


def job(i: int) -> int:
    return sum(range(100)) + i


# ANCHOR: per_job
def thread_per_job() -> list:
    results = [0] * JOBS

    def run(i: int) -> None:
        results[i] = job(i)             # each thread writes its own slot

    threads = [threading.Thread(target=run, args=(i,)) for i in range(JOBS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results
# ANCHOR_END: per_job


# ANCHOR: pool
def pool_of_four() -> list:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(job, range(JOBS)))
# ANCHOR_END: pool


def best_of_3(fn) -> tuple:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


if __name__ == "__main__":
    threads_time, a = best_of_3(thread_per_job)
    pool_time, b = best_of_3(pool_of_four)
    assert a == b
    print(f"thread per job: {threads_time * 1000:6.1f} ms "
          f"({threads_time / JOBS * 1e6:.0f} us per thread)")
    print(f"pool of 4:      {pool_time * 1000:6.1f} ms")
    print(f"the pool is {threads_time / pool_time:.1f}x faster for {JOBS} tiny jobs")
