"""Check, then act: a racy bank withdrawal goes negative; a lock fixes it.

Run:  python3 bank.py

The account holds 100. Five threads each try to withdraw 60 at the same moment (a Barrier
lines them up). Only one withdrawal can fit, so the right ending is one success, balance 40.
  racy    checks `balance >= amount`, then withdraws. A `time.sleep(0.001)` between the
          check and the withdrawal stands for any real work there (a log line, a database
          call): it lets the other threads run, and they too see enough money. All five
          succeed and the balance ends at -200 (every run, 3.8 to 3.13, in our tests).
          With `time.sleep(0)` instead the race is still there but shows only sometimes
          (in our runs: 3.8 went negative in 0 runs of 3, 3.11 and 3.13 in 3 of 3).
  locked  does the check and the withdrawal under one `with lock:`: 1 success, balance 40.
Same output on every Python 3 version with the GIL: the GIL does not make check-then-act safe.
"""
import threading
import time

ACCOUNT, AMOUNT, CUSTOMERS = 100, 60, 5
balance = ACCOUNT
lock = threading.Lock()


# ANCHOR: racy
def withdraw_racy(amount: int) -> bool:
    global balance
    if balance >= amount:           # check...
        time.sleep(0.001)           # ...any work here lets other threads run...
        balance -= amount           # ...then act, on a check that may be stale
        return True
    return False
# ANCHOR_END: racy


# ANCHOR: locked
def withdraw_locked(amount: int) -> bool:
    global balance
    with lock:                      # check and act as one step
        if balance >= amount:
            time.sleep(0.001)
            balance -= amount
            return True
        return False
# ANCHOR_END: locked


def run(label: str, withdraw) -> None:
    global balance
    balance = ACCOUNT
    start = threading.Barrier(CUSTOMERS)
    results = []

    def customer() -> None:
        start.wait()                # all customers arrive together
        results.append(withdraw(AMOUNT))   # list.append is safe under the GIL

    threads = [threading.Thread(target=customer) for _ in range(CUSTOMERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{label:<7} {results.count(True)} of {CUSTOMERS} withdrawals of {AMOUNT} "
          f"succeeded, balance {balance}")


if __name__ == "__main__":
    run("racy", withdraw_racy)
    run("locked", withdraw_locked)
