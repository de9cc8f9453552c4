"""Tests for sandbox.checkers (Kattis default validator semantics)."""

from __future__ import annotations

import pytest

from sandbox.checkers import (
    Checker,
    CheckerError,
    CheckResult,
    ValidatorFlags,
    as_checker,
    check,
    check_builtin,
    checker_job,
    checker_verdict,
    exact_check,
    normalise,
    parse_float,
    validator_flags_words,
)
from sandbox.jobs import Program, RunResult, Verdict

DEFAULT = ValidatorFlags()
CASE = ValidatorFlags(case_sensitive=True)
SPACE = ValidatorFlags(space_change_sensitive=True)
ABS6 = ValidatorFlags(float_absolute_tolerance=1e-6)
REL6 = ValidatorFlags(float_relative_tolerance=1e-6)
BOTH6 = ValidatorFlags(float_absolute_tolerance=1e-6, float_relative_tolerance=1e-6)


def ok(output: bytes, expected: bytes, flags: ValidatorFlags = DEFAULT) -> bool:
    result = check(output, expected, flags)
    assert isinstance(result, CheckResult)
    assert result.message
    return result.accepted


# --- flag parsing ---------------------------------------------------------------------------


def test_defaults_match_kattis() -> None:
    assert DEFAULT.case_sensitive is False
    assert DEFAULT.space_change_sensitive is False
    assert DEFAULT.uses_floats is False
    assert ValidatorFlags.parse("") == DEFAULT
    assert ValidatorFlags.parse(None) == DEFAULT
    assert ValidatorFlags.parse("   ") == DEFAULT


def test_parse_all_flags() -> None:
    flags = ValidatorFlags.parse("case_sensitive  space_change_sensitive")
    assert flags.case_sensitive and flags.space_change_sensitive
    assert ValidatorFlags.parse("float_tolerance 1e-6") == BOTH6
    assert ValidatorFlags.parse("float_absolute_tolerance 1e-6") == ABS6
    assert ValidatorFlags.parse("float_relative_tolerance 1e-6") == REL6
    mixed = ValidatorFlags.parse(
        ["float_relative_tolerance", "1e-4", "float_absolute_tolerance", "0.5"]
    )
    assert mixed.float_relative_tolerance == 1e-4
    assert mixed.float_absolute_tolerance == 0.5


def test_parse_later_tolerance_overrides() -> None:
    flags = ValidatorFlags.parse("float_tolerance 1e-3 float_absolute_tolerance 1e-9")
    assert flags.float_absolute_tolerance == 1e-9
    assert flags.float_relative_tolerance == 1e-3


def test_parse_negative_tolerance_means_off() -> None:
    assert ValidatorFlags.parse("float_tolerance -1").uses_floats is False


@pytest.mark.parametrize(
    "text",
    ["case_insensitive", "float_tolerance", "float_tolerance abc", "float_tolerance nan", "bogus"],
)
def test_parse_rejects_bad_flags(text: str) -> None:
    with pytest.raises(ValueError):
        ValidatorFlags.parse(text)


# --- float recognition ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "value"),
    [
        (b"1", 1.0),
        (b"-2.5", -2.5),
        (b"+.5", 0.5),
        (b"3.", 3.0),
        (b"1e3", 1000.0),
        (b"1E-2", 0.01),
        (b"0x10", 16.0),
        (b"0x1p4", 16.0),
        (b"1e-400", 0.0),
    ],
)
def test_parse_float_accepts(token: bytes, value: float) -> None:
    assert parse_float(token) == value


@pytest.mark.parametrize(
    "token",
    [
        b"nan",
        b"NaN",
        b"inf",
        b"-inf",
        b"infinity",
        b"1e999",
        b"1e",
        b"1,5",
        b".",
        b"-",
        b"1_000",
        b"abc",
        b"0x",
        b"12a",
        b"\xff",
        b"\xd9\xa1",
    ],
)
def test_parse_float_rejects(token: bytes) -> None:
    assert parse_float(token) is None


# --- whitespace --------------------------------------------------------------------------------


def test_identical() -> None:
    assert ok(b"1 2 3\n", b"1 2 3\n")


def test_whitespace_changes_ignored_by_default() -> None:
    assert ok(b"  1\t2\n\n3   ", b"1 2 3\n")
    assert ok(b"1\r\n2\r\n", b"1\n2\n")
    assert ok(b"a b", b"a\nb")
    assert ok(b"1 2 3", b"1 2 3\n")
    assert ok(b"\x0b1\x0c", b"1")


def test_space_sensitive_exact_whitespace() -> None:
    assert ok(b"1 2\n3\n", b"1 2\n3\n", SPACE)
    assert not ok(b"1  2\n3\n", b"1 2\n3\n", SPACE)
    assert not ok(b"1 2 3\n", b"1 2\n3\n", SPACE)
    assert not ok(b"1 2\n3", b"1 2\n3\n", SPACE)  # Kattis wants the final newline too
    assert not ok(b"1 2\n3\n\n", b"1 2\n3\n", SPACE)
    assert not ok(b" 1 2\n3\n", b"1 2\n3\n", SPACE)
    assert not ok(b"1 2\r\n3\r\n", b"1 2\n3\n", SPACE)
    assert ok(b"", b"", SPACE)
    assert not ok(b" ", b"", SPACE)


def test_space_sensitive_still_compares_tokens() -> None:
    assert not ok(b"1 5\n", b"1 2\n", SPACE)
    assert ok(b"YES\n", b"yes\n", SPACE)
    assert ok(b"0.5000001\n", b"0.5\n", ValidatorFlags(True, True, 1e-6, None))
    result = check(b"1 2\n4\n", b"1 2\n3\n", SPACE)
    assert not result.accepted and "token 3" in result.message


def test_space_sensitive_messages() -> None:
    assert "too short" in check(b"1 ", b"1 2", SPACE).message
    assert "trailing" in check(b"1 2", b"1 ", SPACE).message
    assert "extra whitespace" in check(b"1 2 3", b"1 2", SPACE).message
    assert "whitespace" in check(b"1 2\n", b"1 2", SPACE).message


# --- case --------------------------------------------------------------------------------------


def test_case_insensitive_by_default() -> None:
    assert ok(b"YES\n", b"yes\n")
    assert ok(b"Impossible", b"IMPOSSIBLE")


def test_case_sensitive_flag() -> None:
    assert not ok(b"YES\n", b"yes\n", CASE)
    assert ok(b"yes\n", b"yes\n", CASE)


def test_case_folding_is_ascii_only() -> None:
    # strcasecmp in the C locale does not fold non-ASCII letters.
    assert not ok("É".encode(), "é".encode())


# --- tokens ------------------------------------------------------------------------------------


def test_wrong_token_message() -> None:
    result = check(b"1 2 6\n", b"1 2 5\n", DEFAULT)
    assert not result.accepted
    assert result.message == "token 3: expected '5', got '6'"


def test_extra_tokens_rejected() -> None:
    result = check(b"1 2 3 4", b"1 2 3", DEFAULT)
    assert not result.accepted
    assert "trailing output" in result.message and "'4'" in result.message


def test_missing_tokens_rejected() -> None:
    result = check(b"1 2", b"1 2 3", DEFAULT)
    assert not result.accepted and "too short" in result.message


def test_empty_output() -> None:
    assert "empty" in check(b"", b"42\n", DEFAULT).message
    assert "no tokens" in check(b"\n\n", b"42\n", DEFAULT).message
    assert ok(b"", b"")
    assert ok(b"\n", b"")
    assert not ok(b"0", b"")


def test_non_utf8_output_does_not_crash() -> None:
    result = check(b"\xff\xfe 2\n", b"1 2\n", DEFAULT)
    assert not result.accepted and "token 1" in result.message
    assert ok(b"\xff\n", b"\xff")
    assert not check(b"\x80\x81", b"1", ABS6).accepted
    assert check(b"\xc3\x28 2", b"x 2", SPACE).accepted is False
    exact = exact_check(b"\xff", b"1")
    assert not exact.accepted


def test_numbers_without_tolerance_are_strings() -> None:
    assert not ok(b"1.0", b"1")
    assert not ok(b"0.50", b"0.5")
    assert not ok(b"+1", b"1")


# --- floats ------------------------------------------------------------------------------------


def test_absolute_tolerance() -> None:
    assert ok(b"0.3333333", b"0.333333", ABS6)
    assert ok(b"1.0000009", b"1", ABS6)
    assert not ok(b"1.0000011", b"1", ABS6)
    assert ok(b"1000000.0000009", b"1000000", ABS6)
    assert not ok(b"1000000.5", b"1000000", ABS6)
    assert ok(b"1e-7", b"0", ABS6)
    assert ok(b"-0", b"0", ABS6)


def test_relative_tolerance_is_relative_to_expected() -> None:
    assert ok(b"1000000.5", b"1000000", REL6)
    assert not ok(b"1000002", b"1000000", REL6)
    assert not ok(b"1e-7", b"0", REL6)  # relative to 0: only exact
    assert ok(b"0.0", b"0", REL6)
    assert ok(b"1.0000009", b"1", REL6)


def test_either_tolerance_suffices() -> None:
    assert ok(b"1e-7", b"0", BOTH6)
    assert ok(b"1000000.5", b"1000000", BOTH6)
    assert not ok(b"0.001", b"0", BOTH6)


def test_float_expected_but_word_given() -> None:
    result = check(b"abc", b"1.5", ABS6)
    assert not result.accepted and "expected float" in result.message


def test_float_formats_accepted() -> None:
    assert ok(b"1.5e0 0x1.8p0 +1.5 1.50000", b"1.5 1.5 1.5 1.5", ABS6)


@pytest.mark.parametrize("word", [b"nan", b"inf", b"-inf", b"NaN"])
def test_nan_inf_compared_as_strings(word: bytes) -> None:
    # Kattis' isfloat rejects nan/inf, so such expected tokens are compared as strings
    # (case-insensitively by default).
    assert ok(word.upper(), word, ABS6)
    assert not ok(b"0", word, ABS6)
    assert not ok(word + b"x", word, ABS6)


def test_nan_output_against_float_answer() -> None:
    assert not ok(b"nan", b"1.0", ABS6)
    assert not ok(b"inf", b"1e308", REL6)


def test_words_next_to_floats() -> None:
    assert ok(b"Case #1: 0.5000001", b"case #1: 0.5", ABS6)
    assert not ok(b"Case #2: 0.5", b"Case #1: 0.5", ABS6)


def test_integer_tokens_with_tolerance() -> None:
    assert ok(b"5.0000001", b"5", ABS6)
    assert ok(b"5", b"5.0000001", ABS6)


# --- exact -------------------------------------------------------------------------------------


def test_exact_check() -> None:
    assert exact_check(b"1 2\n3\n\n  ", b"1 2\n3").accepted
    assert not exact_check(b"1  2\n3", b"1 2\n3").accepted
    assert not exact_check(b"YES", b"yes").accepted
    assert "too short" in exact_check(b"1 2", b"1 2\n3").message
    assert "too long" in exact_check(b"1 2\n3\n4", b"1 2\n3").message
    message = exact_check(b"1 2\n4", b"1 2\n3").message
    assert "line 2" in message
    assert exact_check(b"", b"\n").accepted
    assert not exact_check(b" 1", b"1").accepted  # leading whitespace counts


# --- normalise ---------------------------------------------------------------------------------


def test_normalise_whitespace_and_case() -> None:
    assert normalise(b"  YES \n\n 1\t2 ", DEFAULT) == "yes 1 2"
    assert normalise(b"YES\n", CASE) == "YES"
    assert normalise(b"", DEFAULT) == ""


def test_normalise_space_sensitive_keeps_layout() -> None:
    assert normalise(b"A  b\nC\n", SPACE) == "a  b\nc\n"
    assert normalise(b"1 2\n", SPACE) != normalise(b"1\n2\n", SPACE)


def test_normalise_floats_to_tolerance() -> None:
    assert normalise(b"0.33333331 1", ABS6) == normalise(b"0.3333333 1.000000", ABS6)
    assert normalise(b"-0.0000001", ABS6) == normalise(b"0", ABS6)
    assert normalise(b"0.5", ABS6) != normalise(b"0.6", ABS6)
    assert normalise(b"1.0", DEFAULT) != normalise(b"1", DEFAULT)  # no tolerance: strings
    assert normalise(b"1000000.2", REL6) == normalise(b"1000000", REL6)
    assert normalise(b"0.0", REL6) == normalise(b"0", REL6)
    assert normalise(b"NaN Inf", ABS6) == "nan inf"


def test_normalise_agrees_with_check_in_common_cases() -> None:
    answer = b"Case #1: 2.500000\nCase #2: 0.333333\n"
    outputs = [b"case #1: 2.5\ncase #2: 0.3333333", b"Case #1:  2.5000001 Case #2: 0.333333"]
    for out in outputs:
        assert check(out, answer, ABS6).accepted
        assert normalise(out, ABS6) == normalise(answer, ABS6)


def test_normalise_non_utf8_distinct() -> None:
    a = normalise(b"\xff", DEFAULT)
    b = normalise(b"\xfe", DEFAULT)
    assert isinstance(a, str) and a != b
    a.encode()  # must be encodable for hashing


# --- custom checkers: how a checker's run is read (the runs themselves: test_sandbox.py) -------

CHECKER_PROGRAM = Program("python3", "pass")


def checker_run(exit_code: int | None, verdict: Verdict = Verdict.RE, signal: int | None = None,
                stderr: str = "why", feedback: str = "") -> RunResult:
    return RunResult(verdict=verdict, exit_code=exit_code, signal=signal, stderr_tail=stderr,
                     checker_message=feedback)


@pytest.mark.parametrize(
    ("code", "accepted", "message"),
    [(0, True, "why"), (1, False, "why"), (2, False, "presentation error: why")],
)
def test_testlib_exit_codes(code: int, accepted: bool, message: str) -> None:
    result = checker_verdict(Checker("testlib", program=CHECKER_PROGRAM), checker_run(code))
    assert result == CheckResult(accepted, message)


@pytest.mark.parametrize(
    ("kind", "run"),
    [
        ("testlib", checker_run(3)),
        ("testlib", checker_run(None, Verdict.RE, signal=11)),
        ("testlib", checker_run(None, Verdict.TLE)),
        ("kattis", checker_run(0, Verdict.OK)),
        ("kattis", checker_run(1)),
        ("kattis", checker_run(None, Verdict.CE)),
    ],
)
def test_a_failing_checker_is_a_judge_error(kind: str, run: RunResult) -> None:
    with pytest.raises(CheckerError):
        checker_verdict(Checker(kind, program=CHECKER_PROGRAM), run)


def test_kattis_validator_exit_codes_and_feedback() -> None:
    validator = Checker("kattis", program=CHECKER_PROGRAM)
    assert checker_verdict(validator, checker_run(42, feedback="fine")) == CheckResult(True, "fine")
    assert checker_verdict(validator, checker_run(43, feedback="off by one")) == CheckResult(
        False, "off by one"
    )


def test_checker_jobs_follow_each_convention() -> None:
    flags = ValidatorFlags(case_sensitive=True, float_absolute_tolerance=1e-6)
    testlib = checker_job(Checker("testlib", program=CHECKER_PROGRAM), b"in", b"out", b"ans")
    assert testlib.args == ("input", "output", "answer")
    assert dict(testlib.files) == {"input": b"in", "output": b"out", "answer": b"ans"}
    kattis = checker_job(Checker("kattis", flags, CHECKER_PROGRAM), b"in", b"out", b"ans")
    assert kattis.input == b"out"  # the team's output arrives on stdin
    assert kattis.args == ("input", "answer", "feedback/", "case_sensitive",
                           "float_absolute_tolerance", "1e-06")
    assert kattis.feedback_dir
    assert validator_flags_words(ValidatorFlags()) == []


def test_builtin_checkers() -> None:
    assert as_checker(DEFAULT) == Checker("default", DEFAULT)
    assert check_builtin(b"HELLO\n", b"hello", as_checker(DEFAULT)).accepted
    assert not check_builtin(b"HELLO\n", b"hello", Checker("exact")).accepted
    assert check_builtin(b"hello  \n\n", b"hello\n", Checker("exact")).accepted
    with pytest.raises(ValueError):
        Checker("testlib")  # needs a program
    with pytest.raises(ValueError):
        Checker("special")
