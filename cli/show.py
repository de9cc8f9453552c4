"""`cpsolve show`: the problem as cpsolve parsed it, to check a loader before solving."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import FORMAT_HELP, err, guarded, out, print_json


def show(
    problem_path: Annotated[Path, typer.Argument(metavar="PROBLEM", help="problem file or folder")],
    problem_format: Annotated[str | None, typer.Option("--format", help=FORMAT_HELP)] = None,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Print PROBLEM as parsed: title, limits, statement, examples, hidden tests, checker, url."""
    from solver.problem import load_problem, problem_as_json

    problem = guarded(debug, lambda: load_problem(problem_path, problem_format))
    shown = problem_as_json(problem)
    if json_output:
        print_json(shown)
    else:
        render_problem(shown, problem.source_format)
    if not problem.statement.strip():
        err.print(f"warning: {problem_path} has no statement text (only a title and examples)",
                  soft_wrap=True, markup=False)


def render_problem(shown: dict, source_format: str) -> None:
    from rich.rule import Rule
    from rich.text import Text

    from sandbox.checkers import ValidatorFlags, validator_flags_words

    # soft_wrap: text goes out as parsed, never re-wrapped at the console's width.
    out.print(Text(shown["title"], style="bold"), soft_wrap=True)
    checker = " ".join(validator_flags_words(ValidatorFlags(**shown["checker"])))
    facts = [
        ("format", source_format),
        ("time limit", f"{shown['time_limit_s']:g} s"),
        ("memory limit", f"{shown['memory_limit_mb']} MB"),
        ("checker", checker or "default (tokens, case-insensitive)"),
        ("hidden tests", str(shown["hidden_tests"])),
        ("url", shown["url"] or "-"),
    ]
    for name, value in facts:
        out.print(Text(f"{name + ':':<14}{value}"), soft_wrap=True)
    out.print(Rule("statement", align="left"))
    out.print(Text(shown["statement"].rstrip("\n") or "(none)"), soft_wrap=True)
    for number, example in enumerate(shown["examples"], start=1):
        out.print(Rule(f"example {number}: input", align="left"))
        out.print(Text(example["input"].rstrip("\n")), soft_wrap=True)
        out.print(Rule(f"example {number}: output", align="left"))
        out.print(Text(example["output"].rstrip("\n")), soft_wrap=True)
