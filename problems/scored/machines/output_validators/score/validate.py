"""Machines output validator (Kattis, scoring): `validate.py input answer feedback_dir <
output`. Writes the makespan to feedback_dir/score.txt and exits 42; exits 43 with a message in
judgemessage.txt when the output is not an assignment of every job to a machine."""

import sys


def reject(feedback: str, reason: str) -> None:
    with open(feedback + "/judgemessage.txt", "w") as handle:
        handle.write(reason + "\n")
    sys.exit(43)


def main() -> None:
    feedback = sys.argv[3]
    with open(sys.argv[1]) as handle:
        tokens = handle.read().split()
    n, m = int(tokens[0]), int(tokens[1])
    times = [int(token) for token in tokens[2:2 + n]]
    words = sys.stdin.buffer.read().split()
    try:
        machines = [int(word) for word in words]
    except ValueError:
        reject(feedback, "the output holds something that is not an integer")
    if len(machines) != n:
        reject(feedback, f"{len(machines)} machines given for {n} jobs")
    if any(not 1 <= machine <= m for machine in machines):
        reject(feedback, f"a machine is not between 1 and {m}")
    load = [0] * (m + 1)
    for machine, time in zip(machines, times):
        load[machine] += time
    with open(feedback + "/score.txt", "w") as handle:
        handle.write(f"{max(load)}\n")
    sys.exit(42)


main()
