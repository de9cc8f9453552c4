"""What the solver knows about one problem: the data every later stage reads.

Loading it from files is solver/problem/load.py; the formats' readers are solver/problem/formats/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sandbox.checkers import Checker, ValidatorFlags
from sandbox.jobs import Program


class ProblemError(Exception):
    """The problem files are missing or malformed; the message is one line naming the file."""


@dataclass(frozen=True)
class TestCase:
    __test__ = False  # not a pytest test class, despite the name

    name: str
    input: bytes
    output: bytes  # the expected answer (for Kattis, the .ans file)


@dataclass(frozen=True)
class InputValidator:
    """A problem's own input validator: reads an input on stdin, says by its exit code whether
    the input keeps the problem's constraints."""

    program: Program
    valid_exit: int  # Kattis input_format_validators: 42; testlib validators: 0


OBJECTIVES = ("max", "min")
AGGREGATES = ("mean", "sum", "min", "median")
# How a scorer is run and read: "kattis", a Kattis output validator of a `type: scoring` package
# (`validator input answer feedback_dir < output`; exit 42 accepts, 43 rejects; the score in
# feedback/score.txt, 1 when it writes none, as Kattis' default accept_score); "scorer", the
# program a Markdown problem names (`scorer input output`; exit 0 with one number on stdout
# accepts with that score, exit 43 rejects; anything else is the scorer's own failure).
SCORER_KINDS = ("kattis", "scorer")


@dataclass(frozen=True)
class Scoring:
    """A scored problem (Kattis `type: scoring`, or a Markdown `scorer:`): every valid output
    has a score, and a program's score is `aggregate` of its per-test scores, counted only when
    every one of its runs is valid. Read by solver/evolve/score.py."""

    program: Program  # the scorer or scoring output validator, run in the sandbox
    kind: str = "scorer"  # one of SCORER_KINDS
    objective: str = "max"  # one of OBJECTIVES: whether a higher score is better
    aggregate: str = "mean"  # one of AGGREGATES, over the tests


@dataclass
class Problem:
    id: str  # stable short name, e.g. the folder name ("sum-of-two", "bank")
    title: str
    statement: str  # readable text for the prompt: Markdown as written, or LaTeX/HTML made plain
    examples: list[TestCase]  # public tests: the only ones a model or the filter may see
    hidden: list[TestCase] = field(default_factory=list)  # for verdicts and evaluation only
    time_limit_s: float = 2.0
    memory_limit_mb: int = 1024
    checker: ValidatorFlags = field(default_factory=ValidatorFlags)
    url: str | None = None
    source_format: str = "markdown"  # one of solver.problem.load.FORMATS
    path: Path | None = None
    # The problem's own checker (Kattis output validator, testlib checker) when it ships one;
    # None: the default validator with `checker` flags. See `output_checker`. An interactive
    # problem's interactor is one too (Checker.interactive: it runs during the program, talking
    # to it, instead of after it): every run then goes through it, and a test's input is the
    # interactor's input file, its answer the interactor's answer file.
    custom_checker: Checker | None = None
    # The problem's input validators (Kattis input_format_validators/, testlib validator.cpp):
    # generated inputs they reject are never used (solver.selection). Empty: none shipped.
    input_validators: list[InputValidator] = field(default_factory=list)
    # Set on a scored problem (an optimisation problem: `cpsolve evolve`); None: pass/fail only.
    scoring: Scoring | None = None

    @property
    def output_checker(self) -> Checker:
        """How outputs are judged: the custom checker, else the default validator."""
        return self.custom_checker or Checker("default", self.checker)

    @property
    def interactive(self) -> bool:
        """Whether programs talk to an interactor (custom_checker) instead of reading a file."""
        return self.custom_checker is not None and self.custom_checker.interactive
