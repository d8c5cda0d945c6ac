"""Pool.map with chunksize=1 against a large chunksize, on many tiny items.

Run:  python3 chunksize.py            (squares of range(200_000); a few seconds)
      python3 chunksize.py 50000      (fewer items, quicker)

Squaring a number takes well under a microsecond; sending it to a worker process and the
answer back takes far longer. With chunksize=1 every item is its own message (pickled, sent
through a pipe, answered); with chunksize=10_000 the pool sends 20 batches. Pool.map's
default chunksize is already about len(items) / (4 * processes), so it is printed too.
What you see: chunksize=1 is about a hundred times slower (60x to 190x here, 3.8 to 3.13;
see NOTES.md); the default and 10_000 are close. All three return the same list.
"""
import sys
import time
from multiprocessing import Pool


def square(n: int) -> int:
    return n * n


# ANCHOR: chunks
def timed_map(pool, items, chunksize) -> tuple:
    start = time.perf_counter()
    result = pool.map(square, items, chunksize=chunksize)
    return time.perf_counter() - start, result


if __name__ == "__main__":
    items = range(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
    with Pool(4) as pool:
        pool.map(square, range(4))                   # start the workers before timing
        one, a = timed_map(pool, items, 1)
        default, b = timed_map(pool, items, None)
        big, c = timed_map(pool, items, 10_000)
    assert a == b == c == [n * n for n in items]
    print(f"{len(items):_} squares on Pool(4)")
    print(f"chunksize=1:       {one:6.2f} s")
    print(f"chunksize default: {default:6.2f} s")
    print(f"chunksize=10_000:  {big:6.2f} s")
    print(f"chunksize=1 is {one / big:.0f}x slower than chunksize=10_000")
# ANCHOR_END: chunks
