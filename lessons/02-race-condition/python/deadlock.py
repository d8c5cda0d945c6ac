"""Two locks taken in opposite orders: a deadlock, detected with a timeout instead of hanging.

Run:  python3 deadlock.py      (about 1 s)

Thread "a->b" takes lock_a then lock_b; thread "b->a" takes lock_b then lock_a. Each holds
its first lock a moment (0.1 s) before asking for the second, so each waits for the lock the
other holds: a deadlock. `acquire(timeout=1.0)` turns the endless wait into False after one
second. The two waits began together and end together: often both threads give up; or one
gives up a moment sooner, lets go of its first lock, and the other then gets both and
finishes. The fix: take the locks in the same order everywhere.
What you see (every version; one or both give up, and which one varies):
  opposite order:
    a->b gave up waiting for its second lock (deadlock)
    b->a gave up waiting for its second lock (deadlock)      (or: b->a done)
  same order:
    a->b done
    b->a done
"""
import sys
import threading
import time

lock_a, lock_b = threading.Lock(), threading.Lock()


def say(line: str) -> None:
    sys.stdout.write(line + "\n")   # one write: print() writes the line and "\n" separately


# ANCHOR: transfer
def transfer(name: str, first: threading.Lock, second: threading.Lock) -> None:
    with first:
        time.sleep(0.1)                      # hold the first lock a moment
        if second.acquire(timeout=1.0):      # a plain acquire() would wait forever
            try:
                say(f"  {name} done")
            finally:
                second.release()
        else:
            say(f"  {name} gave up waiting for its second lock (deadlock)")
# ANCHOR_END: transfer


def run(label: str, jobs: list) -> None:
    print(label)
    threads = [threading.Thread(target=transfer, args=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    # ANCHOR: orders
    run("opposite order:", [("a->b", lock_a, lock_b), ("b->a", lock_b, lock_a)])
    run("same order:", [("a->b", lock_a, lock_b), ("b->a", lock_a, lock_b)])  # a first
    # ANCHOR_END: orders
