"""A stress run end to end on the sandbox: planted bugs found and shrunk, a right program let go,
an unanswerable input skipped, hidden tests as the reference."""

from __future__ import annotations

import time

import pytest

from sandbox.jobs import Program, Verdict
from sandbox.tester import Test, judge
from solver.problem import load_problem
from solver.run.tests import limits_for
from solver.stress.loop import StressOptions, stress
from solver.stress.reference import BRUTE, HIDDEN, Reference, StressInputError
from tests.conftest import PROBLEMS
from tests.selection.test_validators import CAPPED, PLAIN, package

pytestmark = pytest.mark.integration

READ = "n = int(input())\na = list(map(int, input().split()))\n"
BRUTE_MAX = Program("python3", READ + "print(max(a))\n")
# Starts its running maximum at 0: wrong exactly when every number is negative.
ZERO_START = Program("python3", READ + "best = 0\nfor x in a:\n    best = max(best, x)\n"
                     "print(best)\n")
# The planted bug of the task: wrong when the maximum is negative, or when n > 5 (it looks at
# the first five numbers only).
FIRST_FIVE = Program("python3", READ + "best = 0\nfor x in a[:5]:\n    best = max(best, x)\n"
                     "print(best)\n")
# Crashes where ZERO_START is wrong: same inputs, another verdict.
CRASH_ON_NEGATIVE = Program("python3", READ + "assert max(a) >= 0\nprint(max(a))\n")
# A reference that cannot answer any input with a negative number.
BRUTE_NON_NEGATIVE = Program("python3", READ + "assert min(a) >= 0\nprint(max(a))\n")
# Lists of 1..8 numbers in 0..20: no negative maximum, so only n > 5 can fail.
NON_NEGATIVE_GENERATOR = Program("python3", (
    "import random, sys\nrandom.seed(int(sys.argv[1]))\nn = random.randint(1, 8)\n"
    "print(n)\nprint(*[random.randint(0, 20) for _ in range(n)])\n"))


@pytest.fixture(scope="module")
def max_of_list():
    return load_problem(PROBLEMS / "max-of-list")


def brute(program: Program = BRUTE_MAX) -> Reference:
    return Reference(BRUTE, "brute.py", program=program)


def items(data: bytes) -> list[int]:
    count, values = data.split(b"\n")[:2]
    values = [int(x) for x in values.split()]
    assert int(count) == len(values), f"the count no longer matches: {data!r}"
    return values


def verdict_on(pool, program: Program, problem, data: bytes) -> Verdict:
    """PROGRAM judged on `data` against BRUTE_MAX's answer, outside the stress code."""
    limits, checker = limits_for(problem), problem.output_checker
    (answer,) = judge(pool, [BRUTE_MAX], [Test("brute", data)], limits, checker)[BRUTE_MAX.key]
    assert answer.verdict is Verdict.OK
    (run,) = judge(pool, [program], [Test("check", data, answer.stdout)], limits,
                   checker)[program.key]
    return run.verdict


def test_the_planted_bug_is_found_and_shrunk_within_seconds(pool, max_of_list):
    started = time.monotonic()
    report = stress(pool, FIRST_FIVE, max_of_list, brute(), StressOptions(time_s=20))
    took = time.monotonic() - started
    found = report.counterexample
    assert found is not None, report
    assert found.verdict is Verdict.WA
    # The smallest failing list: one item, negative (or six, for the n > 5 bug).
    assert len(items(found.input)) <= 2 and found.input.count(b"\n") <= 3, found.input
    assert max(items(found.input)) < 0
    assert found.input == b"1\n-1\n"
    assert (found.output.strip(), found.expected.strip()) == (b"0", b"-1")
    assert len(found.input) < len(found.found)
    assert verdict_on(pool, FIRST_FIVE, max_of_list, found.input) is Verdict.WA  # still fails
    assert report.shrink is not None and report.shrink.steps >= 1
    assert report.tries >= 1 and report.skipped == 0
    # Found in about a second on an idle 2-core machine; the bound leaves room for a busy one.
    assert report.elapsed_s < 10 and took < 30, (report.elapsed_s, took)


def test_a_long_list_shrinks_to_six_items_with_its_count(pool, max_of_list):
    report = stress(pool, FIRST_FIVE, max_of_list, brute(), StressOptions(time_s=20),
                    generator=NON_NEGATIVE_GENERATOR)
    found = report.counterexample
    assert found is not None
    assert found.origin.startswith("generator seed ")
    assert items(found.input) == [0, 0, 0, 0, 0, 1]  # the sixth is the one it never reads
    assert verdict_on(pool, FIRST_FIVE, max_of_list, found.input) is Verdict.WA


def test_a_crash_shrinks_as_a_crash(pool, max_of_list):
    report = stress(pool, CRASH_ON_NEGATIVE, max_of_list, brute(), StressOptions(time_s=20))
    found = report.counterexample
    assert found is not None and found.verdict is Verdict.RE
    assert found.input == b"1\n-1\n"
    assert "AssertionError" in found.message


def test_a_right_program_runs_until_the_budget_is_spent(pool, max_of_list):
    # ZERO_START is only wrong on all-negative lists, so as a reference it disagrees there:
    # the reference's answers are what PROGRAM is held to.
    report = stress(pool, BRUTE_MAX, max_of_list, brute(ZERO_START), StressOptions(time_s=20))
    assert report.counterexample is not None
    assert report.counterexample.expected.strip() == b"0"

    started = time.monotonic()
    right = stress(pool, BRUTE_MAX, max_of_list, brute(), StressOptions(time_s=3))
    assert right.counterexample is None and right.shrink is None
    # The examples, then at least one generated round (a round started in time runs to its end).
    assert right.rounds >= 2 and right.tries > len(max_of_list.examples)
    assert right.skipped == 0 and not right.exhausted
    assert 3 <= right.elapsed_s < 30 and time.monotonic() - started < 60


def test_inputs_the_reference_cannot_answer_are_skipped(pool, max_of_list):
    # ZERO_START is wrong only where the reference crashes: nothing to hold it to there.
    report = stress(pool, ZERO_START, max_of_list, brute(BRUTE_NON_NEGATIVE),
                    StressOptions(time_s=2))
    assert report.counterexample is None
    assert report.skipped > 0 and report.tries > 0


def test_the_problems_input_validator_keeps_inputs_valid(pool, tmp_path):
    # CAPPED is wrong only on values over 9, which the statement's words forbid and only the
    # package's validator knows: without it, stress "finds" a bug the judge never tests.
    capped, plain = Program("python3", CAPPED), Program("python3", PLAIN)
    unchecked = stress(pool, capped, load_problem(package(tmp_path / "a", validator=False)),
                       brute(plain), StressOptions(time_s=20))
    assert unchecked.counterexample is not None
    # Time for the examples' round and at least one generated round, on a busy machine too.
    checked = stress(pool, capped, load_problem(package(tmp_path / "b", validator=True)),
                     brute(plain), StressOptions(time_s=5))
    assert checked.counterexample is None
    assert checked.invalid > 0 and checked.tries > 0


def test_hidden_tests_answer_without_shrinking(pool, max_of_list):
    hidden = Reference(HIDDEN, "max-of-list", tests=list(max_of_list.hidden))
    report = stress(pool, ZERO_START, max_of_list, hidden, StressOptions(time_s=20))
    found = report.counterexample
    assert found is not None and found.verdict is Verdict.WA
    assert found.origin.startswith("hidden test ") and found.input == found.found
    assert max(items(found.input)) < 0
    assert report.shrink is None

    passing = stress(pool, BRUTE_MAX, max_of_list, hidden, StressOptions(time_s=20))
    assert passing.counterexample is None and passing.exhausted
    assert passing.tries == len(max_of_list.hidden)


def test_a_program_that_does_not_compile_is_an_input_error(pool, max_of_list):
    with pytest.raises(StressInputError, match="PROGRAM does not compile"):
        stress(pool, Program("cpp17", "int main( {"), max_of_list, brute(),
               StressOptions(time_s=5))


def test_a_failing_generator_is_an_input_error(pool, max_of_list):
    with pytest.raises(StressInputError, match="generator failed on seed 1"):
        stress(pool, BRUTE_MAX, max_of_list, brute(), StressOptions(time_s=5),
               generator=Program("python3", "raise SystemExit(3)\n"))
