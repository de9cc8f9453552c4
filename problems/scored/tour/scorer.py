"""Tour scorer: `scorer.py input output`; prints the closed tour's length, or exits 43 with the
reason when the output is not an order of the towns."""

import math
import sys


def reject(reason: str) -> None:
    print(reason, file=sys.stderr)
    sys.exit(43)


def main() -> None:
    with open(sys.argv[1]) as handle:
        tokens = handle.read().split()
    n = int(tokens[0])
    towns = [(int(tokens[1 + 2 * i]), int(tokens[2 + 2 * i])) for i in range(n)]
    with open(sys.argv[2], "rb") as handle:
        words = handle.read().split()
    try:
        order = [int(word) for word in words]
    except ValueError:
        reject("the output holds something that is not an integer")
    if sorted(order) != list(range(1, n + 1)):
        reject(f"not an order of the {n} towns (each exactly once)")
    length = sum(math.dist(towns[order[i - 1] - 1], towns[order[i] - 1]) for i in range(n))
    print(f"{length:.3f}")


main()
