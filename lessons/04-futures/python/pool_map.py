"""ThreadPoolExecutor.map over four simulated 1-second downloads, with 4 workers and with 2.

Run:  python3 pool_map.py      (about 1 s)

UNIT = 0.2: one "second" lasts 0.2 s here; set UNIT = 1.0 for real seconds. Each "download"
sleeps 1 unit (sleeping, like waiting for the network, releases the GIL). map() returns the
results in the order of its inputs, whatever order they finish in.
What you see (every version):
  4 workers: 4 downloads in 1.0 units (one after another: 4)   (1.0 or 1.1)
  2 workers: 4 downloads in 2.0 units (one after another: 4)
  results in input order: ['a.txt: 1 unit', 'b.txt: 1 unit', 'c.txt: 1 unit', 'd.txt: 1 unit']
"""
import time
from concurrent.futures import ThreadPoolExecutor

UNIT = 0.2


def download(name: str) -> str:
    time.sleep(UNIT)                       # stands for waiting on the network
    return f"{name}: 1 unit"


# ANCHOR: map
def download_all(names: list, workers: int) -> list:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(download, names))
# ANCHOR_END: map


if __name__ == "__main__":
    names = ["a.txt", "b.txt", "c.txt", "d.txt"]
    for workers in (4, 2):
        start = time.monotonic()
        results = download_all(names, workers)
        units = (time.monotonic() - start) / UNIT
        print(f"{workers} workers: {len(names)} downloads in {units:.1f} units "
              f"(one after another: {len(names)})")
    print("results in input order:", results)
