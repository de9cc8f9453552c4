"""`cpsolve test PROGRAM PROBLEM`: judge one program on a problem's tests, like `oj t`.

The judging is solver.run.program.judge_program: the same judge() the solver filters and
evaluates with, so a verdict here is the verdict `solve` would give.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import (
    EXIT_INPUT,
    EXIT_NOTHING_PASSED,
    EXIT_OK,
    CliError,
    guarded,
    load_defaults,
    print_json,
    sandbox_options,
)
from cli.render import render_test_report


def test(
    program_path: Annotated[Path, typer.Argument(
        metavar="PROGRAM",
        help=".py (PyPy if its first line is `#!/usr/bin/env pypy3`), .cpp, .cc, .cxx, .java")],
    problem_path: Annotated[Path, typer.Argument(metavar="PROBLEM", help="problem file/folder")],
    all_tests: Annotated[bool, typer.Option("--all", help="hidden tests too")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    workers: Annotated[int | None, typer.Option(help="sandbox containers")] = None,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Judge PROGRAM on PROBLEM's examples (--all: hidden tests too); exit 0 only if all pass."""
    defaults = load_defaults()

    def run() -> int:
        from sandbox.pool import DockerPool
        from solver.problem import load_problem
        from solver.run.program import judge_program, read_program

        program = read_program(program_path)
        problem = load_problem(problem_path)
        cases = problem.examples + (problem.hidden if all_tests else [])
        if not cases:
            raise CliError(f"{problem_path}: no tests to run", EXIT_INPUT)
        with DockerPool(sandbox_options(defaults, workers, at_most=len(cases))) as pool:
            report = judge_program(pool, program, problem, cases)
        if json_output:
            print_json(report)
        else:
            render_test_report(report, program_path.name, problem.title)
        return EXIT_OK if report["verdict"] == "OK" else EXIT_NOTHING_PASSED

    raise typer.Exit(guarded(debug, run))
