"""Talking to a child process: a Queue there and back, and a Pipe ping-pong.

Run:  python3 queue_pipe.py      (under a second)

Queue: the parent puts the numbers 1..5 and then None (a sentinel: "no more work") on a
`tasks` queue; a child Process squares each number and puts (n, n*n) on a `results` queue,
and stops at the sentinel. Everything crossing a queue is pickled.
Pipe: a two-ended connection. The parent sends "ping" 1000 times and the child answers
"pong" each time; the program prints the average round trip in microseconds.
What you see (every version):
  1 -> 1
  2 -> 4  ... 5 -> 25
  pipe: 1000 round trips, NN us each   (tens of microseconds: see NOTES.md)
"""
import time
from multiprocessing import Pipe, Process, Queue


# ANCHOR: queue
def squarer(tasks: Queue, results: Queue) -> None:
    while True:
        n = tasks.get()
        if n is None:                    # the sentinel: stop
            break
        results.put((n, n * n))
# ANCHOR_END: queue


# ANCHOR: pipe
def ponger(conn) -> None:
    while True:
        message = conn.recv()
        if message is None:
            break
        conn.send("pong")
# ANCHOR_END: pipe


if __name__ == "__main__":
    tasks, results = Queue(), Queue()
    child = Process(target=squarer, args=(tasks, results))
    child.start()
    for n in range(1, 6):
        tasks.put(n)
    tasks.put(None)
    for _ in range(5):
        n, square = results.get()
        print(f"{n} -> {square}")
    child.join()

    parent_end, child_end = Pipe()
    child = Process(target=ponger, args=(child_end,))
    child.start()
    start = time.perf_counter()
    for _ in range(1000):
        parent_end.send("ping")
        assert parent_end.recv() == "pong"
    elapsed = time.perf_counter() - start
    parent_end.send(None)
    child.join()
    print(f"pipe: 1000 round trips, {elapsed / 1000 * 1e6:.0f} us each")
