"""The statement's ranges matched to input tokens (solver/selection/constraints.py) and the
largest-size inputs built from them (solver/selection/largest.py). Pure: nothing runs."""

from __future__ import annotations

from solver.selection.constraints import read_constraints
from solver.selection.largest import largest_inputs
from solver.selection.shape import analyse_input

BANK = """Input

The first line of input contains two integers N (1 <= N <= 10000) and T (1 <= T <= 47). Then
follow N lines, each with 2 integers c_i and t_i. You can assume that 1 <= c_i <= 100000 and
0 <= t_i < T.

Output

One line with the maximum amount of money, which is at least h >= h_0.
"""
BANK_EXAMPLE = b"4 4\n1000 1\n2000 2\n500 2\n1200 0\n"


def test_ranges_are_read_and_matched_to_tokens_in_input_order() -> None:
    constraints = read_constraints(BANK, [BANK_EXAMPLE])
    assert constraints.order == ["N", "T", "c", "t"]
    assert constraints.trusted == {"N", "T", "c", "t"}
    assert constraints.variables["c"].array and not constraints.variables["N"].array
    assert "h" not in constraints.order  # the Output section's relations are about the answer
    names = constraints.names(analyse_input(BANK_EXAMPLE))
    assert names[(0, 0)] == "N" and names[(0, 2)] == "T"
    assert names[(4, 0)] == "c" and names[(4, 2)] == "t"  # block lines repeat the first's names


def test_check_rejects_what_breaks_a_range_and_resolves_other_variables() -> None:
    constraints = read_constraints(BANK, [BANK_EXAMPLE])
    assert constraints.check(BANK_EXAMPLE).valid
    assert constraints.check(b"2 4\n1000 3\n5 0\n").valid
    broken = constraints.check(b"2 4\n1000 4\n5 0\n")  # t_i < T, with T read from this input
    assert not broken.valid and broken.broken == ("t=4 above 4",)
    assert not constraints.check(b"2 48\n1000 1\n5 0\n").valid
    assert not constraints.check(b"0 4\n").valid


def test_a_range_the_examples_break_is_not_trusted() -> None:
    # Misread (or wrong) statement: the example has 50 > 10, so "a" is never checked.
    statement = "Input\n\nTwo integers a and b (1 <= a <= 10, 1 <= b <= 5).\n"
    constraints = read_constraints(statement, [b"50 3\n"])
    assert constraints.trusted == {"b"}
    assert constraints.check(b"99 3\n").valid and not constraints.check(b"50 6\n").valid


def test_notations_of_ranges() -> None:
    statement = ("Input\n\nIntegers n, m and k, where $2 \\le n \\le 2 \\cdot 10^{5}$, "
                 "1 ≤ m ≤ 10^9, k ≤ 1e5, and a string s with 1 <= |s| <= 7.\n")
    constraints = read_constraints(statement, [b"3 4 5 abc\n"])
    assert constraints.integer_range("n", {}) == (2, 200000)
    assert constraints.integer_range("m", {}) == (1, 10**9)
    assert constraints.integer_range("k", {}) == (None, 100000)
    assert constraints.variables["s"].length
    assert not constraints.check(b"3 4 5 abcdefgh\n").valid  # |s| = 8


def test_no_ranges_means_nothing_is_rejected() -> None:
    constraints = read_constraints("Read two numbers and print their sum.", [b"1 2\n"])
    check = constraints.check(b"-5 99999999999\n")
    assert check.valid and check.checked == 0


def test_largest_inputs_reach_the_stated_sizes_and_keep_every_range() -> None:
    constraints = read_constraints(BANK, [BANK_EXAMPLE])
    made = largest_inputs([BANK_EXAMPLE], constraints, 2, seed=1)
    assert len(made) == 2 and made == largest_inputs([BANK_EXAMPLE], constraints, 2, seed=1)
    for data in made:
        lines = data.split(b"\n")
        assert lines[0].split()[0] == b"10000"  # N at its bound, and as many lines
        assert len([line for line in lines[1:] if line.strip()]) == 10000
        assert constraints.check(data).valid
    near_top = [int(line.split()[0]) for line in made[0].split(b"\n")[1:] if line.strip()]
    assert min(near_top) > 99_000  # every c_i near 100000: where sums overflow


def test_largest_inputs_sorted_distinct_and_strings_tied_to_a_count() -> None:
    statement = ("Input\n\nThe first line has N (1 <= N <= 50) and K (0 <= K <= N). The next K "
                 "lines each hold a house H (1 <= H <= N), given in strictly increasing order.\n")
    constraints = read_constraints(statement, [b"5 2\n1\n4\n"])
    (data,) = largest_inputs([b"5 2\n1\n4\n"], constraints, 1)
    first, *rest = data.split(b"\n")
    houses = [int(x) for x in rest if x.strip()]
    assert first == b"50 50" and houses == list(range(1, 51))

    words = "Input\n\nAn integer n (3 <= n <= 1000), then two strings of length n.\n"
    example = b"5\nBRBBR\nRBBRR\n"
    constraints = read_constraints(words, [example])
    (data,) = largest_inputs([example], constraints, 1)
    n, first_word, second_word = data.split(b"\n")[:3]
    assert len(first_word) == len(second_word) == int(n) > 990
    assert set(first_word) <= set(b"BR")


def test_largest_inputs_need_a_known_range() -> None:
    constraints = read_constraints("Sum the numbers.", [b"3\n1 2 3\n"])
    assert largest_inputs([b"3\n1 2 3\n"], constraints, 3) == []


def test_ranges_after_the_output_section_are_read_again() -> None:
    # A Constraints section after Output ends the Output section (solver.problem.sections).
    statement = ("Input\n\nOne integer n.\n\nOutput\n\nThe answer h >= 7.\n\nConstraints\n\n"
                 "1 <= n <= 50\n")
    constraints = read_constraints(statement, [b"3\n"])
    assert constraints.integer_range("n", {}) == (1, 50)
    assert "h" not in constraints.variables
