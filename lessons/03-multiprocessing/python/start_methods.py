"""Start-up cost of 50 do-nothing processes with "fork", "forkserver" and "spawn".

Run:  python3 start_methods.py      (a few seconds)

multiprocessing can start a child three ways (Linux has all three; Windows only spawn):
  fork        copy the parent process as it is; the child starts at once.
  spawn       start a fresh interpreter that re-imports the main module.
  forkserver  fork from a small server process started on first use (timed here too).
The program prints the default start method, then starts and joins 50 processes that do
nothing with each method, and prints the times and how much slower spawn is than fork.
What you see: fork takes about 1 ms per process, forkserver a few ms, spawn 15 to 50 ms
(spawn was 15x to 35x slower than fork here, 3.8 to 3.13). The default is "fork" on Linux
up to 3.13 and "forkserver" from 3.14; "spawn" on macOS (since 3.8) and Windows. Code that
must run everywhere should work under spawn: module-level code runs again in every child,
hence `if __name__ == "__main__":`.
"""
import multiprocessing
import time

COUNT = 50


def nothing() -> None:
    pass


# ANCHOR: start_methods
def start_and_join(method: str) -> float:
    ctx = multiprocessing.get_context(method)
    start = time.perf_counter()
    procs = [ctx.Process(target=nothing) for _ in range(COUNT)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return time.perf_counter() - start


if __name__ == "__main__":
    print("default start method:", multiprocessing.get_start_method())
    times = {}
    for method in ("fork", "forkserver", "spawn"):
        times[method] = start_and_join(method)
        print(f"{method:<10} {COUNT} processes in {times[method]:5.2f} s "
              f"({times[method] / COUNT * 1000:5.1f} ms each)")
    print(f"spawn is {times['spawn'] / times['fork']:.0f}x slower than fork")
# ANCHOR_END: start_methods
