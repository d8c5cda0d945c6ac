"""ProcessPoolExecutor(4).map(is_prime, range(100_000, 100_020)).

Run:  python3 process_primes.py      (under a second)

The same Executor interface as threads, but the work runs in 4 worker processes, so
CPU-bound Python code can use several cores. is_prime must be defined at module level (the
workers find it by importing this module) and the entry point must be guarded by
`if __name__ == "__main__":` (with the "spawn" start method each worker re-imports the
module). map() returns results in input order. What you see (every version):
  100000 False
  ...
  100003 True
  ...
  100019 True
  primes: [100003, 100019]
"""
import math
from concurrent.futures import ProcessPoolExecutor


# ANCHOR: is_prime
def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    for d in range(3, math.isqrt(n) + 1, 2):
        if n % d == 0:
            return False
    return True
# ANCHOR_END: is_prime


if __name__ == "__main__":
    # ANCHOR: map
    numbers = range(100_000, 100_020)
    with ProcessPoolExecutor(max_workers=4) as pool:
        flags = list(pool.map(is_prime, numbers))
    for n, prime in zip(numbers, flags):
        print(n, prime)
    # ANCHOR_END: map
    print("primes:", [n for n, prime in zip(numbers, flags) if prime])
