"""Dual agreement (CodeT, Chen et al. 2022): the model also writes test cases, an input and the
output it expects, from the statement alone. A cluster scores its size times the number of those
tests its representative passes: a model's tests are often wrong, but a wrong expected output
seldom agrees with many programs, so right programs and right tests lift each other. The model
is asked here (draw_tests: statement and examples only, never hidden tests); select() runs each
cluster's representative on the valid ones (those that keep the statement's ranges and are not
an example); dual_scores is pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from solver.problem import Problem, TestCase
from solver.sampling.types import GenerationParams, Sampler
from solver.selection.clustering import Cluster

TEST_SYSTEM_PROMPT = (
    "You write test cases for competitive-programming problems. Reply with three new small "
    "test cases in the format of the problem's examples: for each, a ```input block with the "
    "exact input, then a ```output block with the exact expected output. Keep the inputs small "
    "enough to work the answer out by hand, and check each answer against the statement."
)
TEST_PREFIX = "```input\n"
PAIR_RE = re.compile(r"```input\n(.*?)```\s*```output\n(.*?)```", re.DOTALL)
MAX_TEST_BYTES = 10_000  # a hand-worked test is small; longer is a runaway reply


def test_messages(problem: Problem) -> list[dict[str, str]]:
    """The chat asking for tests: the statement (its examples included), nothing else."""
    return [
        {"role": "system", "content": TEST_SYSTEM_PROMPT},
        {"role": "user", "content": f"# {problem.title}\n\n{problem.statement}\n\n"
                                    "Write three new test cases."},
        {"role": "assistant", "content": TEST_PREFIX},
    ]


def parse_tests(reply: str) -> list[tuple[bytes, bytes]]:
    """The (input, expected output) pairs of one reply (its prefix included), in order; a pair
    cut off by the token limit is left out. Each ends with one newline, as a file would."""
    pairs = []
    for given, expected in PAIR_RE.findall(reply):
        data = given.strip("\n").encode() + b"\n"
        answer = expected.strip("\n").encode() + b"\n"
        if given.strip() and expected.strip() and len(data) + len(answer) <= MAX_TEST_BYTES:
            pairs.append((data, answer))
    return pairs


def draw_tests(problem: Problem, sampler: Sampler, params: GenerationParams) -> list[TestCase]:
    """Distinct model-written tests (by input and answer), none with an example's input.

    params: as the solutions were sampled (n: how many replies to ask for; each may hold
    several tests), without their stop strings. One test per distinct (input, answer), the
    answer's whitespace ignored as the default checker ignores it: an input the model
    answered two ways is kept both ways, and the same test written twice counts once.
    """
    if params.n <= 0:
        return []
    # The tests are fenced: a solution profile's stop at a closing fence would end the reply
    # inside the first one.
    params = replace(params, stop=())
    examples = {case.input.strip() for case in problem.examples}
    seen: set[tuple[bytes, bytes]] = set()  # (input, answer's tokens)
    tests: list[TestCase] = []
    for text, _finished, _tokens in sampler.complete(test_messages(problem), params):
        for data, answer in parse_tests(TEST_PREFIX + text):
            key = (data, b" ".join(answer.split()))
            if data.strip() in examples or key in seen:
                continue
            seen.add(key)
            tests.append(TestCase(f"model-test/{len(tests)}", data, answer))
    return tests


def dual_scores(clusters: Sequence[Cluster], passes: Mapping[int, int]) -> dict[int, float]:
    """Per cluster (by id()), CodeT's score: its samples times the model tests its
    representative passed."""
    return {id(c): float(c.size * passes.get(id(c), 0)) for c in clusters}
