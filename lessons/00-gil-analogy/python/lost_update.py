"""Lost updates: `counter += 1` from 4 threads x 200 000, with no lock.

Run:  python3 lost_update.py            (4 threads x 200 000; well under a second)
      python3 lost_update.py 1000000    (4 threads x 1 000 000: more thread switches)

Two versions of the same unlocked loop run on 4 threads; each prints expected/got/lost.
  plain      `counter += 1`: one statement, but a read, an add and a write.
  with call  `value = counter; value = bump(value); counter = value`: the same steps with a
             function call between the read and the write.
What you see (CPython with the GIL, 2-core machine; all runs are in NOTES.md):
  - plain: 3.8 and 3.9 lose updates, though not in every short run (at 200 000, 3.8 lost
    nothing in 3 runs of 5); 3.10 to 3.13 lost none in any run. The GIL did not become a
    lock for `+=`: 3.10 changed *where* a thread may be switched out, and no switch falls
    between the read and the write of this loop any more. Nothing promises that.
  - with call: every version loses updates, usually 100 000 or more, but again not in every
    short run: each thread's loop lasts only a few switch intervals (5 ms each), so there are
    few switches, and a run where none lands between a read and its write loses nothing.
  With `python3 lost_update.py 1000000` every run lost updates on 3.8 and 3.9 (plain) and
  on every version (with call), and 3.10+ still lost none on plain `+=`.
The GIL makes each bytecode atomic, not each line of Python.
"""
import sys
import threading

THREADS = 4
TIMES = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
counter = 0


# ANCHOR: plain
def add_plain(times: int) -> None:
    global counter
    for _ in range(times):
        counter += 1                  # read, add, write: three steps
# ANCHOR_END: plain


# ANCHOR: with_call
def bump(value: int) -> int:
    return value + 1


def add_with_call(times: int) -> None:
    global counter
    for _ in range(times):
        value = counter               # read
        value = bump(value)           # a call: a thread switch may happen here
        counter = value               # write: may overwrite another thread's updates
# ANCHOR_END: with_call


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
    print(f"{label:<10} expected={expected} got={counter} lost={expected - counter}")


if __name__ == "__main__":
    print("Python", sys.version.split()[0], f"- {THREADS} threads x {TIMES:_}")
    run("plain", add_plain)
    run("with call", add_with_call)
# ANCHOR_END: run
