"""Two waits on two threads overlap: 2 + 1 takes 2, not 3.

Run:  python3 overlap.py      (under a second)

UNIT = 0.2: one "second" of the story lasts 0.2 s here so the program is quick; set
UNIT = 1.0 to wait real seconds. Task "slow" waits 2 units and task "fast" 1 unit, each on its
own thread. time.sleep releases the GIL (so does waiting on a socket or a file), so both
waits run at once. What you see (every version):
  fast done after 1.0 units
  slow done after 2.0 units
  both done after 2.0 units, not 3 (overlap 1.5x)
"""
import threading
import time

UNIT = 0.2          # seconds per "second" of the story
T0 = time.monotonic()


def elapsed() -> float:
    return (time.monotonic() - T0) / UNIT


# ANCHOR: task
def task(name: str, units: int) -> None:
    time.sleep(units * UNIT)            # waiting: the GIL is released meanwhile
    print(f"{name} done after {elapsed():.1f} units")
# ANCHOR_END: task


if __name__ == "__main__":
    # ANCHOR: overlap
    threads = [threading.Thread(target=task, args=("slow", 2)),
               threading.Thread(target=task, args=("fast", 1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = elapsed()
    print(f"both done after {total:.1f} units, not 3 (overlap {3 / total:.1f}x)")
    # ANCHOR_END: overlap
