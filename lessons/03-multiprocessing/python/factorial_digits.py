"""multiprocessing.Pool(4).map: how many digits do 20000! to 20003! have?

Run:  python3 factorial_digits.py      (under a second)

Four worker processes each compute one factorial and count its digits with len(str(...)).
Only the small count travels back to the parent, not the 77 000-digit number. What you see:
  20000! has 77338 digits
  20001! has 77342 digits
  20002! has 77346 digits
  20003! has 77351 digits
(a widely copied tutorial prints 77350 for the last one; 77351 is right, and the program
checks it with log10). Versions: since 3.11 (and the security releases 3.10.7, 3.9.14,
3.8.14, 3.7.14 that backported it) str() of an int with more than 4300 digits raises
ValueError unless the limit is lifted with sys.set_int_max_str_digits(0); older releases
have neither the limit nor the function, hence the hasattr() guard.
"""
import math
import sys
from multiprocessing import Pool


# ANCHOR: digits
def factorial_digits(n: int) -> int:
    if hasattr(sys, "set_int_max_str_digits"):   # lift the 4300-digit limit
        sys.set_int_max_str_digits(0)            # (runs in each worker process)
    return len(str(math.factorial(n)))


if __name__ == "__main__":
    numbers = range(20000, 20004)
    with Pool(4) as pool:
        counts = pool.map(factorial_digits, numbers)
    for n, digits in zip(numbers, counts):
        print(f"{n}! has {digits} digits")
# ANCHOR_END: digits
    # Cross-check without building the string: digits = floor(log10(n!)) + 1.
    assert counts == [math.floor(math.lgamma(n + 1) / math.log(10)) + 1 for n in numbers]
