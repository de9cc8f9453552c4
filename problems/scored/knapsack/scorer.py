"""Knapsack scorer: `scorer.py input output`; prints the chosen items' total worth, or exits 43
with the reason when the output is invalid."""

import sys


def reject(reason: str) -> None:
    print(reason, file=sys.stderr)
    sys.exit(43)


def main() -> None:
    with open(sys.argv[1]) as handle:
        tokens = handle.read().split()
    n, capacity = int(tokens[0]), int(tokens[1])
    items = [(int(tokens[2 + 2 * i]), int(tokens[3 + 2 * i])) for i in range(n)]
    with open(sys.argv[2], "rb") as handle:
        words = handle.read().split()
    try:
        numbers = [int(word) for word in words]
    except ValueError:
        reject("the output holds something that is not an integer")
    if not numbers:
        reject("the output is empty")
    k, chosen = numbers[0], numbers[1:]
    if k != len(chosen):
        reject(f"k is {k} but {len(chosen)} indices follow")
    if len(set(chosen)) != len(chosen):
        reject("an item is chosen twice")
    if any(not 1 <= index <= n for index in chosen):
        reject("an index is out of range")
    weight = sum(items[index - 1][0] for index in chosen)
    if weight > capacity:
        reject(f"total weight {weight} is over the capacity {capacity}")
    print(sum(items[index - 1][1] for index in chosen))


main()
