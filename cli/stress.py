"""`cpsolve stress PROGRAM PROBLEM`: look for an input on which PROGRAM disagrees with a reference,
and shrink it. The run is solver.stress.loop.stress; this module picks the reference's files,
shows progress on stderr and prints the counterexample."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.common import (
    EXIT_INPUT,
    EXIT_NOTHING_PASSED,
    EXIT_OK,
    CliError,
    err,
    guarded,
    load_defaults,
    out,
    print_json,
    sandbox_options,
)

if TYPE_CHECKING:
    from solver.stress.loop import StressReport

EXIT_COUNTEREXAMPLE = EXIT_NOTHING_PASSED  # 1: PROGRAM failed somewhere


def stress(
    program_path: Annotated[Path, typer.Argument(
        metavar="PROGRAM",
        help=".py (PyPy if its first line is `#!/usr/bin/env pypy3`), .cpp, .cc, .cxx, .java")],
    problem_path: Annotated[Path, typer.Argument(metavar="PROBLEM", help="problem file/folder")],
    brute: Annotated[Path | None, typer.Option(
        metavar="BRUTE", help="a slow but right program: its output is the expected answer",
    )] = None,
    generator: Annotated[Path | None, typer.Option(
        metavar="GEN", help="a program printing one input for the seed in its first argument "
        "(sys.argv[1], argv[1]), run for seeds 1, 2, 3, ... (default: inputs mutated from the "
        "examples within the statement's ranges)")] = None,
    time_s: Annotated[float, typer.Option(
        "--time", metavar="T", help="seconds to search (shrinking takes up to 20 more)")] = 10.0,
    json_output: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
    workers: Annotated[int | None, typer.Option(help="sandbox containers")] = None,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Run PROGRAM against a reference on new inputs until they disagree; shrink that input.

    PROGRAM failing (RE, TLE, MLE, OLE) counts too. Output: the input, both outputs, the verdict.

    Reference: --brute, else the hidden tests (no shrinking; not with --generator), else rank01.

    rank01.py or .cpp is what `cpsolve solve` wrote to <output_dir>/<problem id>/.

    Exit codes: 0 no counterexample in --time, 1 counterexample, 2 bad input, 3 infrastructure.
    """
    defaults = load_defaults()

    def run() -> int:
        from sandbox.pool import DockerPool
        from solver.problem import load_problem
        from solver.run.program import read_program
        from solver.stress.loop import StressOptions
        from solver.stress.loop import stress as stress_run
        from solver.stress.reference import StressInputError, choose_reference

        if not time_s > 0:
            raise CliError(f"--time must be a positive number of seconds, not {time_s}",
                           EXIT_INPUT)
        program = read_program(program_path)
        problem = load_problem(problem_path)
        generator_program = read_program(generator) if generator is not None else None
        try:
            reference = choose_reference(problem, brute=brute,
                                         output_dir=Path(defaults["output_dir"]),
                                         generated_inputs=generator is not None)
            # Said once the first inputs were judged: a failure before that is one line alone.
            progress = _Progress(f"stress: {program_path.name} against the {reference.kind} "
                                 f"({reference.where})")
            try:
                with DockerPool(sandbox_options(defaults, workers)) as pool:
                    report = stress_run(pool, program, problem, reference,
                                        StressOptions(time_s=time_s),
                                        generator=generator_program, progress=progress)
            finally:
                progress.close()
        except StressInputError as error:
            raise CliError(str(error), EXIT_INPUT) from error
        if json_output:
            print_json(_as_json(report))
        else:
            _render(report, program_path.name)
        return EXIT_OK if report.counterexample is None else EXIT_COUNTEREXAMPLE

    raise typer.Exit(guarded(debug, run))


class _Progress:
    """Tries so far on stderr, after a header line: one line rewritten in place on a terminal,
    else a line at most every few seconds (a log stays short)."""

    EVERY_S = 2.0

    def __init__(self, header: str) -> None:
        self.header = header
        self.last = 0.0
        self.phase = ""

    def __call__(self, phase: str, count: int) -> None:
        if not self.phase:
            err.print(self.header, markup=False, soft_wrap=True)
        now = time.monotonic()
        text = f"searching: {count} tries" if phase == "search" else f"shrinking: {count} runs"
        if err.is_terminal:
            err.file.write(f"\r\x1b[K{text}")
            err.file.flush()
        elif phase != self.phase or now - self.last >= self.EVERY_S:
            err.print(text, markup=False)
            self.last = now
        self.phase = phase

    def close(self) -> None:
        if err.is_terminal and self.phase:  # the next line starts clean
            err.file.write("\r\x1b[K")
            err.file.flush()


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _as_json(report: StressReport) -> dict:
    found = report.counterexample
    shrink = report.shrink
    return {
        "input": _text(found.input) if found else None,
        "output": _text(found.output) if found else None,
        "expected": _text(found.expected) if found else None,
        "verdict": found.verdict.value if found else "OK",
        "message": found.message if found else "",
        "tries": report.tries,
        "shrink_steps": shrink.steps if shrink else 0,
        "shrink_runs": shrink.runs if shrink else 0,
        "found_input": _text(found.found) if found else None,
        "origin": found.origin if found else None,
        "reference": report.reference.kind,
        "reference_file": report.reference.where,
        "skipped": report.skipped,
        "unrepeated_timeouts": report.unrepeated_timeouts,
        "invalid": report.invalid,
        "rounds": report.rounds,
        "exhausted": report.exhausted,
        "elapsed_s": round(report.elapsed_s, 2),
    }


def _render(report: StressReport, program_name: str) -> None:
    from rich.rule import Rule
    from rich.text import Text

    found = report.counterexample
    counts = f"{report.tries} inputs judged"
    if report.skipped:
        counts += f", {report.skipped} skipped (the reference failed on them)"
    if report.invalid:
        counts += f", {report.invalid} outside the statement's ranges"
    if report.unrepeated_timeouts:
        counts += (f", {report.unrepeated_timeouts} timeouts that passed when run again (a busy "
                   f"machine)")
    if found is None:
        why = "every input tried" if report.exhausted else f"{report.elapsed_s:.1f} s"
        out.print(Text(f"OK: no counterexample ({why}): {program_name} agreed with the "
                       f"{report.reference.kind} on {counts}", style="green"), soft_wrap=True)
        return
    shrink = report.shrink
    how = (f"shrunk from {len(found.found)} to {len(found.input)} bytes in {shrink.steps} "
           f"steps ({shrink.runs} runs{', budget spent' if shrink.out_of_budget else ''})"
           if shrink else "not shrunk: no reference answers a smaller input")
    out.print(Text(f"counterexample ({found.verdict.value}) after {counts}; {found.origin}, "
                   f"{how}", style="red"), soft_wrap=True)
    for title, data in (("input", found.input), (f"output of {program_name}", found.output),
                        (f"expected ({report.reference.kind})", found.expected)):
        out.print(Rule(title, align="left"))
        out.print(Text(_text(data).rstrip("\n")), soft_wrap=True)
    out.print(Rule(align="left"))
    message = f": {found.message}" if found.message else ""
    out.print(Text(f"verdict: {found.verdict.value}{message}"), soft_wrap=True)
