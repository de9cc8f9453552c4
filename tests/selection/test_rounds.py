"""Input rounds (solver/selection/rounds.py) on a real sandbox: the failure mode of issue 18
reproduced and fixed. One lowercase word in; the word cut after its last vowel, "ntry" appended,
out. Three accepted programs and three wrong ones that mishandle words without an "a". The
examples' words are full of a's, so mutation alone (one batch, AlphaCode's way) never makes a
word without one: the wrong programs share the biggest cluster with the right ones. Rounds add
inputs that take a letter away, run them on that cluster, and split it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sandbox.jobs import Program
from solver.problem import load_problem
from solver.sampling.types import Sample
from solver.selection.select import SelectionOptions, select
from tests.conftest import write

STATEMENT = """---
title: Last Vowel
time_limit: 2
memory_limit: 256
---

Cut the word after its last vowel (a, e, i, o or u) and append "ntry".

## Input

One line with a word w of lowercase letters (1 <= |w| <= 20) that has at least one vowel.

## Output

The word up to and including its last vowel, then "ntry".

## Examples

```input
panamanian
```

```output
panamaniantry
```

```input
tarantulas
```

```output
tarantulantry
```

```input
barbarians
```

```output
barbariantry
```
"""

RIGHT = [
    "w = input().strip()\ni = max(w.rfind(v) for v in 'aeiou')\nprint(w[:i + 1] + 'ntry')\n",
    "import sys\nw = sys.stdin.readline().strip()\nk = len(w) - 1\n"
    "while w[k] not in 'aeiou':\n    k -= 1\nprint(w[:k + 1] + 'ntry')\n",
    "import re\nw = input().strip()\nprint(re.match(r'(.*[aeiou])', w).group(1) + 'ntry')\n",
]
# Each mishandles words without an "a" (as the held-out jury's wrong programs did).
WRONG = [
    # looks for the last "a" first, and the other vowels only after it
    "w = input().strip()\ni = w.rfind('a')\ni = max([i] + [w.rfind(v, i) for v in 'eiou'])\n"
    "print(w[:i + 1] + 'ntry')\n",
    # without an "a", treats the last letter as the last vowel
    "w = input().strip()\nfirst = w.index('a') if 'a' in w else len(w) - 1\n"
    "i = max([first] + [w.rfind(v) for v in 'aeiou'])\nprint(w[:i + 1] + 'ntry')\n",
    # keeps the whole word when it has no "a"
    "w = input().strip()\nif 'a' not in w:\n    print(w + 'ntry')\nelse:\n"
    "    i = max(w.rfind(v) for v in 'aeiou')\n    print(w[:i + 1] + 'ntry')\n",
]


def _correct(source: str, word: str) -> bool:
    """Whether a program's rule matches the right one on this word (run here, not sandboxed:
    the programs are ours)."""
    import contextlib
    import io
    import sys

    out = io.StringIO()
    stdin = sys.stdin
    try:
        sys.stdin = io.StringIO(word + "\n")
        with contextlib.redirect_stdout(out):
            exec(source, {})
    finally:
        sys.stdin = stdin
    i = max(word.rfind(v) for v in "aeiou")
    return out.getvalue().strip() == word[:i + 1] + "ntry"


def test_the_wrong_programs_are_wrong_only_without_an_a() -> None:
    for source in WRONG:
        assert all(_correct(source, w) for w in ("panamanian", "tarantulas", "barbarians"))
        assert not _correct(source, "hellos")
    for source in RIGHT:
        assert all(_correct(source, w) for w in ("banana", "hello", "hellos", "xyzzye"))


def _samples() -> list[Sample]:
    sources = RIGHT + WRONG
    return [Sample(index=i, text=s, finished=True, program=Program("python3", s))
            for i, s in enumerate(sources)]


def test_rounds_split_the_wrong_programs_off(pool, tmp_path: Path) -> None:
    problem = load_problem(write(tmp_path / "vowel.md", STATEMENT))
    right = {Program("python3", s).key for s in RIGHT}
    one_batch = SelectionOptions(input_rounds=0)

    before = select(problem, _samples(), pool, one_batch)
    assert before.stats.passed_examples == 6
    top = {m.key for m in before.clusters[0].members}
    # The failure: no generated word lacks an "a", so all five programs agree everywhere.
    assert top & right and top - right, "the wrong programs should hide in the biggest cluster"

    after = select(problem, _samples(), pool, replace(one_batch, input_rounds=3))
    assert after.stats.input_rounds >= 1 and after.stats.splitting_rounds >= 1
    assert {m.key for m in after.clusters[0].members} == right
    assert after.candidates[0].program.key in right
    assert after.stats.decided_by == "size"


def test_the_seconds_budget_ends_the_rounds(pool, tmp_path: Path) -> None:
    problem = load_problem(write(tmp_path / "vowel.md", STATEMENT))
    # Patience that would run all five rounds; a budget spent as soon as the first one ends.
    options = SelectionOptions(input_rounds=5, round_patience=5, round_seconds=1e-9)
    spent = select(problem, _samples(), pool, options)
    assert spent.stats.input_rounds == 1 and spent.stats.rounds_out_of_time
    unbounded = select(problem, _samples(), pool, replace(options, round_seconds=None))
    assert unbounded.stats.input_rounds > 1 and not unbounded.stats.rounds_out_of_time
