"""LifoQueue and PriorityQueue, with (priority, counter, item) to keep FIFO among equals.

Run:  python3 lifo_priority.py      (instant)

  Queue          first in, first out.
  LifoQueue      last in, first out (a stack).
  PriorityQueue  smallest entry first. Entries are compared as tuples, so (priority, item)
                 falls back to comparing the items when two priorities are equal: jobs of
                 the same priority come out in the items' own order (alphabetical here),
                 not in the order they were put, and items that cannot be compared (dicts,
                 functions) raise TypeError. A counter between them fixes both:
                 (priority, next(counter), item) never reaches the item, and equal
                 priorities come out first in, first out.
What you see (3.8+): "email" overtakes "write" in the (prio, item) queue only because
"e" < "w"; with the counter, "write" (put first) comes out first.
  Queue:                          ['write', 'backup', 'alert', 'email']
  LifoQueue:                      ['email', 'alert', 'backup', 'write']
  PriorityQueue (prio, item):     ['alert', 'email', 'write', 'backup']
  PriorityQueue (prio, n, item):  ['alert', 'write', 'email', 'backup']
  (prio, item) with dict items: TypeError: '<' not supported between instances of 'dict' and 'dict'
"""
import itertools
import queue

# (priority, job): 0 is the most urgent; three jobs share priority 1
JOBS = [(1, "write"), (2, "backup"), (0, "alert"), (1, "email")]


def drain(q) -> list:
    out = []
    while not q.empty():              # fine here: one thread only
        out.append(q.get()[-1])       # the item is the last field of each entry
    return out


if __name__ == "__main__":
    for kind in (queue.Queue, queue.LifoQueue):
        q = kind()
        for job in JOBS:
            q.put(job)
        print(f"{kind.__name__ + ':':<31}", drain(q))

    # ANCHOR: priority
    naive = queue.PriorityQueue()
    for priority, job in JOBS:
        naive.put((priority, job))              # ties compare the jobs themselves
    print(f"{'PriorityQueue (prio, item):':<31}", drain(naive))

    counter = itertools.count()                 # 0, 1, 2, ...: the order of put()
    fair = queue.PriorityQueue()
    for priority, job in JOBS:
        fair.put((priority, next(counter), job))   # ties compare the counter: FIFO
    print(f"{'PriorityQueue (prio, n, item):':<31}", drain(fair))
    # ANCHOR_END: priority

    broken = queue.PriorityQueue()
    try:
        broken.put((1, {"job": "write"}))
        broken.put((1, {"job": "email"}))       # equal priorities: compares the dicts
    except TypeError as err:
        print("(prio, item) with dict items: TypeError:", err)
