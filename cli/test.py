"""`cpsolve test PROGRAM PROBLEM`: judge one program on a problem's tests, like `oj t`.

Uses the same judge() the solver filters and evaluates with, so a verdict here is the verdict
`solve` would give.
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
    sandbox_options,
)


def test(
    program_path: Annotated[Path, typer.Argument(metavar="PROGRAM", help=".py, .cpp, .cc, .cxx")],
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

        program = read_program(program_path)
        problem = load_problem(problem_path)
        cases = problem.examples + (problem.hidden if all_tests else [])
        if not cases:
            raise CliError(f"{problem_path}: no tests to run", EXIT_INPUT)
        checker = problem.output_checker
        with DockerPool(sandbox_options(defaults, workers, at_most=len(cases))) as pool:
            report = judge_program(pool, program, problem, cases, checker)
        if json_output:
            from cli.common import print_json

            print_json(report)
        else:
            render(report, program_path.name, problem.title)
        return EXIT_OK if report["verdict"] == "OK" else EXIT_NOTHING_PASSED

    raise typer.Exit(guarded(debug, run))


def read_program(path: Path):
    from sandbox.jobs import Program, language_of

    language = language_of(path.name)
    if language is None:
        raise CliError(f"{path}: unknown language (expected .py, .cpp, .cc or .cxx)", EXIT_INPUT)
    try:
        return Program(language, path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CliError(f"{path}: cannot read: {error}", EXIT_INPUT) from error


def judge_program(executor, program, problem, cases, checker, stop_at_failure: int = 0) -> dict:
    """Judge one program on `cases`: {verdict, tests: [{name, verdict, time_s, memory_mb, ...}]}.

    time_s is CPU time (what the limit is on); wall_s is beside it. With stop_at_failure=k the
    tests run k at a time and stop after the batch holding the first failure, as Kattis stops
    (the verdict is the same; `tests` then lists only what ran).
    """
    from sandbox.jobs import Limits
    from sandbox.tester import Test, judge, overall

    limits = Limits(time_s=problem.time_limit_s, memory_mb=problem.memory_limit_mb)
    tests = [Test(case.name, case.input, case.output) for case in cases]
    batch = stop_at_failure or len(tests)
    results = []
    for start in range(0, len(tests), batch):
        results += judge(executor, [program], tests[start:start + batch], limits,
                         checker)[program.key]
        if stop_at_failure and overall(results).value != "OK":
            break
    return {
        "verdict": overall(results).value,
        "tests": [
            {
                "name": case.name,
                "verdict": result.verdict.value,
                "time_s": round(result.cpu_s, 3),
                "wall_s": round(result.wall_s, 3),
                "memory_mb": result.memory_mb,
                "message": message_of(result),
            }
            for case, result in zip(cases, results, strict=False)
        ],
    }


def message_of(result) -> str:
    """One short line saying why a test failed ("" when it passed)."""
    from sandbox.jobs import Verdict

    if result.verdict is Verdict.OK:
        return ""
    text = result.checker_message if result.verdict is Verdict.WA else result.stderr_tail
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if result.verdict is Verdict.CE:  # a compiler's first error is the useful line
        lines = [line for line in lines if "error" in line] or lines
        line = lines[0] if lines else ""
    else:  # a crash's last line is
        line = lines[-1] if lines else ""
    if result.verdict is Verdict.RE:
        cause = f"signal {result.signal}" if result.signal else f"exit code {result.exit_code}"
        line = f"{cause}: {line}" if line else cause
    return line[:160]


def render(report: dict, program_name: str, title: str) -> None:
    from rich.table import Table

    from cli.common import out

    table = Table(title=f"{program_name} on {title}", title_justify="left")
    for column, justify in (("test", "left"), ("verdict", "left"), ("time (s)", "right"),
                            ("memory (MB)", "right"), ("why", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    for row in report["tests"]:
        colour = "green" if row["verdict"] == "OK" else "red"
        table.add_row(row["name"], f"[{colour}]{row['verdict']}[/{colour}]",
                      f"{row['time_s']:.3f}", f"{row['memory_mb']:.1f}", row["message"])
    out.print(table)
    passed = sum(row["verdict"] == "OK" for row in report["tests"])
    colour = "green" if report["verdict"] == "OK" else "red"
    out.print(f"[{colour}]{report['verdict']}[/{colour}]: {passed}/{len(report['tests'])} passed")
