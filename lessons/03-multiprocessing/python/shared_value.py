"""A multiprocessing.Value('i') counter shared by 4 processes, without and with get_lock().

Run:  python3 shared_value.py      (about 1 s)

The counter lives in shared memory. Each of 4 processes adds 1 to it 50 000 times.
  unlocked  `counter.value += 1`: reading .value and writing it each take the Value's lock,
            but separately, so between the read and the write another process can add, and
            its update is lost. Processes truly run in parallel (no GIL between them), so
            the loss is large on every version (74 000 to 131 000 of 200 000 here).
  locked    `with counter.get_lock(): counter.value += 1`: the read and the write happen
            under one hold of the lock. Always 200000, lost 0.
"""
from multiprocessing import Process, Value

PROCESSES, TIMES = 4, 50_000


# ANCHOR: unlocked
def add_unlocked(counter) -> None:
    for _ in range(TIMES):
        counter.value += 1                 # read, then write: not one step
# ANCHOR_END: unlocked


# ANCHOR: locked
def add_locked(counter) -> None:
    for _ in range(TIMES):
        with counter.get_lock():           # the Value's own lock, held for both steps
            counter.value += 1
# ANCHOR_END: locked


def run(label: str, worker) -> None:
    counter = Value("i", 0)                # a C int in shared memory, with a lock
    procs = [Process(target=worker, args=(counter,)) for _ in range(PROCESSES)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    expected = PROCESSES * TIMES
    print(f"{label:<9} expected={expected} got={counter.value} lost={expected - counter.value}")


if __name__ == "__main__":
    run("unlocked", add_unlocked)
    run("locked", add_locked)
