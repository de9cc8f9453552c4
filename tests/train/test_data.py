"""Training rows: kept whole in the cache, keyed by what they depend on."""

from __future__ import annotations

from pathlib import Path

from solver.train.data import load_rows, problem_name, rows_cache_path, save_rows
from tests.train.test_fit import separable


def test_rows_round_trip_and_a_torn_file_is_redone(tmp_path: Path) -> None:
    rows = separable(2)
    path = rows_cache_path({"problem": "a"}, tmp_path)
    assert load_rows(path) is None
    save_rows(path, rows)
    assert load_rows(path) == rows
    path.write_text(path.read_text()[:-40])
    assert load_rows(path) is None
    assert rows_cache_path({"problem": "b"}, tmp_path) != path


def test_a_split_by_problem_goes_by_the_folder_name() -> None:
    assert problem_name("kth-challenge-2013/bank") == "bank" == problem_name("bank")
