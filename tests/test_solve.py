"""Selection end to end on real containers, with hand-written programs in place of a model."""

from __future__ import annotations

import pytest

from sandbox.jobs import Program, Verdict
from solver.problem import load_problem
from solver.sampling import Sample
from solver.solve import SelectionOptions, select

pytestmark = pytest.mark.integration

RIGHT = "n = int(input())\na = list(map(int, input().split()))\nprint(max(a))\n"
RIGHT_TOO = "input()\nprint(max(int(x) for x in input().split()))\n"
# Passes both examples (their maximum is never last); mutated inputs tell it apart.
BUT_LAST = "input()\nprint(max(list(map(int, input().split()))[:-1]))\n"
FIRST_ONLY = "input()\nprint(input().split()[0])\n"
CRASHES = "print(undefined_name)\n"


def samples_of(*sources: str) -> list[Sample]:
    return [Sample(i, s, True, Program("python3", s)) for i, s in enumerate(sources)]


def test_select_filters_clusters_and_ranks(pool, problems_dir):
    problem = load_problem(problems_dir / "max-of-list")
    # The wrong "all but last" program appears 3 times, the right ones 4 times in two spellings.
    drawn = samples_of(RIGHT, RIGHT, RIGHT_TOO, RIGHT_TOO, BUT_LAST, BUT_LAST, BUT_LAST,
                       FIRST_ONLY, CRASHES)
    result = select(problem, drawn, pool, SelectionOptions(generated_inputs=20))
    stats = result.stats
    assert (stats.sampled, stats.unique) == (9, 5)
    assert stats.passed_examples == 3  # FIRST_ONLY and CRASHES fail the examples
    assert stats.generated_inputs > 0
    first = result.candidates[0]
    assert first.program.source in (RIGHT, RIGHT_TOO)
    assert first.cluster_size == 4 and first.cluster_members == 2
    assert first.hidden_verdict is Verdict.OK
    assert stats.clusters == 2
    wrong = [c for c in result.candidates if c.program.source == BUT_LAST]
    assert wrong and wrong[0].hidden_verdict is not Verdict.OK  # RE on n = 1, WA elsewhere
    assert result.solved is True
    # One program per cluster first, then round-robin: every unique survivor shows up once.
    sources = [c.program.source for c in result.candidates]
    assert len(sources) == len(set(sources)) == stats.passed_examples


def test_nothing_passes(pool, problems_dir):
    problem = load_problem(problems_dir / "sum-of-two")
    result = select(problem, samples_of(CRASHES, "print(42)\n"), pool)
    assert result.candidates == []
    assert result.stats.passed_examples == 0
    assert result.solved is False
