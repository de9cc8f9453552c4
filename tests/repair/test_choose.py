"""Which failures are repaired: closest to passing first, one per distinct failure."""

from __future__ import annotations

from sandbox.jobs import Program, RunResult, Verdict
from solver.repair.choose import choose_repairs, commonest_failure
from solver.repair.feedback import Failure
from solver.sampling.types import Sample


def failure(index: int, verdict: Verdict, passed: int = 0, output: bytes = b"") -> Failure:
    sample = Sample(index, "", True, Program("python3", f"print({index})\n"))
    return Failure(sample, verdict, passed, passed, RunResult(verdict, stdout=output))


def test_closest_first_then_wa_before_re_before_ce():
    failures = [failure(0, Verdict.CE), failure(1, Verdict.RE), failure(2, Verdict.WA, output=b"1"),
                failure(3, Verdict.WA, passed=1)]
    chosen = choose_repairs(failures, 10, repaired=set())
    assert [f.sample.index for f in chosen] == [3, 2, 1, 0]


def test_one_per_distinct_failure_and_none_twice_in_a_run():
    repaired: set = set()
    same = [failure(i, Verdict.WA, output=b"5\n") for i in range(3)]
    assert [f.sample.index for f in choose_repairs(same, 10, repaired=repaired)] == [0]
    assert choose_repairs([failure(7, Verdict.WA, output=b"5\n")], 10, repaired=repaired) == []
    other = failure(8, Verdict.WA, output=b"6\n")
    assert choose_repairs([other], 10, repaired=repaired) == [other]


def test_count_caps_the_choice():
    failures = [failure(i, Verdict.WA, output=bytes([i])) for i in range(5)]
    assert len(choose_repairs(failures, 2, repaired=set())) == 2
    assert choose_repairs(failures, 0, repaired=set()) == []


def test_commonest_failure():
    assert commonest_failure([]) is None
    failures = [failure(0, Verdict.RE), failure(1, Verdict.WA, output=b"x"),
                failure(2, Verdict.WA, output=b"x")]
    assert commonest_failure(failures).sample.index == 1
