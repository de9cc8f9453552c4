"""Output checkers: a Python port of the Kattis default output validator, exact comparison, and
custom checkers (testlib-style and Kattis output validators) that run inside the sandbox.

Semantics follow Kattis/problemtools support/default_validator/default_validator.cc:
  * tokens are maximal runs of non-whitespace (C isspace: space, \\t, \\n, \\v, \\f, \\r);
  * by default whitespace between tokens is ignored and tokens compare CASE-INSENSITIVELY
    (ASCII strcasecmp); `case_sensitive` switches to exact token comparison and
    `space_change_sensitive` requires every whitespace character to match exactly;
  * with a float tolerance set, an expected token that parses completely as a finite C double
    (sscanf "%lf" with nothing left over) must be matched by a float within
    |exp - got| <= abs_tol or |exp - got| <= rel_tol * |exp|; other tokens (nan, inf, words)
    are compared as strings.
Everything works on bytes, so non-UTF-8 output never raises.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from sandbox.jobs import Job, Limits, Program, RunResult, SandboxError, Verdict

# C locale isspace(); bytes.split() with no argument splits on exactly this set.
_PIECE_RE = re.compile(rb"[ \t\n\v\f\r]+|[^ \t\n\v\f\r]+")
# What strtod accepts as a finite number, anchored so trailing junk ("1e", "1,5") fails like
# sscanf("%lf%10s") == 2 does. Bytes patterns keep \d ASCII-only (Python's float() is laxer:
# it takes "1_000" and non-ASCII digits).
_DEC_FLOAT_RE = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_HEX_FLOAT_RE = re.compile(
    rb"[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?"
)
_TOLERANCE_FLAGS = ("float_absolute_tolerance", "float_relative_tolerance", "float_tolerance")
_SHOW_MAX = 40  # characters of a token quoted in a message


@dataclass(frozen=True)
class ValidatorFlags:
    """Settings of the Kattis default output validator.

    Defaults match Kattis: case-insensitive, whitespace-change-insensitive, no float tolerance.
    A tolerance of None means "not given"; Kattis treats a negative one the same way.
    """

    case_sensitive: bool = False
    space_change_sensitive: bool = False
    float_absolute_tolerance: float | None = None
    float_relative_tolerance: float | None = None

    @classmethod
    def parse(cls, flags: str | list[str] | None) -> ValidatorFlags:
        """Parse a `validator_flags` string such as "float_tolerance 1e-6 case_sensitive".

        Raises ValueError on an unknown flag or a bad tolerance, as Kattis reports a judge error.
        """
        words = (flags.split() if isinstance(flags, str) else list(flags)) if flags else []
        case_sensitive = space_sensitive = False
        abs_tol: float | None = None
        rel_tol: float | None = None
        i = 0
        while i < len(words):
            word = words[i]
            if word == "case_sensitive":
                case_sensitive = True
            elif word == "space_change_sensitive":
                space_sensitive = True
            elif word in _TOLERANCE_FLAGS:
                value = parse_float(words[i + 1].encode()) if i + 1 < len(words) else None
                if value is None:
                    raise ValueError(f"validator flag {word!r} needs a finite number after it")
                i += 1
                if word != "float_relative_tolerance":
                    abs_tol = value
                if word != "float_absolute_tolerance":
                    rel_tol = value
            else:
                raise ValueError(f"unknown validator flag {word!r}")
            i += 1
        return cls(
            case_sensitive=case_sensitive,
            space_change_sensitive=space_sensitive,
            # Negative means "off" in Kattis (it only uses a tolerance that is >= 0).
            float_absolute_tolerance=abs_tol if abs_tol is not None and abs_tol >= 0 else None,
            float_relative_tolerance=rel_tol if rel_tol is not None and rel_tol >= 0 else None,
        )

    @property
    def abs_tol(self) -> float | None:
        t = self.float_absolute_tolerance
        return t if t is not None and t >= 0 else None

    @property
    def rel_tol(self) -> float | None:
        t = self.float_relative_tolerance
        return t if t is not None and t >= 0 else None

    @property
    def uses_floats(self) -> bool:
        return self.abs_tol is not None or self.rel_tol is not None


@dataclass(frozen=True)
class CheckResult:
    accepted: bool
    message: str  # why: "accepted", or the first difference found


def parse_float(token: bytes) -> float | None:
    """The value of `token` if Kattis would treat it as a float, else None (nan/inf excluded)."""
    if _DEC_FLOAT_RE.fullmatch(token):
        value = float(token)
    elif _HEX_FLOAT_RE.fullmatch(token):
        value = float.fromhex(token.decode("ascii"))
    else:
        return None
    return value if math.isfinite(value) else None


def _show(token: bytes) -> str:
    text = token.decode("utf-8", errors="replace")
    if len(text) > _SHOW_MAX:
        text = text[:_SHOW_MAX] + "..."
    return repr(text)


def _compare_tokens(index: int, exp: bytes, got: bytes, flags: ValidatorFlags) -> str | None:
    """None when the tokens match, else the reason (index is 1-based)."""
    if flags.uses_floats:
        exp_val = parse_float(exp)
        if exp_val is not None:
            got_val = parse_float(got)
            if got_val is None:
                return f"token {index}: expected float {_show(exp)}, got {_show(got)}"
            diff = abs(exp_val - got_val)
            abs_tol, rel_tol = flags.abs_tol, flags.rel_tol
            if abs_tol is not None and diff <= abs_tol:
                return None
            if rel_tol is not None and diff <= rel_tol * abs(exp_val):
                return None
            return (
                f"token {index}: expected {_show(exp)}, got {_show(got)} "
                f"(difference {diff:.3g}, abs tol {abs_tol}, rel tol {rel_tol})"
            )
    same = exp == got if flags.case_sensitive else exp.lower() == got.lower()
    return None if same else f"token {index}: expected {_show(exp)}, got {_show(got)}"


def _check_tokens(output: bytes, expected: bytes, flags: ValidatorFlags) -> CheckResult:
    got_tokens = output.split()
    exp_tokens = expected.split()
    for i, exp in enumerate(exp_tokens):
        if i >= len(got_tokens):
            if not got_tokens:
                what = "output is empty" if not output else "output has no tokens"
                return CheckResult(False, f"{what}; expected {len(exp_tokens)} tokens")
            return CheckResult(
                False,
                f"output too short: {len(got_tokens)} tokens, expected {len(exp_tokens)} "
                f"(next expected {_show(exp)})",
            )
        reason = _compare_tokens(i + 1, exp, got_tokens[i], flags)
        if reason:
            return CheckResult(False, reason)
    if len(got_tokens) > len(exp_tokens):
        extra = got_tokens[len(exp_tokens)]
        return CheckResult(
            False,
            f"trailing output: {len(got_tokens) - len(exp_tokens)} extra tokens, "
            f"first {_show(extra)}",
        )
    return CheckResult(True, "accepted")


def _check_space_sensitive(output: bytes, expected: bytes, flags: ValidatorFlags) -> CheckResult:
    # Kattis matches every whitespace char of the answer one-for-one and rejects any extra
    # whitespace in the output, so the whitespace runs must be identical (trailing newline too).
    got = _PIECE_RE.findall(output)
    exp = _PIECE_RE.findall(expected)
    token_no = 0
    line = 1
    for i, piece in enumerate(exp):
        is_space = piece[:1].isspace()
        if not is_space:
            token_no += 1
        if i >= len(got):
            if is_space:
                return CheckResult(False, f"line {line}: output ended, expected whitespace")
            return CheckResult(False, f"output too short: missing token {token_no} {_show(piece)}")
        mine = got[i]
        if is_space != mine[:1].isspace():
            where = f"line {line}"
            if is_space:
                return CheckResult(False, f"{where}: expected whitespace, got token {_show(mine)}")
            return CheckResult(
                False, f"{where}: space change: expected token {_show(piece)}, got whitespace"
            )
        if is_space:
            if piece != mine:
                return CheckResult(
                    False, f"line {line}: space change: expected {piece!r}, got {mine!r}"
                )
            line += piece.count(b"\n")
            continue
        reason = _compare_tokens(token_no, piece, mine, flags)
        if reason:
            return CheckResult(False, reason)
    if len(got) > len(exp):
        extra = got[len(exp)]
        if extra[:1].isspace():
            return CheckResult(False, f"line {line}: space change: extra whitespace {extra!r}")
        return CheckResult(False, f"trailing output: {_show(extra)}")
    return CheckResult(True, "accepted")


def check(output: bytes, expected: bytes, flags: ValidatorFlags) -> CheckResult:
    """Judge `output` against the answer `expected` like the Kattis default validator."""
    if flags.space_change_sensitive:
        return _check_space_sensitive(output, expected, flags)
    return _check_tokens(output, expected, flags)


def exact_check(output: bytes, expected: bytes) -> CheckResult:
    """Byte-exact comparison, ignoring only trailing whitespace at the end of the file."""
    got = output.rstrip()
    exp = expected.rstrip()
    if got == exp:
        return CheckResult(True, "accepted")
    common = min(len(got), len(exp))
    pos = next((i for i in range(common) if got[i] != exp[i]), common)
    line = exp.count(b"\n", 0, pos) + 1
    if pos == len(got):
        return CheckResult(False, f"output too short: ends at byte {pos} (line {line})")
    if pos == len(exp):
        return CheckResult(False, f"output too long: extra bytes from byte {pos} (line {line})")
    return CheckResult(
        False,
        f"byte {pos} (line {line}): expected {_show(exp[pos : pos + 10])}, "
        f"got {_show(got[pos : pos + 10])}",
    )


def _round_float(value: float, flags: ValidatorFlags) -> str:
    """Round to the decimal digits the tolerance makes meaningful, for a value of this size."""
    tol = max(flags.abs_tol or 0.0, (flags.rel_tol or 0.0) * abs(value))
    if tol <= 0:
        return repr(value + 0.0)  # exact numeric comparison: "1" and "1.00" still agree
    digits = math.floor(-math.log10(tol) + 1e-9)
    # repr of the rounded float is canonical; + 0.0 folds -0.0 into 0.0.
    return repr(round(value, digits) + 0.0)


def _normalise_token(token: bytes, flags: ValidatorFlags) -> bytes:
    if flags.uses_floats:
        value = parse_float(token)
        if value is not None:
            return _round_float(value, flags).encode()
    return token if flags.case_sensitive else token.lower()


def normalise(output: bytes, flags: ValidatorFlags) -> str:
    """Canonical text of `output` for clustering: outputs `check` would accept against the same
    answer usually normalise equally (floats near a rounding boundary are the known exception).
    """
    if flags.space_change_sensitive:
        pieces = [
            p if p[:1].isspace() else _normalise_token(p, flags) for p in _PIECE_RE.findall(output)
        ]
        data = b"".join(pieces)
    else:
        data = b" ".join(_normalise_token(t, flags) for t in output.split())
    # backslashreplace keeps distinct invalid bytes distinct (errors="replace" would merge them).
    return data.decode("utf-8", errors="backslashreplace")


# ---------------------------------------------------------------------------------------------
# Custom checkers: programs run in the sandbox like any other, with their own limits
# ---------------------------------------------------------------------------------------------

CHECKER_KINDS = ("default", "exact", "testlib", "kattis")
TESTLIB_OK, TESTLIB_WA, TESTLIB_PE, TESTLIB_FAIL = 0, 1, 2, 3
KATTIS_ACCEPT, KATTIS_REJECT = 42, 43


class CheckerError(SandboxError):
    """The checker itself failed (testlib exit 3, a validator exit code other than 42/43, a
    checker that crashed or ran out of time): a judge error, never a verdict of the program."""


@dataclass(frozen=True)
class Checker:
    """How a run's output is judged.

    kind: "default" (Kattis default validator with `flags`), "exact" (bytes, trailing whitespace
    ignored), "testlib" (`checker input output answer`; exit 0 OK, 1 WA, 2 PE, 3 FAIL) or
    "kattis" (output validator: `validator input answer feedback_dir [flags] < output`; exit 42
    accept, 43 reject). The last two need `program`, which is compiled and run in the sandbox
    under `limits` (generous: a checker's slowness is not the program's fault).

    interactive: the program is an interactor, run during the program instead of after it, and
    talking to it through pipes (see interactor_job): testlib-style `interactor input output
    answer` (`output` is a file of its own, which nothing reads) or Kattis-style `interactor
    input answer feedback_dir [flags]`, with the same exit codes as the checker of its kind.
    """

    kind: str = "default"
    flags: ValidatorFlags = field(default_factory=ValidatorFlags)
    program: Program | None = None
    limits: Limits = field(default_factory=lambda: Limits(time_s=10.0, memory_mb=2048))
    interactive: bool = False

    def __post_init__(self) -> None:
        if self.kind not in CHECKER_KINDS:
            raise ValueError(f"unknown checker kind {self.kind!r} (expected {CHECKER_KINDS})")
        if (self.kind in ("testlib", "kattis")) != (self.program is not None):
            needs = "needs a" if self.program is None else "takes no"
            raise ValueError(f"a {self.kind} checker {needs} program")

    @property
    def runs_in_sandbox(self) -> bool:
        return self.program is not None

    @property
    def runs_after(self) -> bool:
        """Whether it judges an output once the program has ended (a custom checker that is
        not an interactor): the tester then runs it as jobs of their own."""
        return self.program is not None and not self.interactive

    @property
    def role(self) -> str:
        """What it is called in a judge error."""
        if self.interactive:
            return "the interactor"
        return "the output validator" if self.kind == "kattis" else "the checker"


def as_checker(checker: Checker | ValidatorFlags) -> Checker:
    """Callers that only know validator flags (Problem.checker) get the default validator."""
    return checker if isinstance(checker, Checker) else Checker("default", checker)


def check_builtin(output: bytes, expected: bytes, checker: Checker) -> CheckResult:
    if output == expected:  # every builtin checker accepts the answer itself; a 64 MB one at
        return CheckResult(True, "accepted")  # memcmp speed, not token by token
    if checker.kind == "exact":
        return exact_check(output, expected)
    return check(output, expected, checker.flags)


def checker_job(checker: Checker, test_input: bytes, output: bytes, expected: bytes) -> Job:
    """The sandbox job that runs a custom checker on one output."""
    assert checker.program is not None
    files = (("input", test_input), ("answer", expected))
    if checker.kind == "testlib":
        return Job(checker.program, b"", checker.limits, ("input", "output", "answer"),
                   (*files, ("output", output)))
    flags = tuple(validator_flags_words(checker.flags))
    return Job(checker.program, output, checker.limits, ("input", "answer", "feedback/", *flags),
               files, feedback_dir=True)


def validator_flags_words(flags: ValidatorFlags) -> list[str]:
    """The flags as Kattis passes them to an output validator's command line."""
    words = []
    if flags.case_sensitive:
        words.append("case_sensitive")
    if flags.space_change_sensitive:
        words.append("space_change_sensitive")
    if flags.float_absolute_tolerance is not None:
        words += ["float_absolute_tolerance", repr(flags.float_absolute_tolerance)]
    if flags.float_relative_tolerance is not None:
        words += ["float_relative_tolerance", repr(flags.float_relative_tolerance)]
    return words


def checker_verdict(checker: Checker, run: RunResult) -> CheckResult:
    """Read a custom checker's (or interactor's) run: accepted or not, with its message;
    CheckerError when the checker itself failed."""
    message = (run.checker_message or run.stderr_tail or run.stdout.decode("utf-8", "replace"))
    message = message.strip()[-500:]
    role = checker.role
    if run.verdict is Verdict.CE:
        raise CheckerError(f"{role} does not compile: {run.stderr_tail.strip()[-500:]}")
    if run.verdict not in (Verdict.OK, Verdict.RE) or run.signal is not None:
        raise CheckerError(f"{role} failed ({run.verdict.value}): {message}")
    code = run.exit_code
    if checker.kind == "testlib":
        if code == TESTLIB_OK:
            return CheckResult(True, message or "accepted")
        if code == TESTLIB_WA:
            return CheckResult(False, message or "wrong answer")
        if code == TESTLIB_PE:
            return CheckResult(False, f"presentation error: {message}")
        raise CheckerError(f"{role} failed (testlib exit {code}): {message}")
    if code == KATTIS_ACCEPT:
        return CheckResult(True, message or "accepted")
    if code == KATTIS_REJECT:
        return CheckResult(False, message or "rejected")
    raise CheckerError(f"{role} failed (exit {code}, not 42/43): {message}")


# ---------------------------------------------------------------------------------------------
# Interactors: checkers that run during the program, wired to it by pipes
# ---------------------------------------------------------------------------------------------


def interactor_job(checker: Checker, test_input: bytes, expected: bytes | None) -> Job:
    """The interactor's half of an interactive job (Job.interactor): the test's input is its
    input file, the answer (empty when the test has none, e.g. a generated input) its answer
    file. Its stdin and stdout are the program's, so its own `input` is unused."""
    assert checker.program is not None and checker.interactive
    files = (("input", test_input), ("answer", expected or b""))
    if checker.kind == "testlib":  # `output` is the interactor's own file (testlib's tout)
        return Job(checker.program, b"", checker.limits, ("input", "output", "answer"), files)
    flags = tuple(validator_flags_words(checker.flags))
    return Job(checker.program, b"", checker.limits, ("input", "answer", "feedback/", *flags),
               files, feedback_dir=True)


def interaction_verdict(checker: Checker, run: RunResult) -> RunResult:
    """The verdict of an interactive run, from the program's run and its interactor's, in
    problemtools' order: an interactor that failed is a judge error (CheckerError, whatever
    the program did); one that rejected before the program ended makes it WA (the program,
    cut off, may then crash or wait: that is not its fault); else a program that failed keeps
    its verdict (TLE, MLE, OLE, RE: an idle program is TLE, not the WA of an interactor that
    then read end-of-file); else the interactor decides. A run the interactor never saw (CE,
    SKIPPED) is returned as it is."""
    if run.interactor is None:
        return run
    decided = checker_verdict(checker, run.interactor)
    if run.verdict is not Verdict.OK and (decided.accepted or not run.interactor_first):
        return replace(run, checker_message=decided.message)
    verdict = Verdict.OK if decided.accepted else Verdict.WA
    return replace(run, verdict=verdict, checker_message=decided.message)
