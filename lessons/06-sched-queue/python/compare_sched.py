"""Records what CPython's sched.scheduler does on many random scenarios, for the Rust tests.

Run (from this directory):
  python3 compare_sched.py --write ../tests/data/cpython_sched.json   record the transcript
  python3 compare_sched.py --check ../tests/data/cpython_sched.json   same answers here?
Then `cargo test -p lesson-06-sched-queue --test sched_vs_cpython` replays every scenario on
the lesson's Rust scheduler and compares, line by line. Cargo never runs Python: the
transcript is committed, and this program is how it was made (and how to remake it).

A scenario is a program of operations on one scheduler with a fake clock measured in
integer milliseconds (sched accepts any consistent numbers). The clock either stands still
between delays or ticks one millisecond at every reading, as a real clock moves between
calls. The delay function moves the clock by exactly what it is asked, by half (it "wakes
up early"), or by 3 ms more ("oversleeps"); some scenarios have it enter events too, as
another thread might while run() waits. Operations:

  enter / enterabs   with a body: what the action does when it runs (more operations)
  cancel             an event by its id: ok, or the ValueError of a spent or cancelled one
  advance            move the clock (time passing between calls, or an action taking time)
  run                blocking or not; its return value, or "raised" if an action failed
  empty, queue       what the scheduler reports
  fail               (in a body) the action raises

The trace records every observable step: each enter's time, each action as it runs with the
clock's reading, every call of the delay function with its argument (including the delay(0)
after each action), cancel outcomes, run's return values, empty and the queue in order.
Standard library only; the scenarios are the same for a given --seed and --cases.
"""
import argparse
import json
import random
import sched
import sys

DELAY_MODES = ("exact", "early", "late")
CLOCK_MODES = ("still", "ticking")


# ANCHOR: generate
def generate(rng: random.Random, number: int) -> dict:
    """One random scenario: its clock, its delay function, and its program."""
    ids = iter(f"e{n}" for n in range(10_000))
    made: list = []                          # ids entered so far (for cancel targets)

    def event_op(depth: int) -> dict:
        event = next(ids)
        made.append(event)
        op = {"op": rng.choice(["enter", "enter", "enterabs"]), "id": event,
              "priority": rng.choice([-1, 0, 1, 1, 2])}
        if op["op"] == "enter":
            op["delay"] = rng.choice([0, 0, 5, 10, 10, 20, 30])
        else:
            op["time"] = rng.choice([0, 10, 20, 20, 30, 40, 60])
        op["body"] = body(depth + 1) if depth < 3 and rng.random() < 0.45 else []
        return op

    def cancel_op() -> dict:
        return {"op": "cancel", "id": rng.choice(made) if made else "e0"}

    def body(depth: int) -> list:
        ops = []
        for _ in range(rng.randint(1, 3)):
            roll = rng.random()
            if roll < 0.45:
                ops.append(event_op(depth))
            elif roll < 0.65:
                ops.append(cancel_op())
            elif roll < 0.8:
                ops.append({"op": "advance", "by": rng.choice([1, 5, 15])})
            elif roll < 0.9:
                ops.append({"op": rng.choice(["empty", "queue"])})
            else:
                ops.append({"op": "run", "blocking": False})   # run() inside an action
        if rng.random() < 0.07:
            ops.append({"op": "fail"})
        return ops

    program = []
    for _ in range(rng.randint(3, 9)):
        roll = rng.random()
        if roll < 0.6:
            program.append(event_op(0))
        elif roll < 0.75:
            program.append(cancel_op())
        elif roll < 0.85:
            program.append({"op": "advance", "by": rng.choice([5, 10, 25])})
        else:
            program.append({"op": "run", "blocking": False})
    program += [{"op": "queue"}, {"op": "run", "blocking": rng.random() < 0.8},
                {"op": "run", "blocking": True}, {"op": "empty"}]
    hooks = {}
    if rng.random() < 0.25:                  # the delay function enters an event
        hooks[str(rng.randint(1, 4))] = [event_op(2)]
    return {"name": f"case {number}", "clock": rng.choice(CLOCK_MODES),
            "delay": rng.choice(DELAY_MODES), "hooks": hooks, "program": program}
# ANCHOR_END: generate


class ActionFailed(Exception):
    pass


# ANCHOR: replay
def replay(case: dict) -> list:
    """Runs one scenario on sched.scheduler; returns its trace."""
    trace: list = []
    clock = [0]
    delays = [0]
    events: dict = {}                        # id -> the Event that enter returned

    def timefunc() -> int:
        if case["clock"] == "ticking":
            clock[0] += 1
        return clock[0]

    def delayfunc(wait: int) -> None:
        delays[0] += 1
        trace.append(f"delay {wait}")
        execute(case["hooks"].get(str(delays[0]), []))
        if case["delay"] == "early" and wait > 1:
            wait //= 2
        elif case["delay"] == "late":
            wait += 3
        clock[0] += wait

    s = sched.scheduler(timefunc, delayfunc)

    def action(event: str, body: list) -> None:
        trace.append(f"action {event} at {clock[0]}")
        execute(body)

    def execute(ops: list) -> None:
        for op in ops:
            kind = op["op"]
            if kind in ("enter", "enterabs"):
                when = op["delay"] if kind == "enter" else op["time"]
                enter = s.enter if kind == "enter" else s.enterabs
                event = enter(when, op["priority"], action, (op["id"], op["body"]))
                events[op["id"]] = event
                trace.append(f"{kind} {op['id']} -> {event.time} p{event.priority}")
            elif kind == "cancel":
                if op["id"] not in events:
                    trace.append(f"cancel {op['id']}: not entered yet")
                    continue
                try:
                    s.cancel(events[op["id"]])
                    trace.append(f"cancel {op['id']}: ok")
                except ValueError:
                    trace.append(f"cancel {op['id']}: not pending")
            elif kind == "advance":
                clock[0] += op["by"]
            elif kind == "empty":
                trace.append(f"empty -> {s.empty()}")
            elif kind == "queue":
                names = {id(event): name for name, event in events.items()}
                trace.append("queue -> " + " ".join(
                    f"{names[id(e)]}@{e.time}p{e.priority}" for e in s.queue))
            elif kind == "run":
                trace.append(f"run(blocking={op['blocking']}) -> "
                             f"{s.run(blocking=op['blocking'])}")
            elif kind == "fail":
                raise ActionFailed()

    for op in case["program"]:
        try:
            execute([op])
        except ActionFailed:
            trace.append("run raised")       # the action's exception left run()
    return trace
# ANCHOR_END: replay


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", metavar="FILE", help="record a new transcript")
    action.add_argument("--check", metavar="FILE", help="compare with a recorded one")
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    version = ".".join(map(str, sys.version_info[:3]))
    if args.write:
        rng = random.Random(args.seed)
        cases = [generate(rng, n) for n in range(args.cases)]
        for case in cases:
            case["trace"] = replay(case)
        transcript = {"python": version, "seed": args.seed, "cases": cases}
        with open(args.write, "w") as out:
            json.dump(transcript, out, separators=(",", ":"))
            out.write("\n")
        lines = sum(len(case["trace"]) for case in cases)
        print(f"CPython {version}: {len(cases)} scenarios, {lines} trace lines -> {args.write}")
        return 0
    with open(args.check) as recorded:
        transcript = json.load(recorded)
    differ = [c["name"] for c in transcript["cases"] if replay(c) != c["trace"]]
    print(f"CPython {version} against {transcript['python']}'s transcript: "
          f"{len(transcript['cases']) - len(differ)} of {len(transcript['cases'])} scenarios agree")
    for name in differ[:10]:
        print("  differs:", name)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
