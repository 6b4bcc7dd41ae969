#!/usr/bin/env python3
"""Passes Maven's output through unchanged and, at the end, prints the wall time of each phase of the build.

A phase is one plugin execution, from its header line ("[INFO] --- surefire:3.5.4:test (default-test) @ … ---")
to the next header or the end of the output; executions shorter than a second are summed into "other". The table
is what docs/selftest.md keeps (the time budget of .ci/run).
"""
import re
import sys
import time

CLASS = re.compile(r"Tests run: .*Time elapsed: ([\d.,]+) s.* -- in ([\w.$]+)")
HEADER = re.compile(r"^\[INFO\] --- ([\w.-]+):[\w.-]+:([\w-]+) \(([\w.-]+)\) @ ")
NAMES = {
    ("surefire", "test"): "project tests (Surefire: unit, reference server, self-tests)",
    ("failsafe", "integration-test", "default"): "the suite on the embedded target (reference profile)",
    ("failsafe", "integration-test", "suite-through-public-api"): "the suite through the public API (reference-api)",
    ("failsafe", "integration-test", "runner-jar-tests"): "runner jar and examples (*RunnerIT)",
}


def name(plugin, goal, execution):
    plugin = plugin.replace("maven-", "").replace("-plugin", "")
    return NAMES.get((plugin, goal, execution)) or NAMES.get((plugin, goal)) or f"{plugin}:{goal} ({execution})"


def main():
    start = time.monotonic()
    phases = []  # [name, started]
    classes = []  # (seconds, test class)
    for line in sys.stdin:
        sys.stdout.write(line)
        sys.stdout.flush()
        match = HEADER.match(line)
        if match:
            phases.append([name(*match.groups()), time.monotonic()])
        timed = CLASS.search(line)
        if timed:
            classes.append((float(timed.group(1).replace(",", "")), timed.group(2).rsplit(".", 1)[-1]))
    end = time.monotonic()
    rows, other = [], 0.0
    for i, (phase, started) in enumerate(phases):
        took = (phases[i + 1][1] if i + 1 < len(phases) else end) - started
        if took >= 1.0:
            rows.append((phase, took))
        else:
            other += took
    before = (phases[0][1] - start) if phases else end - start
    print()
    print("Phase wall times of this build (.ci/phases.py):")
    for phase, took in rows:
        print(f"  {took:7.1f} s  {phase}")
    print(f"  {other + before:7.1f} s  other (Maven start-up and phases under 1 s)")
    print(f"  {end - start:7.1f} s  total")
    if classes:
        print("Slowest test classes (their own time, which may overlap):")
        for took, test in sorted(classes, reverse=True)[:10]:
            print(f"  {took:7.1f} s  {test}")


if __name__ == "__main__":
    main()
