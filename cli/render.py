"""Renderings more than one command prints: a solve's top k, a program's test table, a
submission's plan and outcome. Data in, rich text out; nothing here runs anything."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from cli.common import err, out

if TYPE_CHECKING:
    from solver.solve import SolveResult
    from solver.submit.loop import Submission, SubmitOutcome

DRY_RUN_LINES = 5  # first lines of each program shown by --dry-run


def render_result(result: SolveResult, target: Path) -> None:
    """The top k as panels on stdout, counts and the folder on stderr."""
    from rich.panel import Panel
    from rich.syntax import Syntax

    stats = result.stats
    err.print(
        f"sampled {stats.sampled}, unique {stats.unique}, compiled {stats.compiled}, "
        f"passed examples {stats.passed_examples}, clusters {stats.clusters} "
        f"(on {stats.generated_inputs} generated inputs)"
    )
    if stats.repairs or stats.resamples:
        err.print(f"repairs {stats.repairs} ({stats.repairs_passed} passed the examples), "
                  f"notes {stats.resamples}; tokens {stats.tokens_sampled} sampled, "
                  f"{stats.tokens_repair} on feedback")
    if not result.candidates:
        err.print("[yellow]no program passed the examples[/yellow]")
        return
    for chosen in result.candidates:
        title = f"#{chosen.rank}  cluster of {chosen.cluster_size} sample(s)"
        if chosen.origin == "repair":
            title += f"  repaired (of sample {chosen.parent}, round {chosen.round})"
        elif chosen.origin == "resample":
            title += "  sampled with a note on a failure"
        if chosen.hidden_verdict is not None:
            colour = "green" if chosen.hidden_verdict.value == "OK" else "red"
            total = len(result.problem.hidden)
            where = (f"{total}/{total}" if chosen.hidden_verdict.value == "OK"
                     else f"on test {(chosen.hidden_passed or 0) + 1} of {total}")
            title += (f"  hidden tests: [{colour}]{chosen.hidden_verdict.value}[/{colour}] "
                      f"({where})")
        lexer = {"python3": "python", "pypy3": "python", "java": "java"}.get(
            chosen.program.language, "cpp")
        out.print(Panel(Syntax(chosen.program.source, lexer, line_numbers=False), title=title,
                        title_align="left"))
    err.print(f"candidates written to {target}/")


def render_test_report(report: dict, program_name: str, title: str) -> None:
    """`cpsolve test`'s table: one row per test, then the verdict."""
    from rich.table import Table

    table = Table(title=f"{program_name} on {title}", title_justify="left")
    for column, justify in (("test", "left"), ("verdict", "left"), ("time (s)", "right"),
                            ("memory (MB)", "right"), ("why", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    for row in report["tests"]:
        colour = "green" if row["verdict"] == "OK" else "red"
        table.add_row(row["name"], f"[{colour}]{row['verdict']}[/{colour}]",
                      f"{row['time_s']:.3f}", f"{row['memory_mb']:.1f}", escape(row["message"]))
    out.print(table)
    passed = sum(row["verdict"] == "OK" for row in report["tests"])
    colour = "green" if report["verdict"] == "OK" else "red"
    out.print(f"[{colour}]{report['verdict']}[/{colour}]: {passed}/{len(report['tests'])} passed")


def render_plan(plan: list[Submission], max_submissions: int) -> None:
    """What a dry run would send, in order."""
    sends = 0
    for step in plan:
        candidate = step.candidate
        head = f"rank {candidate.rank}: {candidate.file}"
        if step.skip_reason:
            out.print(f"{head}: would be skipped, {step.skip_reason}", markup=False)
            continue
        if sends == max_submissions:
            out.print(f"(stops here: --max-submissions {max_submissions})", markup=False)
            break
        sends += 1
        out.print(f"{head} -> judge {step.judge}, problem {step.problem_url}", markup=False,
                  soft_wrap=True)
        language = (f"language id {step.language.id} ({step.language.name})" if step.language
                    else "language id ? (the judge's language list is unavailable)")
        out.print(f"  {language}, sha256 {step.source_sha256[:16]}", markup=False)
        for line in candidate.source.splitlines()[:DRY_RUN_LINES]:
            out.print(f"  | {line}", markup=False, soft_wrap=True)


def render_outcome(outcome: SubmitOutcome, records_path: Path) -> None:
    """How a submission run ended."""
    if outcome.status == "accepted":
        record = outcome.records[-1]
        out.print(f"accepted: rank {record.rank} ({record.file}), submission "
                  f"{record.submission_id}, after {len(outcome.records)} submission(s)",
                  markup=False, soft_wrap=True)
    elif outcome.status == "rejected":
        out.print(f"not accepted: {len(outcome.records)} submission(s), none accepted",
                  markup=False)
    else:
        out.print(outcome.message or outcome.status, markup=False, soft_wrap=True)
    if outcome.records:
        err.print(f"recorded in {records_path}", markup=False, soft_wrap=True)

