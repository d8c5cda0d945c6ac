"""Numbers and letters printed by two threads, one "second" apart: 5 + 5 prints in 5 units.

Run:  python3 numbers_letters.py      (about 1 s)

UNIT = 0.2: one "second" lasts 0.2 s here; set UNIT = 1.0 for the real thing. One thread
prints 1..5, the other a..e, each sleeping 1 unit after every print. Each line shows when it
was printed, in units. What you see: the two threads print side by side, so the pairs
(1, a), (2, b), ... come out at 0, 1, 2, 3, 4 units, and the whole run takes 5 units, not 10.
Which line of a pair comes first is up to the scheduler and can change from run to run.
Each line is written with one sys.stdout.write call: print() writes the text and the
newline separately, so two threads printing at the same moment can produce "1a" and an
empty line.
"""
import sys
import threading
import time

UNIT = 0.2


def say(line: str) -> None:
    sys.stdout.write(line + "\n")   # one write: print() writes the line and "\n" separately


# ANCHOR: printers
def print_numbers(t0: float) -> None:
    for n in range(1, 6):
        say(f"{(time.monotonic() - t0) / UNIT:4.1f}  {n}")
        time.sleep(UNIT)


def print_letters(t0: float) -> None:
    for letter in "abcde":
        say(f"{(time.monotonic() - t0) / UNIT:4.1f}  {letter}")
        time.sleep(UNIT)
# ANCHOR_END: printers


if __name__ == "__main__":
    t0 = time.monotonic()
    threads = [threading.Thread(target=print_numbers, args=(t0,)),
               threading.Thread(target=print_letters, args=(t0,))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"done after {(time.monotonic() - t0) / UNIT:.1f} units, not 10")
