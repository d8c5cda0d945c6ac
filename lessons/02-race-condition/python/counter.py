"""A shared counter on 4 threads: unlocked, unlocked with a call, and locked.

Run:  python3 counter.py             (4 threads x 1 000 000; about 1 s on 3.11, 5 s on 3.8)
      python3 counter.py 100000      (4 threads x 100 000: too short to be trusted, see below)

Each version prints expected/got/lost.
  unlocked        `counter += 1`, no lock.
  unlocked+call   `value = counter; value = bump(value); counter = value`, no lock.
  locked          the same increment inside `with lock:`: always got=4000000 lost=0.
What you see without the lock depends on the version (5 runs per version: see NOTES.md):
  - unlocked: 3.8 and 3.9 lose updates (1.1 to 2.1 million of 4 000 000 in our runs);
    3.10 to 3.13 lost none, an accident of where the interpreter lets threads switch,
    not a promise;
  - unlocked+call: every version loses updates (0.8 to 2.8 million in our runs).
A short run misleads: with 100 000 per thread each loop lasts only a switch interval or two
(5 ms each), so threads are rarely switched out; in our runs plain `+=` then lost nothing even
on 3.8, and the version with a call lost nothing in most runs on 3.11 to 3.13.
"""
import sys
import threading

THREADS = 4
TIMES = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
counter = 0
lock = threading.Lock()


# ANCHOR: unlocked
def add_unlocked(times: int) -> None:
    global counter
    for _ in range(times):
        counter += 1                # read, add, write: another thread can slip in between
# ANCHOR_END: unlocked


# ANCHOR: unlocked_call
def bump(value: int) -> int:
    return value + 1


def add_unlocked_call(times: int) -> None:
    global counter
    for _ in range(times):
        value = counter             # read
        value = bump(value)         # a function call: a likely place for a thread switch
        counter = value             # write, perhaps over other threads' updates
# ANCHOR_END: unlocked_call


# ANCHOR: locked
def add_locked(times: int) -> None:
    global counter
    for _ in range(times):
        with lock:                  # one thread at a time from read to write
            counter += 1
# ANCHOR_END: locked


# ANCHOR: run
def run(label: str, worker) -> None:
    global counter
    counter = 0
    threads = [threading.Thread(target=worker, args=(TIMES,)) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = THREADS * TIMES
    print(f"{label:<14} expected={expected} got={counter} lost={expected - counter}")
# ANCHOR_END: run


if __name__ == "__main__":
    print("Python", sys.version.split()[0], f"- {THREADS} threads x {TIMES:_}")
    run("unlocked", add_unlocked)
    run("unlocked+call", add_unlocked_call)
    run("locked", add_locked)
