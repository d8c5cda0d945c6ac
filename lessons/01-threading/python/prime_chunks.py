"""One thread per chunk, counting primes; results go into a shared dict.

Run:  python3 prime_chunks.py            (primes below 300 000; under a second on 3.11)
      python3 prime_chunks.py 1000000    (a bigger range)

A Thread throws its function's return value away, so each thread writes its count into a
shared dict under its own key (different keys: no lock needed for this). The program counts
the primes once on the main thread, then with one thread per chunk (N = number of CPUs),
and prints both totals (the same: 25997 primes below 300 000) and the speedup. Under the
GIL the threads take turns, so the speedup is about 1x (a little below or above it on a busy
machine), not N.
"""
import os
import sys
import time
from threading import Thread


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def count_primes(lo: int, hi: int) -> int:
    return sum(1 for n in range(lo, hi) if is_prime(n))


# ANCHOR: threads
def count_on_threads(ranges: list) -> dict:
    counts = {}

    def count(t: int, lo: int, hi: int) -> None:
        counts[t] = count_primes(lo, hi)        # a Thread has no return value

    threads = [Thread(target=count, args=(t, lo, hi)) for t, (lo, hi) in enumerate(ranges)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return counts
# ANCHOR_END: threads


if __name__ == "__main__":
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    n = os.cpu_count() or 2
    step = limit // n
    ranges = [(t * step, limit if t == n - 1 else (t + 1) * step) for t in range(n)]

    start = time.perf_counter()
    total = count_primes(0, limit)
    one = time.perf_counter() - start
    print(f"1 thread:  {total} primes below {limit} in {one:.2f} s")

    start = time.perf_counter()
    counts = count_on_threads(ranges)
    many = time.perf_counter() - start
    print(f"{n} threads: {sum(counts.values())} primes in {many:.2f} s, per thread {counts}")
    print(f"speedup: {one / many:.2f}x (the GIL lets one thread run Python at a time)")
