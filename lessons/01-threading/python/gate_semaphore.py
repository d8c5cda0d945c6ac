"""An Event as a starting gate and a Semaphore(3) limiting downloads to three at a time.

Run:  python3 gate_semaphore.py      (under a second)

UNIT = 0.2: one "second" lasts 0.2 s here; set UNIT = 1.0 for real seconds. Eight runner
threads start at once and wait at the gate (threading.Event). After 1 unit the main thread
opens it with gate.set(). Each runner then "downloads" for 1 unit (a sleep) inside
`with limit:` (threading.Semaphore(3)), so at most three download at a time. A counter under a
Lock records the peak number in flight. What you see (every version):
   1.0  gate opened
   1.0  runner 0 downloading        (three runners at 1.0, three at 2.0, two at 3.0;
   ...                               which runners go in which wave varies)
  all done after 4.0 units; peak in flight 3 (limit 3)
"""
import sys
import threading
import time

UNIT = 0.2
RUNNERS = 8

gate = threading.Event()
limit = threading.Semaphore(3)
count_lock = threading.Lock()
in_flight = peak = 0
t0 = time.monotonic()


def now() -> float:
    return (time.monotonic() - t0) / UNIT


def say(line: str) -> None:
    sys.stdout.write(line + "\n")   # one write: print() writes the line and "\n" separately


def download() -> None:
    global in_flight, peak
    with count_lock:
        in_flight += 1
        peak = max(peak, in_flight)
    time.sleep(UNIT)                # the "download"
    with count_lock:
        in_flight -= 1


# ANCHOR: runner
def runner(i: int) -> None:
    gate.wait()                     # sleeps until another thread calls gate.set()
    with limit:                     # at most three threads in here at once
        say(f"{now():4.1f}  runner {i} downloading")
        download()
# ANCHOR_END: runner


if __name__ == "__main__":
    threads = [threading.Thread(target=runner, args=(i,)) for i in range(RUNNERS)]
    for t in threads:
        t.start()
    time.sleep(UNIT)
    print(f"{now():4.1f}  gate opened")
    gate.set()
    for t in threads:
        t.join()
    print(f"all done after {now():.1f} units; peak in flight {peak} (limit 3)")
