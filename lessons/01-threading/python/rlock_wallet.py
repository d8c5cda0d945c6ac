"""A wallet whose locked method calls another locked method: RLock works, Lock would hang.

Run:  python3 rlock_wallet.py      (about half a second)

deposit() takes the wallet's lock; deposit_twice() takes it too and calls deposit() inside.
An RLock may be taken again by the thread that already holds it (it counts, and is free
again when the count is back to zero), so 4 threads x 1000 deposit_twice(1, 2) end at
exactly 12000. The program then takes a plain Lock twice on one thread, the second time
with a timeout so it cannot hang: without one, that acquire would wait forever for a lock
its own thread holds. What you see (every version):
  RLock wallet: balance 12000 (expected 12000)
  Lock wallet: inner acquire gave up after 0.5 s: a plain Lock is not re-entrant
"""
import threading


# ANCHOR: wallet
class Wallet:
    def __init__(self) -> None:
        self._lock, self.balance = threading.RLock(), 0

    def deposit(self, amount: int) -> None:
        with self._lock:
            self.balance += amount

    def deposit_twice(self, first: int, second: int) -> None:
        with self._lock:                 # held here...
            self.deposit(first)          # ...and taken again inside: fine for an RLock
            self.deposit(second)
# ANCHOR_END: wallet


def deposits(wallet: Wallet) -> None:
    for _ in range(1000):
        wallet.deposit_twice(1, 2)


# ANCHOR: plain_lock
def try_plain_lock() -> None:
    lock = threading.Lock()
    with lock:
        if lock.acquire(timeout=0.5):    # what `with lock:` inside deposit() would do
            lock.release()
            print("Lock wallet: inner acquire succeeded (unexpected)")
        else:
            print("Lock wallet: inner acquire gave up after 0.5 s: "
                  "a plain Lock is not re-entrant")
# ANCHOR_END: plain_lock


if __name__ == "__main__":
    wallet = Wallet()
    threads = [threading.Thread(target=deposits, args=(wallet,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"RLock wallet: balance {wallet.balance} (expected {4 * 1000 * 3})")
    try_plain_lock()
