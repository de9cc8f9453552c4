"""Tiny inputs (solver/selection/tiny.py): what they look like, and on a real sandbox, a program
wrong only on n = 1 split off by the first input round once tiny inputs are in it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sandbox.jobs import Program
from solver.problem import load_problem
from solver.sampling.types import Sample
from solver.selection.constraints import read_constraints
from solver.selection.select import SelectionOptions, select
from solver.selection.tiny import tiny_inputs
from tests.conftest import write


def test_blocks_are_cut_to_one_and_two_items_with_their_counts_rewritten() -> None:
    made = tiny_inputs([b"5\n3 9 4 1 7\n"], 40)
    assert made[0] == b"1\n1\n"  # one item, its smallest value first
    assert b"2\n1 1\n" in made
    for data in made:
        count, items = data.split(b"\n")[:2]
        assert int(count) == len(items.split()) <= 2


def test_values_start_at_the_low_end_of_the_statement_range() -> None:
    statement = "## Input\nOne line with n (1 <= n <= 10), then n integers a_i (5 <= a_i <= 9).\n"
    examples = [b"3\n6 8 7\n"]
    ranges = read_constraints(statement, examples)
    made = tiny_inputs(examples, 50, constraints=ranges)
    values = {int(v) for data in made for v in data.split(b"\n")[1].split()}
    assert values == {5, 6, 7}  # the range's three lowest values, not 1, 2, 3
    assert tiny_inputs(examples, 50) != made


def test_words_are_spelt_over_two_letters_and_lose_a_letter() -> None:
    made = tiny_inputs([b"banana\n"], 10)
    assert b"bbbbbb\n" in made  # the word without its "a": where the vowel mistake showed
    assert all(len(data) == len(b"banana\n") for data in made)
    short = tiny_inputs([b"2\nab ba\n"], 100)
    assert b"1\naa\n" in short and b"2\nbb bb\n" in short


def test_the_format_holds_counts_widths_lengths_and_keywords_keep_their_values() -> None:
    # "n m" then n rows of m items: rows cut, m kept, every row still m items long.
    rows_cut = tiny_inputs([b"2 3\n1 2 3\n4 5 6\n"], 30)
    assert rows_cut
    for data in rows_cut:
        header, *rows = data.split(b"\n")[:-1]
        n, m = map(int, header.split())
        assert m == 3 and len(rows) == n and all(len(row.split()) == 3 for row in rows)
    # A grid: rows cut, its width kept.
    grid = tiny_inputs([b"3 3\n#.#\n...\n.#.\n"], 10)
    assert grid and all(data.split(b"\n")[0].split()[1] == b"3" for data in grid)
    # n then a word of n letters: n is left alone, the word keeps its length.
    lengths = tiny_inputs([b"5\nabcde\n"], 10)
    assert lengths and all(data.startswith(b"5\n") and len(data) == 8 for data in lengths)
    # Repeated command words are format, not data.
    commands = tiny_inputs([b"4\nadd 3\nget 1\nadd 5\nget 2\n"], 20)
    assert commands and all(line.split()[0] in (b"add", b"get")
                            for data in commands for line in data.split(b"\n")[1:-1])
    # A count read both ways ("2" then two lines of two) counts lines: rows keep both items.
    both_ways = tiny_inputs([b"2\n5 6\n7 8\n"], 20)
    assert both_ways and all(len(line.split()) == 2 for data in both_ways
                             for line in data.split(b"\n")[1:-1])


def test_deterministic_distinct_and_within_count() -> None:
    examples = [b"3\n1 2\n3 4\n5 6\n", b"2\n7 7\n8 8\n"]
    first = tiny_inputs(examples, 15, seed=4)
    assert first == tiny_inputs(examples, 15, seed=4)
    assert len(first) == 15 == len(set(first))
    assert not set(first) & set(examples)
    assert tiny_inputs(examples, 0) == [] and tiny_inputs([], 5) == []


STATEMENT = """---
title: Best Neighbours
time_limit: 2
memory_limit: 256
---

Print the largest sum of two neighbouring numbers of the list; with one number, that number.

## Input

A line with n (1 <= n <= 100), then a line with n integers a_1, ..., a_n (1 <= a_i <= 100).

## Output

One integer.

## Examples

```input
4
3 9 4 1
```

```output
13
```

```input
5
10 20 30 40 50
```

```output
90
```
"""

RIGHT = [
    "n = int(input())\na = list(map(int, input().split()))\n"
    "print(a[0] if n == 1 else max(a[i] + a[i + 1] for i in range(n - 1)))\n",
    "n = int(input())\na = list(map(int, input().split()))\nbest = a[0]\n"
    "for i in range(n - 1):\n    best = max(best, a[i] + a[i + 1])\nprint(best)\n",
]
WRONG = [  # both forget the one-number list
    "n = int(input())\na = list(map(int, input().split()))\n"
    "print(max([a[i] + a[i + 1] for i in range(n - 1)] + [0]))\n",
    "n = int(input())\na = list(map(int, input().split()))\nbest = 0\n"
    "for i in range(1, n):\n    best = max(best, a[i - 1] + a[i])\nprint(best)\n",
]


def samples() -> list[Sample]:
    return [Sample(index=i, text=s, finished=True, program=Program("python3", s))
            for i, s in enumerate(RIGHT + WRONG)]


def test_a_round_of_tiny_inputs_splits_off_the_n_equals_one_mistake(pool, tmp_path: Path) -> None:
    problem = load_problem(write(tmp_path / "neighbours.md", STATEMENT))
    right = {Program("python3", s).key for s in RIGHT}
    # One round with nothing but what is asked for: no mutated or restricted inputs in it.
    without = SelectionOptions(generated_inputs=0, input_rounds=1, round_inputs=0,
                               largest_inputs=0, check_constraints=True)
    before = select(problem, samples(), pool, without)
    assert before.stats.passed_examples == 4
    assert len(before.clusters) == 1  # nothing told them apart

    after = select(problem, samples(), pool, replace(without, tiny_inputs=8))
    assert after.stats.splitting_rounds == 1 and after.stats.round_inputs > 0
    assert {frozenset(m.key for m in c.members) for c in after.clusters} == {
        frozenset(right), frozenset(Program("python3", s).key for s in WRONG)}
