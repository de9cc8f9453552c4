"""The shrinker alone: pure, with predicates standing in for "PROGRAM still disagrees"."""

from __future__ import annotations

import time

from solver.stress.shrink import chunks, shrink_input, smaller_integers, without_tokens


def read_list(data: bytes) -> list[int] | None:
    """The list of a "n, then n integers" input; None when the input is not one (a count that
    does not match, a missing line): a reference would crash there, so nothing fails."""
    lines = data.split(b"\n")
    try:
        count, values = int(lines[0]), [int(x) for x in lines[1].split()]
    except (IndexError, ValueError):
        return None
    return values if count == len(values) else None


def fails_when(condition):
    calls: list[bytes] = []

    def still_fails(data: bytes) -> bool:
        calls.append(data)
        values = read_list(data)
        return values is not None and condition(values)

    still_fails.calls = calls  # type: ignore[attr-defined]
    return still_fails


def test_a_negative_maximum_shrinks_to_one_item_of_minus_one():
    still_fails = fails_when(lambda values: max(values) < 0)
    result = shrink_input(b"5\n-3 -7 -2 -100 -50\n", still_fails)
    assert result.data == b"1\n-1\n"
    assert still_fails(result.data)
    assert result.steps >= 2 and not result.out_of_budget
    assert result.runs == len(still_fails.calls) - 1  # the check just above is the extra call


def test_dropping_items_rewrites_the_count():
    # Only a list longer than five fails: six items stay, the count says six, the values go to 0.
    result = shrink_input(b"8\n3 7 1000000000 2 9 -4 12 5\n",
                          fails_when(lambda values: len(values) > 5))
    assert result.data == b"6\n0 0 0 0 0 0\n"


def test_numbers_descend_to_the_smallest_that_still_fails_in_few_runs():
    result = shrink_input(b"3\n5 1000000000 7\n", fails_when(lambda values: max(values) >= 1000))
    assert result.data == b"1\n1000\n"
    assert result.runs < 100  # a binary descent, not a count down from 10^9


def test_blocks_of_lines_lose_lines_with_their_count():
    def still_fails(data: bytes) -> bool:
        lines = data.split(b"\n")
        try:
            pairs = [[int(x) for x in lines[1 + i].split()] for i in range(int(lines[0]))]
        except (IndexError, ValueError):
            return False
        return all(len(pair) == 2 for pair in pairs) and any(a > b for a, b in pairs)

    result = shrink_input(b"4\n1 2\n3 4\n10 5\n7 8\n", still_fails)
    assert result.data == b"1\n1 0\n"


def test_a_word_is_shortened_with_the_length_stated_before_it():
    def still_fails(data: bytes) -> bool:
        lines = data.split(b"\n")
        if len(lines) < 2 or not lines[0].isdigit() or int(lines[0]) != len(lines[1]):
            return False
        return b"z" in lines[1]

    assert shrink_input(b"10\nabczdefghi\n", still_fails).data == b"1\nz\n"


def test_a_count_is_never_left_lying():
    # Fails whenever the count says more than three, however many items follow (a program and
    # a reference that both trust the count): cutting items alone would leave "4" before one
    # item, an input the judge never gives. Items go only with their count.
    def still_fails(data: bytes) -> bool:
        lines = data.split(b"\n")
        return len(lines) > 1 and lines[0].isdigit() and int(lines[0]) > 3 \
            and bool(lines[1].split())

    assert shrink_input(b"5\n1 7 3 7 2\n", still_fails).data == b"4\n0 0 0 0\n"


def test_lines_read_to_the_end_are_dropped_without_a_count():
    still_fails = lambda data: b"z" in data  # noqa: E731
    assert shrink_input(b"apple\nbanana\nzebra\ncherry\n", still_fails).data == b"z\n"


def test_candidates_outside_the_allowed_ranges_are_never_run():
    still_fails = fails_when(lambda values: max(values) < 0)
    at_least_two = lambda data: (read_list(data) or [0, 0]).__len__() >= 2  # noqa: E731
    result = shrink_input(b"4\n-3 -7 -2 -9\n", still_fails, allowed=at_least_two)
    assert result.data == b"2\n-1 -1\n"
    assert all(at_least_two(data) for data in still_fails.calls)


def test_the_run_budget_stops_the_search():
    calls = []
    result = shrink_input(b"6\n-1 -2 -3 -4 -5 -6\n", lambda data: calls.append(data) or False,
                          max_runs=5)
    assert result.runs == len(calls) == 5
    assert result.out_of_budget and result.data == b"6\n-1 -2 -3 -4 -5 -6\n"


def test_a_deadline_already_past_runs_nothing():
    calls = []
    result = shrink_input(b"3\n-1 -2 -3\n", lambda data: calls.append(data) or True,
                          deadline=time.monotonic() - 1)
    assert (result.data, result.runs, result.out_of_budget, calls) == (
        b"3\n-1 -2 -3\n", 0, True, [])


def test_an_input_nothing_smaller_of_fails_comes_back_as_it_was():
    original = b"2\n4 -2\n"
    result = shrink_input(original, lambda data: data == original)
    assert (result.data, result.steps, result.out_of_budget) == (original, 0, False)
    assert result.runs > 0


def test_line_endings_and_spacing_survive():
    result = shrink_input(b"3\r\n-2  -5\t-7\r\n", fails_when(lambda values: max(values) < 0))
    assert result.data == b"1\r\n-1\r\n"


def test_without_tokens_keeps_the_spacing_of_what_stays():
    pieces = [b"  ", b"a", b" ", b"b", b"\t", b"c", b"\r"]
    assert b"".join(without_tokens(pieces, {3})) == b"  a c\r"  # a's own space kept
    assert b"".join(without_tokens(pieces, {5})) == b"  a b\r"
    assert b"".join(without_tokens(pieces, {1, 3, 5})) == b"  \r"


def test_chunks_go_from_halves_to_single_items():
    assert list(chunks(4)) == [(0, 2), (2, 4), (0, 1), (1, 2), (2, 3), (3, 4)]
    assert list(chunks(1)) == [(0, 1)]
    assert list(chunks(0)) == []


def test_smaller_integers_are_closer_to_zero():
    assert list(smaller_integers(57)) == [0, 1]
    assert list(smaller_integers(-57)) == [0, 1, -1]
    assert list(smaller_integers(1)) == [0]
    assert list(smaller_integers(0)) == []
