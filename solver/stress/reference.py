"""Where a stress run's expected answers come from, in this order: a brute force the user names;
else the problem's hidden tests with their answers; else the top candidate an earlier `cpsolve
solve` wrote; else there is no reference, and that is the user's to fix (StressInputError)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sandbox.jobs import Program
from solver.problem import Problem, TestCase
from solver.reporting import EXTENSIONS, candidate_filename
from solver.run.program import read_program


class StressInputError(Exception):
    """Stress cannot start or go on because of what it was given (no reference, a program or
    generator that does not compile, a generator that fails); one line. Not a counterexample,
    and not the sandbox failing (SandboxError)."""


# Reference kinds, as reports name them.
BRUTE, HIDDEN, CANDIDATE = "brute", "hidden tests", "top candidate"
INTERACTIVE = ("{} is interactive: its interactor judges each conversation, there is no output "
               "to compare with a reference's; only the hidden tests can be run (drop --brute "
               "and --generator)")


def is_interactive(problem: Problem) -> bool:
    """Whether an interactor judges the problem's runs: a reference's output is then no
    answer, while the hidden tests' answer files still are (the interactor's own)."""
    # getattr: Checker.interactive is newer than this module.
    return bool(getattr(problem.output_checker, "interactive", False))


@dataclass(frozen=True)
class Reference:
    """The answers PROGRAM's outputs are checked against."""

    kind: str  # BRUTE, HIDDEN or CANDIDATE
    where: str  # the file or folder it came from, to say so to the user
    # The program run on each input, its output the expected answer; None for HIDDEN, whose
    # answers are fixed (and so give nothing for an input they do not hold: no shrinking).
    program: Program | None = None
    tests: list[TestCase] = field(default_factory=list)  # HIDDEN: the tests and their answers

    @property
    def answers_any_input(self) -> bool:
        """A program reference answers generated and shrunk inputs; hidden tests do not."""
        return self.program is not None


def choose_reference(
    problem: Problem,
    *,
    brute: Path | None,
    output_dir: Path,
    generated_inputs: bool = False,
) -> Reference:
    """The reference for a stress run on `problem`.

    brute: a brute-force program file (.py, .cpp, ...): always first when given.
    output_dir: where `cpsolve solve` wrote its candidates (the settings' output_dir); its
        <problem id>/rank01.py or rank01.cpp is the last resort. A model's top candidate is
        only the likeliest right program, not a right one: a disagreement may be its bug.
    generated_inputs: the inputs will come from elsewhere (a --generator): hidden tests cannot
        answer those, so they are passed over for a program.
    Raises ProgramFileError (an unreadable brute or candidate) or StressInputError (none; or
    an interactive problem with anything but its hidden tests).
    """
    if is_interactive(problem) and (brute is not None or generated_inputs
                                    or not problem.hidden):
        raise StressInputError(INTERACTIVE.format(problem.id))
    if brute is not None:
        return Reference(BRUTE, str(brute), program=read_program(brute))
    if problem.hidden and not generated_inputs:
        return Reference(HIDDEN, str(problem.path or problem.id), tests=list(problem.hidden))
    folder = output_dir / problem.id
    for language in EXTENSIONS:
        path = folder / candidate_filename(1, language)
        if path.is_file():
            return Reference(CANDIDATE, str(path), program=read_program(path))
    why = "a generator's inputs need a reference program" if generated_inputs and problem.hidden \
        else f"{problem.id} has no hidden tests"
    raise StressInputError(
        f"no reference to compare with: {why}, and no {folder / 'rank01.py'} (or .cpp) from "
        f"`cpsolve solve`; pass --brute BRUTE")
