"""The learned ranker's features: relative to the problem's other clusters, one row per member."""

from __future__ import annotations

import pytest

from sandbox.jobs import Program
from solver.selection.clustering import Candidate, Cluster
from solver.selection.features import FEATURES, candidate_features


def cluster(name: str, *, samples: list[int], time_s: float = 0.1, failures: int = 0,
            runs: int = 10, memory_mb: float = 8.0, output: float = 10.0,
            outcomes: tuple[str, ...] = ()) -> Cluster:
    """Members with these sample counts (the first is the fastest), and the representative's
    measurements."""
    members = [Candidate(Program("python3", f"print('{name}')\n" + "#" * i),
                         sample_ids=list(range(count))) for i, count in enumerate(samples)]
    return Cluster(signature=name, members=members, representative=members[0],
                   failures=failures, mean_time_s=time_s, runs=runs, outcomes=outcomes,
                   mean_memory_mb=memory_mb, mean_output_bytes=output)


def named(values: tuple[float, ...]) -> dict[str, float]:
    return dict(zip(FEATURES, values, strict=True))


def test_one_row_per_member_with_cluster_and_member_features() -> None:
    big = cluster("big", samples=[3, 1], time_s=0.1, outcomes=("a", "b"))
    slow = cluster("slow", samples=[2], time_s=1.0, failures=5, outcomes=("a", "c"))
    small = cluster("small", samples=[1], time_s=0.1, outcomes=("x", "y"))
    rows = candidate_features([big, slow, small])
    assert [row.cluster for row in rows] == [0, 0, 1, 2]
    assert [row.candidate for row in rows] == [*big.members, *slow.members, *small.members]
    first, second, slowest, smallest = (named(row.values) for row in rows)
    assert first["cluster_share"] == pytest.approx(4 / 7)
    assert first["biggest"] == 1.0 and slowest["biggest"] == 0.0
    assert (first["size_rank"], slowest["size_rank"], smallest["size_rank"]) == (0.0, 0.5, 1.0)
    assert first["member_share"] == pytest.approx(3 / 4) and first["fastest"] == 1.0
    assert second["member_share"] == pytest.approx(1 / 4) and second["fastest"] == 0.0
    assert slowest["clean_share"] == pytest.approx(0.5)
    assert slowest["relative_time"] > 0 and first["relative_time"] == pytest.approx(0.0)
    # Agreement: "big" shares its first output with "slow" (2 samples of 3 others, half the
    # inputs); "small" shares nothing.
    assert first["agreement_share"] == pytest.approx(2 * 0.5 / 3)
    assert smallest["agreement_share"] == 0.0
    assert first["has_oracle"] == 0.0 and first["oracle_share"] == 1.0


def test_origins_oracles_and_language_are_read() -> None:
    python = cluster("py", samples=[2])
    member = Candidate(Program("cpp17", "int main(){}"), [5])
    cpp = Cluster(signature="cpp", members=[member], representative=member, failures=0,
                  mean_time_s=0.1)
    rows = candidate_features([python, cpp], oracle={id(python): 0.25},
                              origins={cpp.members[0].key: "repair"})
    py_row, cpp_row = (named(row.values) for row in rows)
    assert py_row["oracle_share"] == 0.25 and cpp_row["oracle_share"] == 1.0
    assert py_row["has_oracle"] == 1.0
    assert cpp_row["origin_repair"] == 1.0 and py_row["origin_repair"] == 0.0
    assert cpp_row["cpp"] == 1.0 and py_row["cpp"] == 0.0


def test_values_are_bounded_whatever_the_scale() -> None:
    fast = cluster("fast", samples=[1], time_s=0.0, memory_mb=0.0, output=0.0)
    huge = cluster("huge", samples=[1], time_s=1e6, memory_mb=1e6, output=1e9)
    rows = candidate_features([fast, huge])
    assert all(abs(value) <= 5.0 for row in rows for value in row.values)
    assert candidate_features([]) == []
