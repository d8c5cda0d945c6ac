"""sched.scheduler: enter/enterabs, priorities at equal times, cancel, chaining, non-blocking run.

Run:  python3 scheduler.py      (under a second)

UNIT = 0.1: times are in units of 0.1 s so the program is quick. The scheduler uses
time.monotonic as its clock (immune to wall-clock changes) and time.sleep to wait.
  - enterabs(time, priority, action) schedules at an absolute clock value; enter(delay,
    priority, action) at now + delay.
  - Two events due at exactly the same time run in priority order, lower number first,
    whatever order they were entered in. Careful: two enter() calls with the same delay
    are NOT the same time (each reads the clock when called), so the priority does not
    decide between them: the one entered first runs first. For a tie, use enterabs. (On
    Windows before 3.13, time.monotonic ticks only every 15.6 ms, so there the two usually
    do tie: another reason not to rely on it.)
  - cancel(event) removes an event before it runs.
  - An action can enter another event: "tick" schedules a "tock" 1 unit later.
  - run(blocking=False) runs whatever is due now and returns how long until the next event
    (None when nothing is left) instead of sleeping.
What you see (3.8+; the event entered as "cancelled" never runs):
  t=1.0  enterabs: urgent (priority 1)
  t=1.0  enterabs: routine (priority 2)
  t=1.5  enter: routine (priority 2)
  t=1.5  enter: urgent (priority 1)
  t=2.0  tick, entering tock
  t=3.0  tock
  run(blocking=False) ran nothing; next event in 0.10 s
  t=1.0  late one
  run(blocking=False) returned None: queue empty
"""
import sched
import time

UNIT = 0.1
scheduler = sched.scheduler(time.monotonic, time.sleep)
t0 = time.monotonic()


def say(text: str) -> None:
    print(f"t={(time.monotonic() - t0) / UNIT:.1f}  {text}")


def tick() -> None:
    say("tick, entering tock")
    scheduler.enter(1 * UNIT, 1, say, ("tock",))       # an action that schedules another


if __name__ == "__main__":
    # ANCHOR: enter
    at = t0 + 1 * UNIT                                 # one absolute time for both
    scheduler.enterabs(at, 2, say, ("enterabs: routine (priority 2)",))
    scheduler.enterabs(at, 1, say, ("enterabs: urgent (priority 1)",))  # tie: runs first
    scheduler.enter(1.5 * UNIT, 2, say, ("enter: routine (priority 2)",))
    scheduler.enter(1.5 * UNIT, 1, say, ("enter: urgent (priority 1)",))  # a bit later
    doomed = scheduler.enter(1.8 * UNIT, 1, say, ("cancelled",))
    scheduler.enter(2 * UNIT, 1, tick)
    scheduler.cancel(doomed)                           # removed: never runs
    scheduler.run()                                    # blocks until the queue is empty
    # ANCHOR_END: enter

    # ANCHOR: non_blocking
    t0 = time.monotonic()
    scheduler.enter(1 * UNIT, 1, say, ("late one",))
    delay = scheduler.run(blocking=False)              # nothing due yet: returns at once
    print(f"run(blocking=False) ran nothing; next event in {delay:.2f} s")
    time.sleep(delay)
    delay = scheduler.run(blocking=False)              # runs "late one"
    print(f"run(blocking=False) returned {delay}: queue empty")
    # ANCHOR_END: non_blocking
